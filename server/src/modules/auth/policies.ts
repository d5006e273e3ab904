import { DomainError, ErrorCode } from '../../common/errors.js';
import type { Context } from '../../context.js';
import type { User, UserRole } from '../user/user.entity.js';

/**
 * The signed-in user of the operation.
 * @throws DomainError UNAUTHENTICATED when nobody is signed in
 */
export function requireViewer(context: Context): User {
  if (!context.viewer) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first (Authorization: Bearer <token>)');
  return context.viewer.user;
}

/**
 * The signed-in user, when its role is one of `roles`.
 * @throws DomainError UNAUTHENTICATED (nobody signed in), FORBIDDEN (another role)
 */
export function requireRole(context: Context, roles: readonly UserRole[]): User {
  const user = requireViewer(context);
  if (!roles.includes(user.role)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `This needs the role ${roles.join(' or ')}`, { requiredRoles: [...roles] });
  }
  return user;
}
