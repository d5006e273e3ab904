import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { approveInvoice, requestInvoiceRevision, resubmitInvoice, submitInvoice } from './invoice-issue.service.js';
import {
  InvoicePayload,
  InvoiceTransitionInput,
  RequestInvoiceRevisionInput,
  ResubmitInvoiceInput,
} from './invoice.inputs.js';

/** An invoice's lifecycle: submitted, approved, sent back for revision, resubmitted. */
@Resolver()
export class InvoiceLifecycleResolver {
  @Mutation(() => InvoicePayload, {
    description:
      'The contractor submits its DRAFT invoice: → SUBMITTED, numbered in the same transaction (gapless per contractor and year, "FA-2026-00001"), lines frozen, ' +
      'due date set. DRAFTs of a month that has ended are also submitted automatically. Errors: INVALID_TRANSITION, INVOICE_EMPTY, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async submitInvoice(
    @Arg('input', () => InvoiceTransitionInput, {
      description: 'The DRAFT invoice to submit (it must have lines), and the version last seen.',
    })
    input: InvoiceTransitionInput,
    @Ctx() context: Context,
  ): Promise<InvoicePayload> {
    return { invoice: await submitInvoice(context, input) };
  }

  @Mutation(() => InvoicePayload, {
    description:
      'SUBMITTED → APPROVED for payment (a DOT manager only for work in its wilayas). Errors: INVALID_TRANSITION, FORBIDDEN, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async approveInvoice(
    @Arg('input', () => InvoiceTransitionInput, {
      description: 'The SUBMITTED invoice to approve, and the version last seen.',
    })
    input: InvoiceTransitionInput,
    @Ctx() context: Context,
  ): Promise<InvoicePayload> {
    return { invoice: await approveInvoice(context, input) };
  }

  @Mutation(() => InvoicePayload, {
    description:
      'SUBMITTED → REVISION_REQUESTED with the lines rejected and why; the lines themselves do not change. Errors: INVALID_TRANSITION, FORBIDDEN, CONFLICT, NOT_FOUND, BAD_USER_INPUT.',
  })
  async requestInvoiceRevision(
    @Arg('input', () => RequestInvoiceRevisionInput, { description: 'Which invoice, and the lines rejected.' })
    input: RequestInvoiceRevisionInput,
    @Ctx() context: Context,
  ): Promise<InvoicePayload> {
    return { invoice: await requestInvoiceRevision(context, input) };
  }

  @Mutation(() => InvoicePayload, {
    description:
      'REVISION_REQUESTED → SUBMITTED (same number) with the quantity now claimed for every rejected line; what is withdrawn is credited by a credit note. ' +
      'Errors: INVALID_TRANSITION, CONFLICT, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, BAD_USER_INPUT.',
  })
  async resubmitInvoice(
    @Arg('input', () => ResubmitInvoiceInput, { description: 'Which invoice, and the revised lines.' })
    input: ResubmitInvoiceInput,
    @Ctx() context: Context,
  ): Promise<InvoicePayload> {
    return { invoice: await resubmitInvoice(context, input) };
  }
}
