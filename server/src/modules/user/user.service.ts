import { LockMode, ref } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { DomainError, ErrorCode, notFound } from '../../common/errors.js';
import { Language } from '../../common/language.js';
import { paginate, type Page, type PageArgs } from '../../common/pagination.js';
import { inTransaction } from '../../common/transaction.js';
import {
  emailAddress,
  parseInput,
  reason as reasonSchema,
  recordId,
  requiredText,
  wilayaCode,
} from '../../common/validation.js';
import type { Context } from '../../context.js';
import { AuditAction, AuditEntityType } from '../audit/audit-event.entity.js';
import { changedFields, recordAudit } from '../audit/audit.service.js';
import { hashPassword, newPassword } from '../auth/auth.service.js';
import { firmRoles, grantableRoles, requireAccessManager } from '../auth/access-managers.js';
import { announceSessionsEnded, SessionEndReason } from '../auth/auth.events.js';
import { requireViewer } from '../auth/policies.js';
import { Session } from '../auth/session.entity.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { releaseTechnicianWork } from '../customer-subscription/technician.service.js';
import { User, UserRole } from './user.entity.js';

/** What a user's audit trail records of its creation: never its password, nor its hash. */
const auditedUserFields = ['email', 'displayName', 'role', 'wilayaCodes', 'contractorId', 'isContractorAdmin'];

const newUserSchema = z
  .object({
    email: emailAddress,
    displayName: requiredText(200),
    role: z.enum(UserRole),
    password: newPassword,
    wilayaCodes: z
      .array(wilayaCode)
      .max(69)
      .nullish()
      .transform((codes) => [...new Set(codes ?? [])].sort()),
    contractorId: recordId.nullish().transform((value) => value ?? null),
    isContractorAdmin: z
      .boolean()
      .nullish()
      .transform((value) => value ?? false),
  })
  .superRefine((user, context) => {
    if (user.role === UserRole.DOT_MANAGER && user.wilayaCodes.length === 0) {
      context.addIssue({ code: 'custom', path: ['wilayaCodes'], message: 'a DOT manager covers at least one wilaya' });
    }
    if (user.role !== UserRole.DOT_MANAGER && user.wilayaCodes.length > 0) {
      context.addIssue({ code: 'custom', path: ['wilayaCodes'], message: 'only a DOT manager covers wilayas' });
    }
    if (firmRoles.includes(user.role) !== (user.contractorId !== null)) {
      context.addIssue({
        code: 'custom',
        path: ['contractorId'],
        message: 'is required for a CONTRACTOR or TECHNICIAN user, and only for one',
      });
    }
    if (user.isContractorAdmin && user.role !== UserRole.CONTRACTOR) {
      context.addIssue({
        code: 'custom',
        path: ['isContractorAdmin'],
        message: 'only a CONTRACTOR user can be its firm’s admin',
      });
    }
  });

/**
 * A page of the users the viewer manages — all for an ADMIN, its firm's for a contractor's admin —
 * by id, keyset-paginated like every list.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT (`first`, `after`)
 */
export function listUsers(context: Context, page: PageArgs): Promise<Page<User>> {
  const { firmId } = requireAccessManager(context, 'users');
  return paginate(context.em, User, (firmId ? { contractor: firmId } : {}) as never, { id: 'asc' }, page);
}

/**
 * Creates a user with an initial password, hashed with argon2id: an ADMIN creates any user; a
 * contractor's admin creates CONTRACTOR and TECHNICIAN users of its own firm only.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NOT_FOUND (contractor), CONFLICT (email taken)
 */
