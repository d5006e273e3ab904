import { ref } from '@mikro-orm/postgresql';
import { DomainError, ErrorCode, invalidTransition, notFound } from '../../common/errors.js';
import { announceCustomerSubscriptionChange, WorkChange } from '../../common/events.js';
import { loadForChange } from '../../common/tracked.service.js';
import { inTransaction } from '../../common/transaction.js';
import { expectedVersion, parseInput, recordId } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { workScope } from '../auth/scope.js';
import { User, UserRole } from '../user/user.entity.js';
import { CustomerSubscription, type CustomerSubscriptionStatus } from './customer-subscription.entity.js';
import { fieldStatuses } from './customer-subscription.lifecycle.js';

const technicianIdSchema = recordId.nullable();

/**
 * Gives open work (ASSIGNED, SCHEDULED, INSTALLED or REJECTED) to one of its firm's technicians — an
 * enabled TECHNICIAN user of the firm the work is assigned to — or back to the firm as a whole
 * (`technicianId` null). The status does not change; audited (`technicianId` from → to) and announced
 * in the same transaction, the technician it leaves told REMOVED. A firm acts on its own work only
 * (`workScope`); a user of another firm answers as one that does not exist. Naming the technician
 * already named changes nothing.
 * @throws DomainError NOT_FOUND (work, technician), CONFLICT (stale version), INVALID_TRANSITION (closed or unassigned work),
 *   TECHNICIAN_NOT_ELIGIBLE (not a TECHNICIAN, or disabled), BAD_USER_INPUT
 */
export async function assignTechnician(context: Context, id: string, version: number, technicianId: string | null): Promise<CustomerSubscription> {
  const subscriptionId = parseInput(recordId, id, 'id');
  const expected = parseInput(expectedVersion, version, 'expectedVersion');
  const wanted = parseInput(technicianIdSchema, technicianId ?? null, 'technicianId');
  return inTransaction(context, async (em) => {
    const subscription = await loadForChange(em, CustomerSubscription, 'customer subscription', subscriptionId, expected, { scope: workScope(context) });
    if (!(fieldStatuses as readonly CustomerSubscriptionStatus[]).includes(subscription.status) || !subscription.contractor) {
      throw invalidTransition('customer subscription', 'assign a technician to', subscription.status, fieldStatuses);
    }
    let technician: User | null = null;
    if (wanted !== null) {
      technician = await em.findOne(User, { id: wanted, contractor: subscription.contractor.id });
      if (!technician) throw notFound('technicianId', "technician of the work's firm", wanted);
      if (technician.role !== UserRole.TECHNICIAN) {
        throw new DomainError(ErrorCode.TECHNICIAN_NOT_ELIGIBLE, `technicianId: user ${wanted} is a ${technician.role}, not a TECHNICIAN`, { field: 'technicianId', reason: 'ROLE' });
      }
      if (technician.disabledAt) {
        throw new DomainError(ErrorCode.TECHNICIAN_NOT_ELIGIBLE, `technicianId: user ${wanted} is disabled`, { field: 'technicianId', reason: 'DISABLED' });
      }
    }
    const previous = subscription.technician?.id ?? null;
    if (previous === wanted) return subscription;
    subscription.technician = technician ? ref(technician) : null;
    subscription.updatedAt = new Date();
    recordAudit(em, context, {
      entityType: AuditEntityType.CUSTOMER_SUBSCRIPTION,
      entityId: subscription.id,
      action: AuditAction.UPDATE,
      changes: [{ field: 'technicianId', from: previous, to: wanted }],
    });
    announceCustomerSubscriptionChange(em, subscription, WorkChange.UPDATED, null, { previousTechnicianId: previous });
    return subscription;
  });
}
