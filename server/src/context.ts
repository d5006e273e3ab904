import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ActorType } from './modules/audit/audit-event.entity.js';
import { createContractorLoaders, type ContractorLoaders } from './modules/contractor/contractor.loaders.js';
import {
  createCustomerSubscriptionLoaders,
  type CustomerSubscriptionLoaders,
} from './modules/customer-subscription/customer-subscription.loaders.js';
import { createSiteLoaders, type SiteLoaders } from './modules/site/site.loaders.js';
import { createReferenceDataLoaders, type ReferenceDataLoaders } from './modules/reference-data/reference-data.loaders.js';

/** Per-operation DataLoaders, one set per GraphQL operation: a cache shared across operations would leak data. */
export interface Loaders {
  readonly referenceData: ReferenceDataLoaders;
  readonly contractors: ContractorLoaders;
  readonly sites: SiteLoaders;
  readonly customerSubscriptions: CustomerSubscriptionLoaders;
}

/** Who makes the changes of an operation; recorded in the audit trail. */
export interface Actor {
  readonly type: ActorType;
  /** Id of the user or API key; null for the system. */
  readonly id: string | null;
}

/** Until access control lands, every change is made by the system. */
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
}

/** Builds the context of one operation; `logger` should already carry `reqId`. */
export function createContext(orm: MikroORM, requestId: string, logger: Logger): Context {
  const em = orm.em.fork({ loggerContext: { reqId: requestId } });
  const loaders: Loaders = {
    referenceData: createReferenceDataLoaders(em),
    contractors: createContractorLoaders(em),
    sites: createSiteLoaders(em),
    customerSubscriptions: createCustomerSubscriptionLoaders(em),
  };
  return { em, requestId, logger, actor: systemActor, loaders };
}
