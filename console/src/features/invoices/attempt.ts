import { useState } from 'react';
import type { CombinedError, OperationResult } from 'urql';

/**
 * An input of a money-moving mutation fixed for one attempt, with its idempotency key: generated
 * when the attempt starts and sent again, with the very same input, on retry, so that a request
 * that did go through is not applied twice (server/src/common/idempotency.ts hashes the input).
 */
export function startAttempt<Input extends object>(input: Input): Input & { readonly idempotencyKey: string } {
  return { ...input, idempotencyKey: crypto.randomUUID() };
}

/**
 * Whether a failed attempt may have gone through unanswered (the network failed, the server said
 * nothing): then the same attempt is sent again; any answer of the server ends the attempt.
 */
export function unanswered(error: CombinedError): boolean {
  return Boolean(error.networkError) && error.graphQLErrors.length === 0;
}

/**
 * An attempt awaiting its confirmation (`pending`, what `ConfirmDialog` shows): `confirm` sets it,
 * `cancel` drops it, `send` sends it through `execute`. Unanswered, it stays pending and `unsent`, to
 * be sent again as it is; answered, it ends and `send` gives the answer with what was sent.
 */
export function useConfirmedAttempt<Pending>() {
  const [pending, setPending] = useState<Pending | null>(null);
  const [unsent, setUnsent] = useState(false);
  return {
    pending,
    unsent,
    confirm(next: Pending) {
      setUnsent(false);
      setPending(next);
    },
    cancel() {
      setPending(null);
    },
    async send<Data>(
      execute: (sent: Pending) => Promise<OperationResult<Data>>,
    ): Promise<{ outcome: OperationResult<Data>; sent: Pending } | null> {
      if (!pending) return null;
      const sent = pending;
      const outcome = await execute(sent);
      if (outcome.error && unanswered(outcome.error)) {
        setUnsent(true);
        return null;
      }
      setPending(null);
      setUnsent(false);
      return { outcome, sent };
    },
  };
}
