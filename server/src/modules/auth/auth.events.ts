import type { EntityManager } from '@mikro-orm/postgresql';
import { announce, isResync, type EventBus } from '../../common/events.js';
import type { SessionEnds } from '../../transport/application.js';
import type { Viewer } from './viewer.js';

/** Why sessions or keys ended. */
export enum SessionEndReason {
  /** The user signed out: that one session. */
  LOGGED_OUT = 'LOGGED_OUT',
  /** An API key was revoked. */
  REVOKED = 'REVOKED',
  /** The user was disabled: every session of it. */
  USER_DISABLED = 'USER_DISABLED',
  /** The user set a new password with a reset link: every session of it. */
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/**
 * Sessions or API keys that stopped being valid: every process closes the sockets they hold (4401)
 * and stops their deliveries at once. Internal to the server: no subscription sends it to clients.
 */
export interface SessionsEndedEvent {
  readonly reason: SessionEndReason;
  /** Users all of whose sessions ended. */
  readonly userIds: readonly string[];
  readonly sessionIds: readonly string[];
  readonly apiKeyIds: readonly string[];
}

declare module '../../common/events.js' {
  interface RaccordTopics {
    SESSIONS_ENDED: SessionsEndedEvent;
  }
}

/** Announces, in the transaction that ends them, that sessions or keys ended (see `announce`). */
export function announceSessionsEnded(
  em: EntityManager,
  reason: SessionEndReason,
  ended: { userIds?: readonly string[]; sessionIds?: readonly string[]; apiKeyIds?: readonly string[] },
): void {
  announce(em, 'SESSIONS_ENDED', () => ({
    reason,
    userIds: ended.userIds ?? [],
    sessionIds: ended.sessionIds ?? [],
    apiKeyIds: ended.apiKeyIds ?? [],
  }));
}

/** Whether `viewer` signed in with one of the sessions or keys `event` ended. */
export function endedBy(event: SessionsEndedEvent, viewer: Viewer): boolean {
  return viewer.kind === 'user'
    ? event.userIds.includes(viewer.user.id) || event.sessionIds.includes(viewer.sessionId)
    : event.apiKeyIds.includes(viewer.apiKey.id);
}

/**
 * Calls `listener` with the ends of sessions and keys: those this process commits at once, and
 * those of every process as the change log brings them (this process's own again: telling twice
 * closes nothing more; the log loses none). Returns what stops listening.
 */
export function watchSessionEnds(bus: EventBus, listener: (ends: SessionEnds<Viewer>) => void): () => void {
  const tell = (event: SessionsEndedEvent) =>
    listener({ reason: event.reason, includes: (viewer) => endedBy(event, viewer) });
  const stopLocal = bus.onCommitted((events) => {
    for (const event of events) if (event.topic === 'SESSIONS_ENDED') tell(event.payload);
  });
  const remote = bus.subscribe(['SESSIONS_ENDED']);
  void (async () => {
    // The mark that starts the stream is no end.
    for await (const event of remote) if (!isResync(event)) tell(event.payload);
  })();
  return () => {
    stopLocal();
    void remote.return?.();
  };
}
