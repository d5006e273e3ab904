import type { ObjectQuery } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Page } from '../../common/pagination.js';
import { recordsOf } from '../../common/rows.js';
import { parseInput, searchText } from '../../common/validation.js';
import { findRows } from '../../database/entity-manager.js';
import type { Context } from '../../context.js';
import { mayRunOperation } from '../auth/permissions.js';
import { contractorScope, siteScope, workScope } from '../auth/scope.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { listContractors } from '../contractor/contractor.service.js';
import { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import { listCustomerSubscriptions } from '../customer-subscription/customer-subscription.service.js';
import { invoiceRecord } from '../invoice/invoice-records.js';
import { Invoice } from '../invoice/invoice.entity.js';
import { invoiceScope, listInvoices } from '../invoice/invoice.service.js';
import { Site } from '../site/site.entity.js';
import { listSites } from '../site/site.service.js';

/** The types of record the search finds. */
export enum SearchKind {
  CONTRACTOR = 'CONTRACTOR',
  SITE = 'SITE',
  CUSTOMER_SUBSCRIPTION = 'CUSTOMER_SUBSCRIPTION',
  INVOICE = 'INVOICE',
}

/** How a hit matched: its identifier is the text (EXACT), or one of its searched fields contains it (PARTIAL). */
export enum SearchMatch {
  EXACT = 'EXACT',
  PARTIAL = 'PARTIAL',
}

/** A record found, of which type, and how. */
export interface SearchHit {
  readonly kind: SearchKind;
  readonly match: SearchMatch;
  readonly record: { readonly id: string };
}

/** The most hits one search answers, and how many unless asked. */
export const maxSearchHits = 20;
export const defaultSearchHits = 8;

const searchSchema = z.object({
  text: searchText,
  first: z
    .number()
    .int({ error: `must be from 1 to ${maxSearchHits}` })
    .min(1, { error: `must be from 1 to ${maxSearchHits}` })
    .max(maxSearchHits, { error: `must be from 1 to ${maxSearchHits}` })
    .nullish(),
});

/**
 * One type the search looks through: the list operation whose rule says who may search it, the
 * records whose identifier is the text (its own scope; identifiers are stored upper case, so the
 * text upper-cased meets their btree indexes), and those the list's free-text filter finds.
 */
interface SearchedType {
  readonly kind: SearchKind;
  readonly operation: string;
  readonly exact: (context: Context, text: string, limit: number) => Promise<{ id: string }[]>;
  readonly partial: (context: Context, text: string, first: number) => Promise<{ id: string }[]>;
}

const nodes = <T>(page: Page<T>): T[] => page.edges.map((edge) => edge.node);

/** Rows of `entity` matching `where`, at most `limit`, as records (`recordsOf`). */
async function exactRows<T extends object, R>(
  context: Context,
  entity: new () => T,
  where: Record<string, unknown>,
  limit: number,
): Promise<R[]> {
  const rows = await findRows(context.em, entity, where as ObjectQuery<T>, { limit });
  return recordsOf<T, R>(context.em, entity, rows);
}

const searchedTypes: readonly SearchedType[] = [
  {
    kind: SearchKind.INVOICE,
    operation: 'Query.invoices',
    exact: async (context, text, limit) =>
      (
        await findRows(
          context.em,
          Invoice,
          { $and: [invoiceScope(context), { number: text.toUpperCase() }] } as ObjectQuery<Invoice>,
          // A DOT manager's scope joins the lines: a limit reads distinct invoices.
          { limit, orderBy: { period: 'desc', id: 'desc' } },
        )
      ).map(invoiceRecord),
    partial: async (context, text, first) => nodes(await listInvoices(context, { search: text }, { first })),
  },
  {
    kind: SearchKind.CUSTOMER_SUBSCRIPTION,
    operation: 'Query.customerSubscriptions',
    exact: (context, text, limit) =>
      exactRows(
        context,
        CustomerSubscription,
        { $and: [workScope(context), { orderReference: text.toUpperCase() }] },
        limit,
      ),
    partial: async (context, text, first) =>
      nodes(await listCustomerSubscriptions(context, { search: text }, { first })),
  },
  {
    kind: SearchKind.SITE,
    operation: 'Query.sites',
    exact: (context, text, limit) =>
      context.em.find(Site, { $and: [siteScope(context), { code: text.toUpperCase() }] } as ObjectQuery<Site>, {
        limit,
      }),
    partial: async (context, text, first) => nodes(await listSites(context, { search: text }, { first })),
  },
  {
    kind: SearchKind.CONTRACTOR,
    operation: 'Query.contractors',
    exact: (context, text, limit) =>
      context.em.find(Contractor, { $and: [contractorScope(context), { nif: text }] } as ObjectQuery<Contractor>, {
        limit,
      }),
    partial: async (context, text, first) => nodes(await listContractors(context, { search: text }, { first })),
  },
];

/**
 * The records whose identifier or searched fields hold `text`, among those the viewer may see: each
 * type through its list's rule (the role may run it) and scope, and its list's free-text filter
 * (`textContains`: case, accents and Arabic variants aside). First the exact matches of an
 * identifier (invoice number, order reference, site code, NIF), then the partial ones, the types in
 * turn, at most `first` (1 to 20, 8 unless asked). A blank text finds nothing.
 * @throws DomainError BAD_USER_INPUT (`text` over 100 characters or with control characters, `first` out of range)
 */
export async function search(context: Context, text: string, first: number | null | undefined): Promise<SearchHit[]> {
  const values = parseInput(searchSchema, { text, first });
  const limit = values.first ?? defaultSearchHits;
  const wanted = values.text;
  if (!wanted) return [];
  const types = searchedTypes.filter((type) => mayRunOperation(context, type.operation));
  const exact: SearchHit[] = [];
  for (const type of types) {
    for (const record of await type.exact(context, wanted, limit))
      exact.push({ kind: type.kind, match: SearchMatch.EXACT, record });
  }
  if (exact.length >= limit) return exact.slice(0, limit);
  const found = new Set(exact.map((hit) => `${hit.kind}:${hit.record.id}`));
  const partial: SearchHit[][] = [];
  for (const type of types) {
    const records = await type.partial(context, wanted, limit);
    partial.push(
      records
        .filter((record) => !found.has(`${type.kind}:${record.id}`))
        .map((record) => ({ kind: type.kind, match: SearchMatch.PARTIAL, record })),
    );
  }
  return [...exact, ...roundRobin(partial)].slice(0, limit);
}

/** The first of each list, then the second of each, and so on: every type finds a place. */
function roundRobin<T>(lists: readonly T[][]): T[] {
  const longest = Math.max(0, ...lists.map((list) => list.length));
  return Array.from({ length: longest }, (_, index) => lists.flatMap((list) => list.slice(index, index + 1))).flat();
}
