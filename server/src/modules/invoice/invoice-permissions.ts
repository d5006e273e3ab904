import { Field, ObjectType } from 'type-graphql';
import { DomainError, ErrorCode, invalidTransition } from '../../common/errors.js';
import type { Context } from '../../context.js';
import { mayRunOperation } from '../auth/permissions.js';
import { viewerWilayas } from '../auth/scope.js';
import type { Invoice, InvoiceStatus } from './invoice.entity.js';
import { invoiceLifecycle, issuedStatuses, type InvoiceAction } from './invoice.lifecycle.js';

@ObjectType({
  description:
    'What the viewer may do to an invoice now, each action from the one rule its mutation enforces: the role (or API key scope) that ' +
    'may run the mutation, the status it may start from, and for approval and revision requests a DOT manager only on an invoice whose ' +
    'work lies wholly in its wilayas. The mutation may still refuse for a reason of the moment (a stale version, an empty draft, an ' +
    'amount over the balance due).',
})
export class InvoicePermissions {
  @Field(() => Boolean, { description: 'submitInvoice: submit the DRAFT, which numbers it and sends it for approval.' })
  submit!: boolean;

  @Field(() => Boolean, { description: 'approveInvoice: approve the SUBMITTED invoice for payment.' })
  approve!: boolean;

  @Field(() => Boolean, {
    description: 'requestInvoiceRevision: send the SUBMITTED invoice back to the contractor, line by line.',
  })
  requestRevision!: boolean;

  @Field(() => Boolean, { description: 'resubmitInvoice: answer a revision request and submit the invoice again.' })
  resubmit!: boolean;

  @Field(() => Boolean, {
    description: 'recordInvoicePayment: record a payment of the APPROVED or PARTIALLY_PAID invoice.',
  })
  recordPayment!: boolean;

  @Field(() => Boolean, { description: 'issueCreditNote: correct the issued invoice with a credit note.' })
  issueCreditNote!: boolean;
}

/** An action of `InvoicePermissions`. */
export type InvoiceOperation = keyof InvoicePermissions;

/**
 * Each action: its mutation; the lifecycle transition it makes (null: the invoice's status stays, and
 * it needs an issued invoice); and whether a DOT manager may do it only on an invoice whose work lies
 * wholly in its wilayas (docs/domain.md, "Who uses Raccord": "in its wilayas only").
 */
const rules: Record<InvoiceOperation, { mutation: string; transition: InvoiceAction | null; inWilayas: boolean }> = {
  submit: { mutation: 'submitInvoice', transition: 'SUBMIT', inWilayas: false },
  approve: { mutation: 'approveInvoice', transition: 'APPROVE', inWilayas: true },
  requestRevision: { mutation: 'requestInvoiceRevision', transition: 'REQUEST_REVISION', inWilayas: true },
  resubmit: { mutation: 'resubmitInvoice', transition: 'RESUBMIT', inWilayas: false },
  recordPayment: { mutation: 'recordInvoicePayment', transition: 'PAY_IN_PART', inWilayas: false },
  issueCreditNote: { mutation: 'issueCreditNote', transition: null, inWilayas: false },
};

/**
 * Why the viewer may not do `operation` to `invoice` (one it sees) from its status and place, or null
 * when it may: the mutations throw it (`requireInvoiceOperation`) and `Invoice.viewerCan` answers
 * from it, so that both follow one rule. `wilayaCodes` gives the wilayas the invoice bills work in;
 * it is read only for a DOT manager's approval or revision request.
 */
export async function invoiceOperationRefusal(
  context: Context,
  operation: InvoiceOperation,
  invoice: Pick<Invoice, 'status'>,
  wilayaCodes: () => Promise<readonly string[]>,
): Promise<DomainError | null> {
  const rule = rules[operation];
  if (rule.transition === null) {
    if (!issuedStatuses.includes(invoice.status)) {
      return new DomainError(
        ErrorCode.INVALID_TRANSITION,
        'A DRAFT invoice is not issued yet: it has nothing to correct',
        {
          currentStatus: invoice.status,
          allowedFrom: issuedStatuses,
        },
      );
    }
  } else if (!invoiceLifecycle.allows(rule.transition, invoice.status)) {
    const allowedFrom: readonly InvoiceStatus[] = invoiceLifecycle.transitions[rule.transition].from;
    return invalidTransition(
      'invoice',
      rule.transition.toLowerCase().replaceAll('_', ' '),
      invoice.status,
      allowedFrom,
    );
  }
  const wilayas = viewerWilayas(context);
  if (!rule.inWilayas || wilayas === null) return null;
  const outside = (await wilayaCodes()).filter((code) => !wilayas.includes(code));
  if (outside.length === 0) return null;
  return new DomainError(
    ErrorCode.FORBIDDEN,
    `This invoice bills work in wilayas outside yours (${outside.join(', ')}): finance or an administrator approves it`,
    { wilayas: outside },
  );
}

/**
 * Refuses `operation` on `invoice` as `invoiceOperationRefusal` says.
 * @throws DomainError INVALID_TRANSITION (its status), FORBIDDEN (a DOT manager, work outside its wilayas)
 */
export async function requireInvoiceOperation(
  context: Context,
  operation: InvoiceOperation,
  invoice: Pick<Invoice, 'status'>,
  wilayaCodes: () => Promise<readonly string[]>,
): Promise<void> {
  const refusal = await invoiceOperationRefusal(context, operation, invoice, wilayaCodes);
  if (refusal) throw refusal;
}

/**
 * What the viewer may do to `invoice` (one it sees: `invoiceScope`): for each action, the access
 * rule of its mutation (`operationRoles`, or the key's scopes) and `invoiceOperationRefusal`.
 */
export async function invoicePermissions(
  context: Context,
  invoice: Pick<Invoice, 'status'>,
  wilayaCodes: () => Promise<readonly string[]>,
): Promise<InvoicePermissions> {
  const permissions = new InvoicePermissions();
  for (const [operation, rule] of Object.entries(rules) as [InvoiceOperation, (typeof rules)[InvoiceOperation]][]) {
    permissions[operation] =
      mayRunOperation(context, `Mutation.${rule.mutation}`) &&
      (await invoiceOperationRefusal(context, operation, invoice, wilayaCodes)) === null;
  }
  return permissions;
}
