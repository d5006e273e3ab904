import { Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { batchedValue, listOf } from '../../common/query-limits.js';
import { algiersDate, now } from '../../common/time.js';
import type { Context } from '../../context.js';
import { mayReadContractor } from '../auth/scope.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { CreditNote } from './credit-note.entity.js';
import { invoiceClosingSentence } from './invoice-arithmetic.js';
import { Invoice, InvoiceLine } from './invoice.entity.js';
import type { InvoiceLineRecord, InvoiceRecord } from './invoice-records.js';
import { VatAmount } from './invoice.inputs.js';
import { balanceDue, daysOverdue } from './invoice.service.js';
import { dzd, Money } from './money.js';
import { InvoicePayment } from './payment.entity.js';
import { pricedLineFields } from './priced-line.entity.js';

/** An invoice's fields worked out from the record (the entity, or a query's row): its contractor, lines, totals, balance, payments and credit notes. */
@Resolver(() => Invoice)
export class InvoiceFieldsResolver {
  @FieldResolver(() => Contractor, {
    nullable: true,
    description: 'The contractor invoicing; null when the viewer may not read it.',
  })
  async contractor(@Root() invoice: InvoiceRecord, @Ctx() context: Context): Promise<Contractor | null> {
    return mayReadContractor(context, invoice.contractor.id)
      ? context.em.getReference(Contractor, invoice.contractor.id, { wrapped: true }).loadOrFail({ dataloader: true })
      : null;
  }

  @FieldResolver(() => [String], {
    description:
      'Codes of the wilayas whose work the invoice bills ("16", "31"…), sorted; empty for an invoice with no line. A DOT manager may approve the invoice only when all of them are its own.',
  })
  wilayaCodes(@Root() invoice: InvoiceRecord, @Ctx() context: Context): Promise<string[]> {
    return context.loaders.invoices.wilayaCodes.load(invoice.id);
  }

  @FieldResolver(() => [InvoiceLine], {
    description: 'The lines, in the order they were billed.',
    complexity: listOf(200),
  })
  lines(@Root() invoice: InvoiceRecord, @Ctx() context: Context): Promise<InvoiceLineRecord[]> {
    return context.loaders.invoices.lines.load(invoice.id);
  }

  @FieldResolver(() => Money, { description: 'Total excluding tax (HT): the sum of the rounded lines.' })
  totalExcludingTax(@Root() invoice: InvoiceRecord): Money {
    return dzd(invoice.totalExcludingTaxCentimes);
  }

  @FieldResolver(() => [VatAmount], { description: 'VAT by rate; empty for IFU and auto-entrepreneurs.' })
  vatByRate(@Root() invoice: InvoiceRecord): VatAmount[] {
    return invoice.vatByRate.map((vat) => ({
      ratePercent: vat.ratePercent,
      base: dzd(vat.base),
      amount: dzd(vat.amount),
    }));
  }

  @FieldResolver(() => Money, { description: 'Total VAT.' })
  totalVat(@Root() invoice: InvoiceRecord): Money {
    return dzd(invoice.totalVatCentimes);
  }

  @FieldResolver(() => Money, { description: 'Total including tax (TTC).' })
  totalIncludingTax(@Root() invoice: InvoiceRecord): Money {
    return dzd(invoice.totalIncludingTaxCentimes);
  }

  @FieldResolver(() => Money, { description: 'Retention (retenue de garantie) held back.' })
  retention(@Root() invoice: InvoiceRecord): Money {
    return dzd(invoice.retentionCentimes);
  }

  @FieldResolver(() => Money, { description: 'Net payable: total including tax less retention.' })
  netPayable(@Root() invoice: InvoiceRecord): Money {
    return dzd(invoice.netPayableCentimes);
  }

  @FieldResolver(() => Money, { description: 'Net payable of the credit notes issued on this invoice.' })
  credited(@Root() invoice: InvoiceRecord): Money {
    return dzd(invoice.creditedCentimes);
  }

  @FieldResolver(() => Money, { description: 'Sum of the payments recorded.' })
  paid(@Root() invoice: InvoiceRecord): Money {
    return dzd(invoice.paidCentimes);
  }

  @FieldResolver(() => Money, {
    description: 'What remains to pay: net payable − credit notes − payments (negative when overpaid).',
  })
  balanceDue(@Root() invoice: InvoiceRecord): Money {
    return dzd(balanceDue(invoice));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Whole days from the due date (dueOn) to today in Algiers while the invoice is not PAID (SUBMITTED, REVISION_REQUESTED, APPROVED or PARTIALLY_PAID); 0 up to and on the due date, and 0 once PAID (in full, or settled by credit notes); null for a DRAFT, which has no due date yet. The server counts it (PAYMENT_TERMS_DAYS, frozen in dueOn at issue): clients show it, never recompute it.',
  })
  daysOverdue(@Root() invoice: InvoiceRecord, @Ctx() context: Context): number | null {
    return daysOverdue(invoice, algiersDate(now(context)));
  }

  @FieldResolver(() => String, {
    description:
      'The closing sentence with the net payable in French words: "Arrêtée la présente facture à la somme de : … ."',
  })
  amountInWords(@Root() invoice: InvoiceRecord): string {
    return invoiceClosingSentence(BigInt(invoice.netPayableCentimes));
  }

  @FieldResolver(() => String, {
    description:
      'Path of the invoice PDF on this server (GET with the same Authorization header): "/invoices/<id>/pdf".',
  })
  pdfPath(@Root() invoice: InvoiceRecord): string {
    return `/invoices/${invoice.id}/pdf`;
  }

  @FieldResolver(() => [InvoicePayment], { description: 'Payments recorded, oldest first.', complexity: listOf(10) })
  payments(@Root() invoice: InvoiceRecord, @Ctx() context: Context): Promise<InvoicePayment[]> {
    return context.loaders.invoices.payments.load(invoice.id);
  }

  @FieldResolver(() => [CreditNote], {
    description: 'Credit notes issued on this invoice, oldest first.',
    complexity: listOf(5),
  })
  creditNotes(@Root() invoice: InvoiceRecord, @Ctx() context: Context): Promise<CreditNote[]> {
    return context.loaders.invoices.creditNotes.load(invoice.id);
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => Money, { description: pricedLineFields.unitPrice })
  unitPrice(@Root() line: InvoiceLineRecord): Money {
    return dzd(line.unitPriceCentimes);
  }

  @FieldResolver(() => Money, { description: pricedLineFields.amount })
  amount(@Root() line: InvoiceLineRecord): Money {
    return dzd(line.amountCentimes);
  }

  @FieldResolver(() => ID, {
    description:
      'Id of the customer subscription whose accepted work the line bills (`Query.customerSubscription`, scoped like it).',
  })
  customerSubscriptionId(@Root() line: InvoiceLineRecord): string {
    return line.customerSubscription.id;
  }

  @FieldResolver(() => String, {
    description:
      'AT’s order reference of the customer subscription whose work the line bills (e.g. "CMD-16-2026-000123"): the number people know that work by, as the invoice and credit note PDFs print it. Part of the invoice: whoever may read the invoice reads it.',
    complexity: batchedValue,
  })
  orderReference(@Root() line: InvoiceLineRecord, @Ctx() context: Context): Promise<string> {
    return context.loaders.customerSubscriptions.orderReferences.load(line.customerSubscription.id);
  }
}