export async function createUser(context: Context, input: unknown): Promise<User> {
  const { firmId } = requireAccessManager(context, 'users');
  const values = parseInput(newUserSchema, input);
  if (!grantableRoles(context).includes(values.role)) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      "A firm's admin creates CONTRACTOR and TECHNICIAN users of its own firm only",
      { field: 'role' },
    );
  }
  if (firmId && values.contractorId !== firmId) {
    throw new DomainError(ErrorCode.FORBIDDEN, "A firm's admin creates users of its own firm only", {
      field: 'contractorId',
    });
  }
  const passwordHash = await hashPassword(values.password);
  return inTransaction(context, async (em) => {
    if (await em.findOne(User, { email: values.email }, { fields: ['id'] })) {
      throw new DomainError(ErrorCode.CONFLICT, `email: a user with ${values.email} already exists`, {
        field: 'email',
      });
    }
    const contractor = values.contractorId ? await em.findOne(Contractor, { id: values.contractorId }) : null;
    if (values.contractorId && !contractor) throw notFound('contractorId', 'contractor', values.contractorId);
    const user = em.create(User, {
      email: values.email,
      passwordHash,
      displayName: values.displayName,
      role: values.role,
      wilayaCodes: values.wilayaCodes,
      contractor: contractor ? ref(contractor) : null,
      isContractorAdmin: values.isContractorAdmin,
      createdAt: new Date(),
      updatedAt: new Date(),
    } as never);
    em.persist(user);
    await em.flush();
    recordAudit(em, context, {
      entityType: AuditEntityType.USER,
      entityId: user.id,
      action: AuditAction.CREATE,
      changes: changedFields({}, values, auditedUserFields),
    });
    return user;
  });
}

/**
 * Disables a user (an ADMIN any, a firm's admin its own firm's): it can no longer sign in, and its
 * open sessions end at once (its WebSockets close on every process: `SESSIONS_ENDED`); a technician's open work goes back to its firm as a whole, in the same
 * transaction, each change audited with `reason` and announced (`releaseTechnicianWork`). Another
 * firm's user answers as one that does not exist.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (stale version), BAD_USER_INPUT
 */
export async function disableUser(context: Context, id: string, version: number, reason: string): Promise<User> {
  const { user: manager, firmId } = requireAccessManager(context, 'users');
  const userId = parseInput(recordId, id, 'id');
  const why = parseInput(reasonSchema, reason, 'reason');
  if (userId === manager.id) throw new DomainError(ErrorCode.FORBIDDEN, 'An administrator cannot disable itself');
  return inTransaction(context, async (em) => {
    // Locked: work given to a technician meanwhile (`assignTechnician`) is committed first, then given back below.
    const user = await em.findOne(User, firmId ? { id: userId, contractor: firmId } : { id: userId }, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
      refresh: true,
    });
    if (!user) throw notFound('id', 'user', userId);
    if (user.version !== version)
      throw new DomainError(ErrorCode.CONFLICT, 'This user changed since you read it: reload it', {
        field: 'expectedVersion',
      });
    if (!user.disabledAt) {
      user.disabledAt = new Date();
      user.updatedAt = new Date();
      await em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: new Date() });
      announceSessionsEnded(em, SessionEndReason.USER_DISABLED, { userIds: [user.id] });
      recordAudit(em, context, {
        entityType: AuditEntityType.USER,
        entityId: user.id,
        action: AuditAction.UPDATE,
        changes: [{ field: 'disabledAt', from: null, to: user.disabledAt }],
        reason: why,
      });
      if (user.role === UserRole.TECHNICIAN) await releaseTechnicianWork(em, context, user.id, why);
    }
    return user;
  });
}

/**
 * Sets the signed-in user's language (the console's at sign-in, that of the e-mails it receives).
 * Not audited: a preference of its own, like its notification choices.
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN (an API key), BAD_USER_INPUT
 */
export async function setMyLanguage(context: Context, language: Language): Promise<User> {
  const viewer = requireViewer(context);
  const value = parseInput(z.enum(Language), language, 'language');
  return inTransaction(context, async (em) => {
    const user = await em.findOneOrFail(User, { id: viewer.id });
    if (user.language !== value) {
      user.language = value;
      user.updatedAt = new Date();
    }
    return user;
  });
}
