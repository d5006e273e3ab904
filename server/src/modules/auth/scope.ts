import type { Context } from '../../context.js';
import { fieldStatuses } from '../customer-subscription/customer-subscription.lifecycle.js';
import { UserRole } from '../user/user.entity.js';

/**
 * Row scoping: what part of the data the operation's viewer may see and act on. No viewer means the
 * system (scripts, demo data): anonymous API calls never reach the services (see `authorizeRootFields`).
 */

/** The firm of a CONTRACTOR or TECHNICIAN viewer (or of a firm's API key); null for every other viewer. */
export function viewerContractorId(context: Pick<Context, 'viewer'>): string | null {
  const viewer = context.viewer;
  if (viewer?.kind === 'apiKey') return viewer.apiKey.contractor?.id ?? null;
  const user = viewer?.user;
  return user?.role === UserRole.CONTRACTOR || user?.role === UserRole.TECHNICIAN ? (user.contractor?.id ?? '0') : null;
}

/** The user id of a TECHNICIAN viewer; null for every other viewer. */
export function viewerTechnicianId(context: Pick<Context, 'viewer'>): string | null {
  const viewer = context.viewer;
  return viewer?.kind === 'user' && viewer.user.role === UserRole.TECHNICIAN ? viewer.user.id : null;
}

/** Whether the viewer may read money (invoices, amounts, prices): everyone but a TECHNICIAN. */
export function maySeeMoney(context: Context): boolean {
  return viewerTechnicianId(context) === null;
}

/** The wilayas of a DOT_MANAGER viewer; null (no limit) for every other viewer. */
export function viewerWilayas(context: Pick<Context, 'viewer'>): string[] | null {
  const viewer = context.viewer;
  return viewer?.kind === 'user' && viewer.user.role === UserRole.DOT_MANAGER ? viewer.user.wilayaCodes : null;
}

/**
 * The condition that keeps the sites the viewer may see: its firm's for a CONTRACTOR or TECHNICIAN,
 * its wilayas' for a DOT_MANAGER, all of them otherwise.
 */
export function siteScope(context: Context): Record<string, unknown> {
  const contractorId = viewerContractorId(context);
  if (contractorId !== null) return { contractor: contractorId };
  const wilayas = viewerWilayas(context);
  if (wilayas !== null) return { wilaya: { $in: wilayas } };
  return {};
}

/**
 * The condition that keeps the customer subscriptions the viewer may see and act on: those of its
 * sites' scope (`siteScope`), and for a TECHNICIAN only the open work of its firm (`fieldStatuses`)
 * given to it or to the firm with no technician named.
 */
export function workScope(context: Context): Record<string, unknown> {
  const technicianId = viewerTechnicianId(context);
  if (technicianId === null) return siteScope(context);
  return {
    ...siteScope(context),
    status: { $in: [...fieldStatuses] },
    $or: [{ technician: technicianId }, { technician: null }],
  };
}

/**
 * Whether the viewer may see a customer subscription of this firm, status and technician (the rule of
 * `workScope`, for records in memory; the firm and wilaya part is `maySeeWork`'s): a TECHNICIAN its
 * firm's open work given to it or to no one in particular, every other viewer whatever its status.
 */
export function maySeeFieldWork(context: Context, work: { status: string; technicianId: string | null }): boolean {
  const technicianId = viewerTechnicianId(context);
  if (technicianId === null) return true;
  return (
    (fieldStatuses as readonly string[]).includes(work.status) &&
    (work.technicianId === null || work.technicianId === technicianId)
  );
}

/** The condition that keeps the contractors the viewer may see: its own firm for a CONTRACTOR. */
export function contractorScope(context: Context): Record<string, unknown> {
  const contractorId = viewerContractorId(context);
  return contractorId === null ? {} : { id: contractorId };
}

/** Whether the viewer may work in this wilaya (a DOT_MANAGER in its own only). */
export function mayWorkIn(context: Context, wilayaCode: string): boolean {
  const wilayas = viewerWilayas(context);
  return wilayas === null || wilayas.includes(wilayaCode);
}

/**
 * Whether the viewer may read customers' personal data (name, phone, address): by role (a technician
 * knocks on the door), or a key's `read:personalData`.
 */
export function maySeeCustomerData(context: Context): boolean {
  const viewer = context.viewer;
  if (viewer?.kind === 'apiKey') return viewer.apiKey.scopes.includes('read:personalData');
  const role = viewer?.user.role;
  return (
    role === undefined ||
    role === UserRole.ADMIN ||
    role === UserRole.DOT_MANAGER ||
    role === UserRole.CONTRACTOR ||
    role === UserRole.TECHNICIAN
  );
}

/**
 * Whether the viewer may read this contractor's bank account: ADMIN, FINANCE, the firm's CONTRACTOR
 * users (never its technicians), or a key's `read:bankAccounts`.
 */
export function maySeeBankAccount(context: Context, contractorId: string): boolean {
  const viewer = context.viewer;
  if (!viewer) return true;
  const own = viewerContractorId(context);
  if (own !== null && own !== contractorId) return false;
  if (viewer.kind === 'apiKey') return viewer.apiKey.scopes.includes('read:bankAccounts');
  const role = viewer.user.role;
  return role === UserRole.ADMIN || role === UserRole.FINANCE || (role === UserRole.CONTRACTOR && own === contractorId);
}

/** Whether an API key viewer holds `scope`; true for users (their role was checked already). */
function keyHolds(context: Context, scope: string): boolean {
  return context.viewer?.kind !== 'apiKey' || context.viewer.apiKey.scopes.includes(scope);
}

/**
 * Whether the viewer may read this contractor through a nested field (site → contractor, …): a
 * firm (user or key) reads only its own record; a key needs `read:contractors`.
 */
export function mayReadContractor(context: Context, contractorId: string): boolean {
  const own = viewerContractorId(context);
  return (own === null || own === contractorId) && keyHolds(context, 'read:contractors');
}

/**
 * Whether the viewer may read this site through a nested field (customer subscription → site): the
 * same rule as the site lists (its firm's sites, its wilayas' sites); a key needs `read:sites`.
 */
export function mayReadSite(
  context: Context,
  site: { contractor: { id: string } | null; wilaya: { code: string } },
): boolean {
  const own = viewerContractorId(context);
  if (own !== null && site.contractor?.id !== own) return false;
  const wilayas = viewerWilayas(context);
  if (wilayas !== null && !wilayas.includes(site.wilaya.code)) return false;
  return keyHolds(context, 'read:sites');
}

/**
 * Whether the viewer may read the technicians of some firm (the firm's own, or all of them): ADMIN and
 * DOT managers (who check the work), a firm's users and a firm's keys (their own firm's); not FINANCE,
 * VIEWER or a key of no firm. `mayReadTechnician` narrows it to one firm.
 */
export function mayReadTechnicians(context: Context): boolean {
  const viewer = context.viewer;
  if (!viewer || viewerContractorId(context) !== null) return true;
  return viewer.kind === 'user' && (viewer.user.role === UserRole.ADMIN || viewer.user.role === UserRole.DOT_MANAGER);
}

/**
 * Whether the viewer may read the technician a firm named on its work (CustomerSubscription.technician):
 * ADMIN and DOT managers (who check the work), the firm's own users (a technician sees only its own
 * work, so only itself), and the firm's keys with `read:customerSubscriptions`; not FINANCE or VIEWER.
 */
export function mayReadTechnician(context: Context, contractorId: string): boolean {
  const own = viewerContractorId(context);
  return mayReadTechnicians(context) && (own === null || own === contractorId);
}
