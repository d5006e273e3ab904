import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { EventBus } from './common/events.js';
import { ActorType } from './modules/audit/audit-event.entity.js';
import type { AuthRuntime } from './modules/auth/auth.runtime.js';
import type { Viewer } from './modules/auth/viewer.js';
import type { QualityThreshold } from './modules/customer-subscription/installation-quality.js';
import type { PartyIdentity } from './modules/invoice/invoice-document.js';
import type { PhotoLimits } from './modules/photo/photo-limits.js';

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

function createLoaders(em: EntityManager): Loaders {
  if (!loadersFactory) throw new Error('no DataLoaders: import modules/loaders.js before making a context');
  return loadersFactory(em);
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
 * request id that every log line of the operation carries.
 */
export interface Context {
  readonly em: EntityManager;
  readonly requestId: string;
  readonly logger: Logger;
  readonly loaders: Loaders;
  readonly actor: Actor;
  /** The signed-in user and session, or null for an anonymous operation. */
  readonly viewer: Viewer | null;
  /** Sign-in runtime (token key, limiters): present in the API server, absent in scripts. */
  readonly auth?: AuthRuntime;
  /** Address the request came from (for sign-in limits and sessions). */
  readonly ipAddress: string | null;
  /** Settings from the configuration that the rules read (absent in scripts: defaults apply). */
  readonly settings?: Settings;
  /** The clock the rules read "now" from (see `now` in common/time): the system clock unless given. */
  readonly clock?: () => Date;
}

/** Configuration the domain rules read, and the event bus they announce changes on (a module may add its own, by declaration merging). */
export interface Settings {
  /** Optical thresholds per network class (QUALITY_THRESHOLDS). */
  readonly qualityThresholds: Readonly<Record<string, QualityThreshold>>;
  /** Retention (retenue de garantie) in percent of invoices' totals including tax (RETENTION_PERCENT). */
  readonly retentionPercent: string;
  /** Days from an invoice's date of issue to its due date (PAYMENT_TERMS_DAYS). */
  readonly paymentTermsDays: number;
  /** How far from the work a report's recorded positions may lie before it is flagged, in metres (FIELD_POSITION_TOLERANCE_METRES). */
  readonly positionToleranceMetres: number;
  /** What a photo upload and a report may hold (PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, PHOTO_MAX_PER_REPORT); absent in scripts: the defaults apply. */
  readonly photos?: PhotoLimits;
  /** The buyer printed on invoices (INVOICE_BUYER). */
  readonly buyer: PartyIdentity;
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

/** What the transport knows of the caller. */
export interface CallerOptions {
  readonly viewer?: Viewer | null;
  readonly auth?: AuthRuntime;
  readonly ipAddress?: string | null;
  readonly settings?: Settings;
}

/**
 * Builds the context of one operation; `logger` should already carry `reqId`. The audit actor is the
 * signed-in user, else the system (scripts, demo data).
 */
export function createContext(orm: MikroORM, requestId: string, logger: Logger, caller: CallerOptions = {}): Context {
  const em = orm.em.fork({ loggerContext: { reqId: requestId } });
  const loaders = createLoaders(em);
  const viewer = caller.viewer ?? null;
  const actor: Actor =
    viewer?.kind === 'user'
      ? { type: ActorType.USER, id: viewer.user.id }
      : viewer?.kind === 'apiKey'
        ? { type: ActorType.API_KEY, id: viewer.apiKey.id }
        : systemActor;
  return {
    em,
    requestId,
    logger,
    actor,
    loaders,
    viewer,
    ipAddress: caller.ipAddress ?? null,
    ...(caller.auth ? { auth: caller.auth } : {}),
    ...(caller.settings ? { settings: caller.settings } : {}),
  };
}
