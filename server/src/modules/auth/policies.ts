import { DomainError, ErrorCode } from '../../common/errors.js';
import type { Context } from '../../context.js';
import type { User, UserRole } from '../user/user.entity.js';
import { scopeEnumName } from './api-key.scopes.js';

/**
 * The signed-in user of the operation.
 * @throws DomainError UNAUTHENTICATED when nobody is signed in, FORBIDDEN for an API key
 */
export function requireViewer(context: Context): User {
  if (!context.viewer)
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first (Authorization: Bearer <token>)');
  if (context.viewer.kind !== 'user')
    throw new DomainError(ErrorCode.FORBIDDEN, 'This needs a signed-in user, not an API key', { requiredScope: null });
  return context.viewer.user;
}

/**
 * The API key of the operation, when it holds `scope`.
 * @throws DomainError FORBIDDEN naming the scope it lacks
 */
export function requireScope(context: Context, scope: string | null): void {
  const viewer = context.viewer;
  if (viewer?.kind !== 'apiKey') return;
  if (!scope || !viewer.apiKey.scopes.includes(scope)) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      scope ? `This API key lacks the scope ${scopeEnumName(scope)}` : 'No API key may do this',
      // The scope as the schema's ApiKeyScope names it, which is what a client asks a key for.
      { requiredScope: scope ? scopeEnumName(scope) : null },
    );
  }
}

/**
 * The signed-in user, when its role is one of `roles`.
 * @throws DomainError UNAUTHENTICATED (nobody signed in), FORBIDDEN (another role)
 */
export function requireRole(context: Context, roles: readonly UserRole[]): User {
  const user = requireViewer(context);
  if (!roles.includes(user.role)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `This needs the role ${roles.join(' or ')}`, {
      requiredRoles: [...roles],
    });
  }
  return user;
}
