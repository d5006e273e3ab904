import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { EventBus } from './common/events.js';

/**
 * Per-operation DataLoaders, one set per GraphQL operation: a cache shared across operations would leak data.
 * Its members are declared, and built, by the modules' composition root (`modules/loaders.ts`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- completed by modules/loaders.ts (declaration merging)
export interface Loaders {}

/** Builds an operation's DataLoaders on its EntityManager fork. */
export type LoadersFactory = (em: EntityManager) => Loaders;

let loadersFactory: LoadersFactory | undefined;

/** Sets how each operation's DataLoaders are built (by `modules/loaders.ts`, once, when it is imported). */
export function useLoaders(factory: LoadersFactory): void {
  loadersFactory = factory;
}

/** An operation's DataLoaders on its EntityManager fork, as `modules/loaders.ts` builds them. */
export function createLoaders(em: EntityManager): Loaders {
  if (!loadersFactory) throw new Error('no DataLoaders: import modules/loaders.js before making a context');
  return loadersFactory(em);
}

/** Who made a change: the system (imports, demo data, before access control), a user or an API key. */
export enum ActorType {
  SYSTEM = 'SYSTEM',
  USER = 'USER',
  API_KEY = 'API_KEY',
}

/** Who makes the changes of an operation; recorded in the audit trail. */
export interface Actor {
  readonly type: ActorType;
  /** Id of the user or API key; null for the system. */
  readonly id: string | null;
}

/** The actor of changes made without a signed-in user: imports by script, demo data. */
export const systemActor: Actor = { type: ActorType.SYSTEM, id: null };

/**
 * What every resolver and service receives, made anew for each GraphQL operation (one HTTP request, or
 * one operation on a WebSocket): its own EntityManager fork (identity map), its DataLoaders, and the
 * request id that every log line of the operation carries. Who calls (`viewer`, and the sign-in
 * runtime `auth`) is declared by the auth module, which makes contexts (`createContext`), by
 * declaration merging: this file names no module.
 */
export interface Context {
  readonly em: EntityManager;
  readonly requestId: string;
  readonly logger: Logger;
  readonly loaders: Loaders;
  readonly actor: Actor;
  /** Address the request came from (for sign-in limits and sessions). */
  readonly ipAddress: string | null;
  /** Settings from the configuration that the rules read (absent in scripts: defaults apply). */
  readonly settings?: Settings;
  /** The clock the rules read "now" from (see `now` in common/time): the system clock unless given. */
  readonly clock?: () => Date;
}

/**
 * Configuration the domain rules read, and the event bus they announce changes on. Each module
 * declares the settings it reads (by declaration merging): the quality thresholds and the position
 * tolerance (customer-subscription), retention, payment terms and buyer (invoice), photo limits (photo).
 */
export interface Settings {
  /** The event bus subscriptions listen to; absent in scripts (nothing is published). */
  readonly events?: EventBus;
}

/**
 * Gives a subscription's context a new EntityManager fork and new DataLoaders for the event about to
 * be resolved. A subscription keeps one context for as long as it lives, and graphql-js resolves its
 * events one after the other: without this, each event would read what the first one cached.
 */
export function renewForEvent(context: Context): void {
  const em = context.em.fork({ clear: true });
  Object.assign(context, { em, loaders: createLoaders(em) });
}
