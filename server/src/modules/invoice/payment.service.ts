import { z } from 'zod';
import { DomainError, ErrorCode, badUserInput } from '../../common/errors.js';
import { announceInvoiceChange, InvoiceChange } from './invoice.events.js';
import { idempotencyKey, idempotent } from '../../common/idempotency.js';
import { algiersDate, now } from '../../common/time.js';
import { transition } from '../audit/tracked.service.js';
import { inTransaction } from '../../common/transaction.js';
import { calendarDate, expectedVersion, parseInput, recordId, requiredText } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { AuditEntityType } from '../audit/audit-event.entity.js';
import { invoiceLifecycle } from './invoice.lifecycle.js';
import { requireInvoiceOperation } from './invoice-permissions.js';
import { balanceDue, invoiceWilayaCodes, loadInvoiceForChange } from './invoice.service.js';
import { dzd, dzdAmount } from './money.js';
import { InvoicePayment, PaymentMethod } from './payment.entity.js';

const paymentSchema = z.object({
  invoiceId: recordId,
  expectedVersion,
  paidOn: z.string({ error: 'is required' }).trim().pipe(calendarDate),
  amount: dzdAmount.refine((centimes) => centimes > 0n, { error: 'must be more than 0' }),
  method: z.enum(PaymentMethod, { error: 'must be BANK_TRANSFER, CCP_TRANSFER or CHEQUE' }),
  reference: requiredText(100),
  idempotencyKey,
});

/**
 * Finance records a payment of an APPROVED or PARTIALLY_PAID invoice: at most its balance due (net
 * payable − credit notes − payments so far); APPROVED | PARTIALLY_PAID → PARTIALLY_PAID, or PAID when
 * nothing remains. Amounts are exact decimal strings in DZD ("1234.56"), stored in centimes. Accepts
 * an idempotency key: a retried call with the same key records nothing more and returns the first payment.
 * @throws DomainError INVALID_TRANSITION (not approved yet, or already paid), AMOUNT_EXCEEDS_BALANCE (`balanceDue`), BAD_USER_INPUT (paidOn before the date of issue, …), NOT_FOUND, CONFLICT, IDEMPOTENCY_KEY_REUSED
 */
export async function recordInvoicePayment(context: Context, input: unknown): Promise<InvoicePayment> {
  const values = parseInput(paymentSchema, input);
  return inTransaction(context, (em) =>
    idempotent(
      em,
      context,
      'recordInvoicePayment',
      { ...values, amount: values.amount.toString() },
      async () => {
        const invoice = await loadInvoiceForChange(em, context, values.invoiceId, values.expectedVersion);
        await requireInvoiceOperation(context, 'recordPayment', invoice, () => invoiceWilayaCodes(em, invoice.id));
        const today = algiersDate(now(context));
        if (values.paidOn > today) throw badUserInput('paidOn', `must not be after today (${today}, Algiers)`);
        if (invoice.issuedOn !== null && values.paidOn < invoice.issuedOn)
          throw badUserInput('paidOn', `must not be before the invoice's date of issue (${invoice.issuedOn})`);
        const due = balanceDue(invoice);
        if (values.amount > due) {
          throw new DomainError(
            ErrorCode.AMOUNT_EXCEEDS_BALANCE,
            `amount: ${dzd(values.amount).amount} DZD is more than the balance due, ${dzd(due).amount} DZD`,
            {
              field: 'amount',
              balanceDue: dzd(due),
            },
          );
        }
        const payment = em.create(InvoicePayment, {
          invoice,
          paidOn: values.paidOn,
          amountCentimes: values.amount.toString(),
          method: values.method,
          reference: values.reference,
          recordedAt: now(context),
          recordedByType: context.actor.type,
          recordedById: context.actor.id,
        });
        invoice.paidCentimes = (BigInt(invoice.paidCentimes) + values.amount).toString();
        transition(
          em,
          context,
          invoice,
          AuditEntityType.INVOICE,
          invoiceLifecycle,
          values.amount === due ? 'PAY_IN_FULL' : 'PAY_IN_PART',
          `paiement ${values.method} ${values.reference}`,
          {
            changes: [
              {
                field: 'payment',
                from: null,
                to: {
                  paidOn: values.paidOn,
                  amountCentimes: values.amount.toString(),
                  method: values.method,
                  reference: values.reference,
                },
              },
            ],
          },
        );
        announceInvoiceChange(em, invoice, InvoiceChange.PAYMENT_RECORDED);
        return payment;
      },
      (id) => em.findOneOrFail(InvoicePayment, { id }),
    ),
  );
}
