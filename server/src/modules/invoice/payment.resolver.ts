import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { RecordInvoicePaymentInput, RecordInvoicePaymentPayload } from './invoice.inputs.js';
import { dzd, Money } from './money.js';
import { InvoicePayment } from './payment.entity.js';
import { recordInvoicePayment } from './payment.service.js';

/** Payments: recording one on an invoice, and its amount. */
@Resolver(() => InvoicePayment)
export class InvoicePaymentResolver {
  @Mutation(() => RecordInvoicePaymentPayload, {
    description:
      'Records a payment of an APPROVED or PARTIALLY_PAID invoice, at most its balance due: → PARTIALLY_PAID, or PAID when nothing remains. ' +
      'Errors: INVALID_TRANSITION, AMOUNT_EXCEEDS_BALANCE, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async recordInvoicePayment(
    @Arg('input', () => RecordInvoicePaymentInput, { description: 'The invoice and the payment.' })
    input: RecordInvoicePaymentInput,
    @Ctx() context: Context,
  ): Promise<RecordInvoicePaymentPayload> {
    const payment = await recordInvoicePayment(context, input);
    return { payment, invoice: await payment.invoice.loadOrFail() };
  }

  @FieldResolver(() => Money, { description: 'Amount paid.' })
  amount(@Root() payment: InvoicePayment): Money {
    return dzd(payment.amountCentimes);
  }
}
