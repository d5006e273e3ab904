import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { listOf } from '../../common/query-limits.js';
import type { Context } from '../../context.js';
import { CreditNote, CreditNoteLine } from './credit-note.entity.js';
import { issueCreditNote } from './credit-note.service.js';
import { IssueCreditNoteInput, IssueCreditNotePayload, VatAmount } from './invoice.inputs.js';
import { dzd, Money } from './money.js';
import { pricedLineFields } from './priced-line.entity.js';

/** Credit notes: issuing one on an invoice, and its fields worked out from the record. */
@Resolver(() => CreditNote)
export class CreditNoteResolver {
  @Mutation(() => IssueCreditNotePayload, {
    description:
      'Corrects an issued invoice with a credit note (facture d’avoir, numbered "AV-2026-00001") crediting quantities of its lines; the invoice is never edited. ' +
      'Errors: INVALID_TRANSITION (a DRAFT), AMOUNT_EXCEEDS_BALANCE, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async issueCreditNote(
    @Arg('input', () => IssueCreditNoteInput, { description: 'The invoice, the lines and why.' })
    input: IssueCreditNoteInput,
    @Ctx() context: Context,
  ): Promise<IssueCreditNotePayload> {
    const creditNote = await issueCreditNote(context, input);
    return { creditNote, invoice: await creditNote.invoice.loadOrFail() };
  }

  @FieldResolver(() => [CreditNoteLine], { description: 'The lines credited.', complexity: listOf(50) })
  async lines(@Root() creditNote: CreditNote): Promise<CreditNoteLine[]> {
    return (await creditNote.lines.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => Money, { description: 'Total credited excluding tax (HT).' })
  totalExcludingTax(@Root() creditNote: CreditNote): Money {
    return dzd(creditNote.totalExcludingTaxCentimes);
  }

  @FieldResolver(() => [VatAmount], { description: 'VAT credited by rate; empty for IFU and auto-entrepreneurs.' })
  vatByRate(@Root() creditNote: CreditNote): VatAmount[] {
    return creditNote.vatByRate.map((vat) => ({
      ratePercent: vat.ratePercent,
      base: dzd(vat.base),
      amount: dzd(vat.amount),
    }));
  }

  @FieldResolver(() => Money, { description: 'Total VAT credited.' })
  totalVat(@Root() creditNote: CreditNote): Money {
    return dzd(creditNote.totalVatCentimes);
  }

  @FieldResolver(() => Money, { description: 'Total credited including tax (TTC).' })
  totalIncludingTax(@Root() creditNote: CreditNote): Money {
    return dzd(creditNote.totalIncludingTaxCentimes);
  }

  @FieldResolver(() => Money, { description: 'Retention released with the credit (its share of the retention).' })
  retention(@Root() creditNote: CreditNote): Money {
    return dzd(creditNote.retentionCentimes);
  }

  @FieldResolver(() => Money, { description: 'Net credited: deducted from the invoice’s balance due.' })
  netPayable(@Root() creditNote: CreditNote): Money {
    return dzd(creditNote.netPayableCentimes);
  }

  @FieldResolver(() => String, { description: 'Path of the credit note PDF on this server: "/credit-notes/<id>/pdf".' })
  pdfPath(@Root() creditNote: CreditNote): string {
    return `/credit-notes/${creditNote.id}/pdf`;
  }
}

@Resolver(() => CreditNoteLine)
export class CreditNoteLineResolver {
  @FieldResolver(() => Money, { description: pricedLineFields.unitPrice })
  unitPrice(@Root() line: CreditNoteLine): Money {
    return dzd(line.unitPriceCentimes);
  }

  @FieldResolver(() => Money, { description: pricedLineFields.amount })
  amount(@Root() line: CreditNoteLine): Money {
    return dzd(line.amountCentimes);
  }

  @FieldResolver(() => ID, {
    description: 'Id of the invoice line this credit note line credits (an `InvoiceLine.id` of the same invoice).',
  })
  invoiceLineId(@Root() line: CreditNoteLine): string {
    return line.invoiceLine.id;
  }
}
