import type { FieldUser } from './owner.ts';

/**
 * Who the field view knows holds the session (as `me` answered, or as it last answered for this very
 * session when `me` cannot be reached), for the console's header: without network its own `me`
 * query has no answer, and it shows this one's name, sign-out and link instead. Null away from the field view.
 */
let current: FieldUser | null = null;
const listeners = new Set<() => void>();

export const knownFieldUser = {
  get: (): FieldUser | null => current,
  set(user: FieldUser | null): void {
    if (user?.id === current?.id && user?.displayName === current?.displayName) return;
    current = user;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
