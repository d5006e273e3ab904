import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { viewerContractorId } from '../auth/scope.js';
import { Invoice } from './invoice.entity.js';
import type { InvoiceRecord } from './invoice-records.js';
import { invoicePermissions, InvoicePermissions } from './invoice-permissions.js';

@Resolver(() => Invoice)
export class InvoiceViewerCanResolver {
  @FieldResolver(() => InvoicePermissions, {
    description: 'What the viewer may do to this invoice now (see InvoicePermissions): the buttons to show.',
  })
  viewerCan(@Root() invoice: InvoiceRecord, @Ctx() context: Context): Promise<InvoicePermissions> {
    return invoicePermissions(context, invoice, () => context.loaders.invoices.wilayaCodes.load(invoice.id));
  }

  @FieldResolver(() => Boolean, {
    description:
      "Whether the viewer speaks for the firm that issues this invoice (one of the firm's users or API keys): a client then " +
      'addresses the viewer as the issuer ("submit your invoice"). False for AT\'s users and keys, administrators included, who ' +
      'may still act on it as viewerCan says.',
  })
  viewerIsIssuer(@Root() invoice: InvoiceRecord, @Ctx() context: Context): boolean {
    return viewerContractorId(context) === invoice.contractor.id;
  }
}
