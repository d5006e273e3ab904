import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createReferenceDataLoaders, type ReferenceDataLoaders } from './modules/reference-data/reference-data.loaders.js';

/** Per-operation DataLoaders, one set per GraphQL operation: a cache shared across operations would leak data. */
export interface Loaders {
  readonly referenceData: ReferenceDataLoaders;
}

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
}

/** Builds the context of one operation; `logger` should already carry `reqId`. */
export function createContext(orm: MikroORM, requestId: string, logger: Logger): Context {
  const em = orm.em.fork({ loggerContext: { reqId: requestId } });
  return { em, requestId, logger, loaders: { referenceData: createReferenceDataLoaders(em) } };
}
