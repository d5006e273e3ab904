import { DomainError, ErrorCode } from '../../common/errors.js';
import type { Context } from '../../context.js';
import { UserRole, type User } from '../user/user.entity.js';
import { requireRole } from './policies.js';

/** The roles of a firm's people: each such user belongs to one contractor. */
export const firmRoles: readonly UserRole[] = [UserRole.CONTRACTOR, UserRole.TECHNICIAN];

/**
 * The firm whose access `user` manages: null for an ADMIN (every user and key, AT's and every firm's),
 * its own firm for a contractor's admin; undefined for anyone else, who manages none.
 */
function managedFirm(user: User): string | null | undefined {
  if (user.role === UserRole.ADMIN) return null;
  if (user.role === UserRole.CONTRACTOR && user.isContractorAdmin) return user.contractor!.id;
  return undefined;
}

/**
 * Who manages access (users and API keys): an ADMIN (everyone's), or a contractor's admin (its own
 * firm's CONTRACTOR and TECHNICIAN users, its firm's keys). `what` names what is managed in the refusal.
 * @returns the manager, and the firm it manages for (null: an ADMIN)
 * @throws DomainError UNAUTHENTICATED, FORBIDDEN (an API key, another role, a firm's user who is not its admin)
 */
export function requireAccessManager(context: Context, what: string): { user: User; firmId: string | null } {
  const user = requireRole(context, [UserRole.ADMIN, UserRole.CONTRACTOR]);
  const firmId = managedFirm(user);
  if (firmId === undefined)
    throw new DomainError(ErrorCode.FORBIDDEN, `Only its firm's admin manages a firm's ${what}`, {
      requiredRoles: [UserRole.ADMIN],
    });
  return { user, firmId };
}

/** Whether the viewer manages access (`requireAccessManager` without the error): a signed-in user only. */
export function mayManageAccess(context: Pick<Context, 'viewer'>): boolean {
  return context.viewer?.kind === 'user' && managedFirm(context.viewer.user) !== undefined;
}

/**
 * The roles the viewer may give a new user (createUser's rule), in the order of `UserRole`: every role
 * for an ADMIN, a firm's roles (`firmRoles`, of its own firm) for a contractor's admin, none otherwise.
 */
export function grantableRoles(context: Pick<Context, 'viewer'>): UserRole[] {
  if (context.viewer?.kind !== 'user') return [];
  const firmId = managedFirm(context.viewer.user);
  if (firmId === undefined) return [];
  return Object.values(UserRole).filter((role) => firmId === null || firmRoles.includes(role));
}
