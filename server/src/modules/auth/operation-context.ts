import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ActorType, createLoaders, systemActor, type Actor, type Context, type Settings } from '../../context.js';
import type { AuthRuntime } from './auth.runtime.js';
import type { Viewer } from './viewer.js';

declare module '../../context.js' {
  interface Context {
    /** The signed-in user and session, or null for an anonymous operation. */
    readonly viewer: Viewer | null;
    /** Sign-in runtime (token key, limiters): present in the API server, absent in scripts. */
    readonly auth?: AuthRuntime;
  }
}

/** What is known of the caller of an operation. */
export interface CallerOptions {
  readonly viewer?: Viewer | null;
  readonly auth?: AuthRuntime;
  readonly ipAddress?: string | null;
  readonly settings?: Settings;
}

/** Who makes the changes of `viewer`'s operations, for the audit trail: the system when no one signed in. */
function actorOf(viewer: Viewer | null): Actor {
  if (viewer?.kind === 'user') return { type: ActorType.USER, id: viewer.user.id };
  if (viewer?.kind === 'apiKey') return { type: ActorType.API_KEY, id: viewer.apiKey.id };
  return systemActor;
}

/**
 * Builds the context of one operation; `logger` should already carry `reqId`. The audit actor is the
 * signed-in user, else the system (scripts, demo data).
 */
export function createContext(orm: MikroORM, requestId: string, logger: Logger, caller: CallerOptions = {}): Context {
  const em = orm.em.fork({ loggerContext: { reqId: requestId } });
  const viewer = caller.viewer ?? null;
  return {
    em,
    requestId,
    logger,
    actor: actorOf(viewer),
    loaders: createLoaders(em),
    viewer,
    ipAddress: caller.ipAddress ?? null,
    ...(caller.auth ? { auth: caller.auth } : {}),
    ...(caller.settings ? { settings: caller.settings } : {}),
  };
}
