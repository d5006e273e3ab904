import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { Invoice } from './invoice.entity.js';
import { invoicePermissions, InvoicePermissions } from './invoice-permissions.js';

@Resolver(() => Invoice)
export class InvoiceViewerCanResolver {
  @FieldResolver(() => InvoicePermissions, {
    description: 'What the viewer may do to this invoice now (see InvoicePermissions): the buttons to show.',
  })
  viewerCan(@Root() invoice: Invoice, @Ctx() context: Context): Promise<InvoicePermissions> {
    return invoicePermissions(context, invoice, () => context.loaders.invoices.wilayaCodes.load(invoice.id));
  }
}
