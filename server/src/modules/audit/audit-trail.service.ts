import type { Context } from '../../context.js';
import { contractorScope, maySeeBankAccount, maySeeCustomerData, siteScope, workScope } from '../auth/scope.js';
import { ApiKey } from '../auth/api-key.entity.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import { Invoice } from '../invoice/invoice.entity.js';
import { invoiceScope } from '../invoice/invoice.service.js';
import { PriceSchedule } from '../invoice/price-schedule.entity.js';
import { ServiceLevelSchedule } from '../service-level/service-level.entity.js';
import { Site } from '../site/site.entity.js';
import { User, UserRole } from '../user/user.entity.js';
import { WebhookEndpoint } from '../webhook/webhook.entity.js';
import { AuditEntityType, AuditEvent } from './audit-event.entity.js';

/** Fields of customers' personal data, hidden from the roles that may not read them. */
const personalFields = ['customerName', 'customerPhone', 'customerAddress'];

/**
 * The users, API keys and webhook endpoints whose trail the viewer may read: all for an ADMIN, its
 * firm's for a contractor's admin (who manages them), none for anyone else.
 */
function accessScope(context: Context): Record<string, unknown> {
  const user = context.viewer?.kind === 'user' ? context.viewer.user : null;
  if (user?.role === UserRole.ADMIN) return {};
  if (user?.role === UserRole.CONTRACTOR && user.isContractorAdmin) return { contractor: user.contractor?.id ?? '0' };
  return { id: '0' };
}

/** The audit trail of one record, oldest first; empty when the viewer may not see the record. */
export async function auditTrail(
  context: Context,
  entityType: AuditEntityType,
  entityId: string,
): Promise<AuditEvent[]> {
  const [entity, scope] = {
    [AuditEntityType.CONTRACTOR]: [Contractor, contractorScope(context)],
    [AuditEntityType.SITE]: [Site, siteScope(context)],
    [AuditEntityType.CUSTOMER_SUBSCRIPTION]: [CustomerSubscription, workScope(context)],
    [AuditEntityType.INVOICE]: [Invoice, invoiceScope(context)],
    [AuditEntityType.USER]: [User, accessScope(context)],
    [AuditEntityType.API_KEY]: [ApiKey, accessScope(context)],
    [AuditEntityType.PRICE_SCHEDULE]: [PriceSchedule, {}],
    [AuditEntityType.WEBHOOK_ENDPOINT]: [WebhookEndpoint, accessScope(context)],
    [AuditEntityType.SERVICE_LEVEL_SCHEDULE]: [ServiceLevelSchedule, {}],
    // Public, and its trail stays readable once it is removed.
    [AuditEntityType.PUBLIC_HOLIDAY]: [null, {}],
  }[entityType];
  const visible =
    entity === null ||
    (await context.em.count(entity as typeof Site, { $and: [{ id: entityId }, scope] } as never)) > 0;
  if (!visible) return [];
  const events = await context.em.find(AuditEvent, { entityType, entityId }, { orderBy: { id: 'asc' } });
  const hidden = new Set<string>([
    ...(maySeeCustomerData(context) ? [] : personalFields),
    ...(entityType === AuditEntityType.CONTRACTOR && !maySeeBankAccount(context, entityId) ? ['bankAccount'] : []),
  ]);
  if (hidden.size === 0) return events;
  // The trail shows that such a field changed, not its values (as the record itself hides them).
  return events.map((event) =>
    Object.assign(Object.create(AuditEvent.prototype) as AuditEvent, event, {
      changes: event.changes.map((change) =>
        hidden.has(change.field) ? { field: change.field, from: null, to: null } : change,
      ),
    }),
  );
}
