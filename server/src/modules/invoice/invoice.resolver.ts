import { Arg, Args, Ctx, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { isResync, oncePerEvent, type Resync } from '../../common/events.js';
import { asConnection, PageArgs } from '../../common/pagination.js';
import { listOf } from '../../common/query-limits.js';
import { renewForEvent, type Context } from '../../context.js';
import { liveEvents, overWebSocket, type LiveFilters } from '../auth/live.js';
import { maySeeMoney, viewerContractorId, viewerWilayas } from '../auth/scope.js';
import { Invoice } from './invoice.entity.js';
import { InvoiceChange, type InvoiceChangedEvent } from './invoice.events.js';
import { InvoiceChangedPayload, InvoiceConnection, InvoiceFilterInput } from './invoice.inputs.js';
import { findInvoice, invoiceWilayaCodes, listInvoices } from './invoice.service.js';

/** The invoice of an event and the wilayas of its lines, read once per event for all the subscribers of this process. */
function invoiceOfEvent(
  context: Context,
  event: InvoiceChangedEvent,
): Promise<{ invoice: Invoice; wilayaCodes: string[] }> {
  return oncePerEvent(event, 'invoice', async () => {
    const em = context.em.fork({ clear: true });
    const invoice = await em.findOneOrFail(Invoice, { id: event.invoiceId }, { populate: ['lines', 'contractor'] });
    return { invoice, wilayaCodes: await invoiceWilayaCodes(em, event.invoiceId) };
  });
}

/** Whether the subscriber asked for this event and may see its invoice (the rules of `Query.invoice`, `invoiceScope`). */
async function wantsInvoiceChange(
  event: InvoiceChangedEvent,
  filters: LiveFilters,
  context: Context,
): Promise<boolean> {
  if (filters.invoiceId && filters.invoiceId !== event.invoiceId) return false;
  if (filters.contractorId && filters.contractorId !== event.contractorId) return false;
  if (!maySeeMoney(context)) return false;
  const own = viewerContractorId(context);
  if (own !== null && own !== event.contractorId) return false;
  const wilayas = viewerWilayas(context);
  const asked = filters.wilayaCode;
  if (wilayas === null && !asked) return true;
  const { wilayaCodes } = await invoiceOfEvent(context, event);
  if (asked && !wilayaCodes.includes(asked)) return false;
  return wilayas === null || wilayaCodes.some((code) => wilayas.includes(code));
}

/** Reading invoices: one, a page of them, and their changes as they commit. */
@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => Invoice, { nullable: true, description: 'The invoice with this id, or null (also when not yours).' })
  invoice(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<Invoice | null> {
    return findInvoice(context, id);
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
      liveEvents(context as Context, info.fieldName, 'INVOICE_CHANGED', args, (event, filters) =>
        wantsInvoiceChange(event, filters, context as Context),
      ),
    description:
      'Invoices as they change — a line billed, submitted, approved, sent back, credited, paid — sent once the change committed. Only invoices you may see ' +
      '(a firm its own, whatever it asks; a DOT manager those billing work in its wilayas); narrowed by every argument given. ' +
      overWebSocket,
  })
  async invoiceChanged(
    @Root() event: InvoiceChangedEvent | Resync,
    @Arg('invoiceId', () => ID, { nullable: true, description: 'Only this invoice.' }) _invoiceId: string | null,
    @Arg('contractorId', () => ID, { nullable: true, description: 'Only this contractor’s invoices.' })
    _contractorId: string | null,
    @Arg('wilayaCode', () => String, {
      nullable: true,
      description: 'Only invoices billing work in this wilaya ("01" to "58").',
    })
    _wilayaCode: string | null,
    @Ctx() context: Context,
  ): Promise<InvoiceChangedPayload> {
    renewForEvent(context);
    if (isResync(event)) return { change: InvoiceChange.RESYNC, invoice: null };
    return { change: event.change, invoice: (await invoiceOfEvent(context, event)).invoice };
  }
}
