import type { EntityManager } from '@mikro-orm/postgresql';
import { useLoaders, type Loaders } from '../context.js';
import { createAuditLoaders, type AuditLoaders } from './audit/audit.loaders.js';
import { createContractorLoaders, type ContractorLoaders } from './contractor/contractor.loaders.js';
import {
  createCustomerSubscriptionLoaders,
  type CustomerSubscriptionLoaders,
} from './customer-subscription/customer-subscription.loaders.js';
import { createInvoiceLoaders, type InvoiceLoaders } from './invoice/invoice.loaders.js';
import { createPhotoLoaders, type PhotoLoaders } from './photo/photo.loaders.js';
import { createReferenceDataLoaders, type ReferenceDataLoaders } from './reference-data/reference-data.loaders.js';
import { createServiceLevelLoaders, type ServiceLevelLoaders } from './service-level/service-level.loaders.js';
import { createSiteLoaders, type SiteLoaders } from './site/site.loaders.js';

/*
 * The composition root of the modules' DataLoaders: the one place that knows them all. Importing it
 * sets how every operation's context builds them (entry points import it: app.ts, the scripts).
 */

declare module '../context.js' {
  interface Loaders {
    readonly referenceData: ReferenceDataLoaders;
    readonly contractors: ContractorLoaders;
    readonly sites: SiteLoaders;
    readonly customerSubscriptions: CustomerSubscriptionLoaders;
    readonly invoices: InvoiceLoaders;
    readonly photos: PhotoLoaders;
    readonly audit: AuditLoaders;
    readonly serviceLevels: ServiceLevelLoaders;
  }
}

/** One operation's DataLoaders, every module's, on its EntityManager fork `em`. */
export function createLoaders(em: EntityManager): Loaders {
  return {
    referenceData: createReferenceDataLoaders(em),
    contractors: createContractorLoaders(em),
    sites: createSiteLoaders(em),
    customerSubscriptions: createCustomerSubscriptionLoaders(em),
    invoices: createInvoiceLoaders(em),
    photos: createPhotoLoaders(em),
    audit: createAuditLoaders(em),
    serviceLevels: createServiceLevelLoaders(em),
  };
}

useLoaders(createLoaders);
