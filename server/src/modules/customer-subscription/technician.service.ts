import { LockMode, ref, type EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, DomainError, ErrorCode, invalidTransition, notFound } from '../../common/errors.js';
import { WorkChange } from '../site/site.events.js';
import { announceCustomerSubscriptionChange } from './customer-subscription.events.js';
import { loadForChange } from '../audit/tracked.service.js';
import { inTransaction } from '../../common/transaction.js';
import { expectedVersion, parseInput, recordId } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { mayReadTechnicians, viewerContractorId, workScope } from '../auth/scope.js';
import { User, UserRole } from '../user/user.entity.js';
import { CustomerSubscription, type CustomerSubscriptionStatus } from './customer-subscription.entity.js';
import { fieldStatuses } from './customer-subscription.lifecycle.js';

const technicianIdSchema = recordId.nullable();

/** The most technicians `listTechnicians` answers with: far more than a firm employs. */
export const maxTechnicians = 500;

/**
 * The TECHNICIAN users of a firm, enabled or not, by name then id (at most `maxTechnicians`): the firm
 * `contractorId`, or the viewer's own when left out. A firm's users and keys see their own firm's only:
 * another firm's technicians answer as none. For dispatching (`assignTechnician`) and following the work.
 * @throws DomainError BAD_USER_INPUT (`contractorId` malformed, or left out by a viewer of no firm),
 *   FORBIDDEN (a viewer that may not read technicians: a key of no firm)
 */
export async function listTechnicians(context: Context, contractorId: string | null | undefined): Promise<User[]> {
  const requested = parseInput(recordId.nullish(), contractorId, 'contractorId') ?? null;
  if (!mayReadTechnicians(context))
    throw new DomainError(ErrorCode.FORBIDDEN, "Only AT and the firm's own users read a firm's technicians", {});
  const own = viewerContractorId(context);
  const firm = requested ?? own;
  if (firm === null) throw badUserInput('contractorId', 'is required');
  if (own !== null && own !== firm) return [];
  return context.em.find(
    User,
    { contractor: firm, role: UserRole.TECHNICIAN },
    { orderBy: { displayName: 'asc', id: 'asc' }, limit: maxTechnicians },
  );
}

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
export async function assignTechnician(
  context: Context,
  id: string,
  version: number,
  technicianId: string | null,
): Promise<CustomerSubscription> {
  const subscriptionId = parseInput(recordId, id, 'id');
  const expected = parseInput(expectedVersion, version, 'expectedVersion');
  const wanted = parseInput(technicianIdSchema, technicianId ?? null, 'technicianId');
  return inTransaction(context, async (em) => {
    const subscription = await loadForChange(
      em,
      CustomerSubscription,
      'customer subscription',
      subscriptionId,
      expected,
      { scope: workScope(context) },
    );
    if (
      !(fieldStatuses as readonly CustomerSubscriptionStatus[]).includes(subscription.status) ||
      !subscription.contractor
    ) {
      throw invalidTransition('customer subscription', 'assign a technician to', subscription.status, fieldStatuses);
    }
    let technician: User | null = null;
    if (wanted !== null) {
      // Shared lock: a technician being disabled meanwhile (`releaseTechnicianWork`) is seen disabled, or waits for this work.
      technician = await em.findOne(
        User,
        { id: wanted, contractor: subscription.contractor.id },
        { lockMode: LockMode.PESSIMISTIC_READ, refresh: true },
      );
      if (!technician) throw notFound('technicianId', "technician of the work's firm", wanted);
      if (technician.role !== UserRole.TECHNICIAN) {
        throw new DomainError(
          ErrorCode.TECHNICIAN_NOT_ELIGIBLE,
          `technicianId: user ${wanted} is a ${technician.role}, not a TECHNICIAN`,
          { field: 'technicianId', reason: 'ROLE' },
        );
      }
      if (technician.disabledAt) {
        throw new DomainError(ErrorCode.TECHNICIAN_NOT_ELIGIBLE, `technicianId: user ${wanted} is disabled`, {
          field: 'technicianId',
          reason: 'DISABLED',
        });
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

/**
 * Gives the open work (`fieldStatuses`) of a technician back to its firm as a whole (technician null),
 * in the caller's transaction — the one that disables the technician, which must hold its row locked
 * (see `disableUser`) so that no work is given to it meanwhile. Each change is audited (`technicianId`
 * from → to, with `reason`) and announced, the technician it leaves told REMOVED, like `assignTechnician`.
 */
export async function releaseTechnicianWork(
  em: EntityManager,
  context: Context,
  technicianId: string,
  reason: string,
): Promise<void> {
  const open = await em.find(
    CustomerSubscription,
    { technician: technicianId, status: { $in: [...fieldStatuses] } },
    { orderBy: { id: 'asc' } },
  );
  for (const subscription of open) {
    subscription.technician = null;
    subscription.updatedAt = new Date();
    recordAudit(em, context, {
      entityType: AuditEntityType.CUSTOMER_SUBSCRIPTION,
      entityId: subscription.id,
      action: AuditAction.UPDATE,
      changes: [{ field: 'technicianId', from: technicianId, to: null }],
      reason,
    });
    announceCustomerSubscriptionChange(em, subscription, WorkChange.UPDATED, null, {
      previousTechnicianId: technicianId,
    });
  }
}
