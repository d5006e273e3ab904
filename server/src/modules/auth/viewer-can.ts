import type { Lifecycle } from '../../common/lifecycle.js';
import type { Context } from '../../context.js';
import { mayRunOperation } from './permissions.js';

/**
 * Whether the viewer may run `Mutation.<mutation>` now on a record it sees, in `status`: the
 * operation's access rule (`operationRoles`, or the key's scopes) and, for a mutation that moves the
 * record along `lifecycle`, the same transition table the mutation checks as it runs (`next`).
 */
export function mayChangeRecord<S extends string, A extends string>(
  context: Context,
  mutation: string,
  lifecycle: Lifecycle<S, A>,
  transition: A | null,
  status: S,
): boolean {
  return (
    mayRunOperation(context, `Mutation.${mutation}`) && (transition === null || lifecycle.allows(transition, status))
  );
}
