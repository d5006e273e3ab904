import type { Context } from '../../context.js';
import { UserRole } from '../user/user.entity.js';
import { viewerContractorId, viewerTechnicianId, viewerWilayas } from './scope.js';

/**
 * Root fields whose results are the viewer's own whatever its role (`notificationAdded`: its
 * notifications and its unread count, read by its user id): their visibility names the user.
 */
const personalFields: ReadonlySet<string> = new Set(['Subscription.notificationAdded']);

/**
 * What a viewer may see, as a key: two viewers with the same key get the same result of the same
 * operation (document, operation name and variables), field for field, so that one result may be
 * made for both (subscriptions share each event's result and frame: transport/graphql-ws.ts).
 * `rootFields` are the operation's root fields ("Subscription.invoiceChanged"); null when they
 * could not be listed, which counts as personal.
 *
 * The key holds everything a resolver reachable from a result reads of the viewer:
 * - an API key: its id. Its scopes and firm decide what it reads (`requireScope`, `keyHolds`,
 *   `maySeeCustomerData`…); keys are few, so one group per key costs little and leaves nothing out;
 * - a user: its role (`requireRole`, `operationRoles`, `maySeeMoney`, `maySeeCustomerData`,
 *   `maySeeBankAccount`, the `viewerCan` fields); its firm (`viewerContractorId`: a firm's users and
 *   technicians see its own records only); whether it is its firm's admin (`mayManageAccess`,
 *   `grantableRoles`); a DOT manager's wilayas, sorted (`viewerWilayas`); a technician's user id
 *   (`viewerTechnicianId`: its own work); and the user id for a personal root field (`personalFields`).
 *
 * The session, the client's address, the request id and the logger are left out: no field reads them
 * but the sign-in mutations, and errors are masked for each subscriber with its own request id.
 */
export function visibilityKey(context: Context, rootFields: readonly string[] | null): string {
  const viewer = context.viewer;
  if (!viewer) return 'anonymous';
  if (viewer.kind === 'apiKey') return `key:${viewer.apiKey.id}`;
  const user = viewer.user;
  const personal = rootFields === null || rootFields.some((field) => personalFields.has(field));
  return JSON.stringify([
    user.role,
    viewerContractorId(context),
    user.role === UserRole.CONTRACTOR && user.isContractorAdmin,
    [...(viewerWilayas(context) ?? [])].sort(),
    viewerTechnicianId(context),
    personal ? user.id : null,
  ]);
}
