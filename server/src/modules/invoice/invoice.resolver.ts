import { Arg, Args, Ctx, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { afterDescription, feedComplexity, feedFirstDescription, placeInLog } from '../../common/change-event.types.js';
import type { LoggedEvent } from '../../common/change-log.js';
import { isResync, oncePerEvent, recordFromSnapshot, type Resync } from '../../common/events.js';
import { asConnection, PageArgs } from '../../common/pagination.js';
import { listOf } from '../../common/query-limits.js';
import { renewForEvent, type Context } from '../../context.js';
import { liveEvents, overWebSocket, polledEvents, scopedAudience, type LiveFilters } from '../auth/live.js';
import { maySeeMoney, viewerContractorId, viewerWilayas } from '../auth/scope.js';
import { Invoice, InvoiceLine } from './invoice.entity.js';
import { InvoiceChange, type InvoiceChangedEvent } from './invoice.events.js';
import { InvoiceChangedPayload, InvoiceChangeFeed, InvoiceConnection, InvoiceFilterInput } from './invoice.inputs.js';
import { listInvoices, readInvoice } from './invoice.service.js';
import type { InvoiceRecord } from './invoice-records.js';
import { idFilterRule, wilayaFilterRule } from '../../common/validation.js';

/** The invoice of an event as the change left it, made once per event for all the subscribers of this process. */
function invoiceOfEvent(context: Context, event: LoggedEvent<'INVOICE_CHANGED'>): Promise<Invoice> {
  return oncePerEvent(event, 'invoice', () => recordFromSnapshot(context.em, Invoice, event.payload.record));
}

/** The lines an event billed, as that change left them. */
function linesOfEvent(context: Context, event: LoggedEvent<'INVOICE_CHANGED'>): Promise<InvoiceLine[]> {
  return oncePerEvent(event, 'lines', () =>
    (event.payload.lines ?? []).map((line) => recordFromSnapshot(context.em, InvoiceLine, line)),
  );
}

/** An invoice event as subscribers and pollers receive it. */
async function invoiceChangedPayload(
  context: Context,
  event: LoggedEvent<'INVOICE_CHANGED'>,
): Promise<InvoiceChangedPayload> {
  return {
    ...placeInLog(event),
    change: event.payload.change,
    invoice: await invoiceOfEvent(context, event),
    lines: await linesOfEvent(context, event),
  };
}

/** Whether the subscriber asked for this event and may see its invoice (the rules of `Query.invoice`, `invoiceScope`), as the change left it. */
export function wantsInvoiceChange(event: InvoiceChangedEvent, filters: LiveFilters, context: Context): boolean {
  if (filters.invoiceId && filters.invoiceId !== event.invoiceId) return false;
  if (filters.contractorId && filters.contractorId !== event.contractorId) return false;
  if (!maySeeMoney(context)) return false;
  const own = viewerContractorId(context);
  if (own !== null && own !== event.contractorId) return false;
  const wilayas = viewerWilayas(context);
  const asked = filters.wilayaCode;
  if (asked && !event.wilayaCodes.includes(asked)) return false;
  return wilayas === null || event.wilayaCodes.some((code) => wilayas.includes(code));
}

/** Reading invoices: one, a page of them, and their changes as they commit. */
@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => Invoice, { nullable: true, description: 'The invoice with this id, or null (also when not yours).' })
  invoice(
    @Arg('id', () => ID, { description: 'The invoice’s id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<InvoiceRecord | null> {
    return readInvoice(context, id);
  }

  @Query(() => InvoiceConnection, {
    description:
      'Invoices you may see (a firm its own; a DOT manager those billing work in its wilayas), newest month first, a page at a time (at most 100).',
    complexity: listOf(20),
  })
  async invoices(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => InvoiceFilterInput, { nullable: true, description: 'Filters; all of them when left out.' })
    filter: InvoiceFilterInput | null,
    @Ctx() context: Context,
  ): Promise<InvoiceConnection> {
    return asConnection(InvoiceConnection, await listInvoices(context, filter ?? {}, page));
  }

  @Subscription(() => InvoiceChangedPayload, {
    subscribe: ({ args, context, info }) =>
      liveEvents(context as Context, info.fieldName, 'INVOICE_CHANGED', args, {
        wants: (event, filters) => wantsInvoiceChange(event.payload, filters, context as Context),
        audience: (filters) => scopedAudience(context as Context, filters),
      }),
    description:
      'Invoices as they change — a line billed, submitted, approved, sent back, credited, paid — each event once, in the order of the change log, with the invoice as that change left it. ' +
      'Only invoices you may see (a firm its own, whatever it asks; a DOT manager those billing work in its wilayas); narrowed by every argument given. ' +
      overWebSocket,
  })
  async invoiceChanged(
    @Root() event: LoggedEvent<'INVOICE_CHANGED'> | Resync,
    @Arg('invoiceId', () => ID, { nullable: true, description: `Only this invoice. ${idFilterRule}` })
    _invoiceId: string | null,
    @Arg('contractorId', () => ID, { nullable: true, description: `Only this contractor’s invoices. ${idFilterRule}` })
    _contractorId: string | null,
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: `Only invoices billing work in this wilaya. ${wilayaFilterRule}`,
    })
    _wilayaCode: string | null,
    @Arg('after', () => String, { nullable: true, description: afterDescription }) _after: string | null,
    @Ctx() context: Context,
  ): Promise<InvoiceChangedPayload> {
    renewForEvent(context);
    if (isResync(event)) return { ...placeInLog(event), change: InvoiceChange.RESYNC, invoice: null, lines: [] };
    return invoiceChangedPayload(context, event);
  }

  @Query(() => InvoiceChangeFeed, {
    complexity: feedComplexity,
    description:
      'The invoice events after a position of the change log, as `invoiceChanged` delivers them (the same events, filters and rules of who sees what), a page at a time: for a client that polls. ' +
      'Errors: EVENTS_PRUNED (with `prunedThrough`), BAD_USER_INPUT (a malformed argument or a code no wilaya has; `after` past the log’s end).',
  })
  async invoiceChanges(
    @Arg('after', () => String, {
      description:
        'Read after this position: the `position` of the last page (or event) you read; "0" for everything the log still keeps.',
    })
    after: string,
    @Arg('first', () => Int, { nullable: true, description: feedFirstDescription }) first: number | null,
    @Arg('invoiceId', () => ID, { nullable: true, description: `Only the events of this invoice. ${idFilterRule}` })
    invoiceId: string | null,
    @Arg('contractorId', () => ID, {
      nullable: true,
      description: `Only the events of this contractor’s invoices. ${idFilterRule}`,
    })
    contractorId: string | null,
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: `Only the events of invoices billing work in this wilaya. ${wilayaFilterRule}`,
    })
    wilayaCode: string | null,
    @Ctx() context: Context,
  ): Promise<InvoiceChangeFeed> {
    const args = { after, first, invoiceId, contractorId, wilayaCode };
    const feed = await polledEvents(context, 'INVOICE_CHANGED', args, {
      wants: (event, filters) => wantsInvoiceChange(event.payload, filters, context),
      audience: (filters) => scopedAudience(context, filters),
    });
    return { ...feed, events: await Promise.all(feed.events.map((event) => invoiceChangedPayload(context, event))) };
  }
}
