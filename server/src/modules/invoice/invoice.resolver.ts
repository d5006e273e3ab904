import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { listOf } from '../../common/query-limits.js';
import type { Context } from '../../context.js';
import { mayReadContractor } from '../auth/scope.js';
import { Contractor } from '../contractor/contractor.entity.js';
import { CustomerSubscriptionPayload } from '../customer-subscription/customer-subscription.resolver.js';
import { acceptInstallation, rejectInstallation } from './acceptance.service.js';
import { Invoice, InvoiceLine } from './invoice.entity.js';
import { findInvoice, listInvoices } from './invoice.service.js';
import { dzd, Money } from './money.js';

@ObjectType({ description: 'VAT of one rate on an invoice.' })
export class VatAmount {
  @Field(() => String, { description: 'Rate in percent, e.g. "19".' })
  ratePercent!: string;

  @Field(() => Money, { description: 'The lines of that rate, excluding tax.' })
  base!: Money;

  @Field(() => Money, { description: 'The VAT, rounded once for the rate.' })
  amount!: Money;
}

@InputType({ description: 'Accept an installation: which one, the version last seen, and a reason when the report is outside the thresholds.' })
export class AcceptInstallationInput {
  @Field(() => ID, { description: 'The customer subscription, INSTALLED.' })
  id!: string;

  @Field(() => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Required when the report is outside the quality thresholds: why it is accepted anyway (kept in the audit trail).' })
  overrideReason?: string | null;
}

@InputType({ description: 'Reject an installation with the reserves to fix.' })
export class RejectInstallationInput {
  @Field(() => ID, { description: 'The customer subscription, INSTALLED.' })
  id!: string;

  @Field(() => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
  expectedVersion!: number;

  @Field(() => [String], { description: 'Reserves (points to fix), 1 to 20, each 1–500 characters.' })
  reserves!: string[];
}

@Resolver(() => Invoice)
export class InvoiceResolver {
  @Query(() => Invoice, { nullable: true, description: 'The invoice with this id, or null (also when not yours).' })
  invoice(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() context: Context): Promise<Invoice | null> {
    return findInvoice(context, id);
  }

  @Query(() => [Invoice], {
    description: 'Invoices you may see (a firm its own), newest month first, at most 500; ask one invoice for its lines.',
    complexity: listOf(20),
  })
  invoices(@Ctx() context: Context): Promise<Invoice[]> {
    return listInvoices(context);
  }

  @FieldResolver(() => Contractor, { nullable: true, description: 'The contractor invoicing; null when the viewer may not read it.' })
  async contractor(@Root() invoice: Invoice, @Ctx() context: Context): Promise<Contractor | null> {
    return mayReadContractor(context, invoice.contractor.id) ? invoice.contractor.loadOrFail({ dataloader: true }) : null;
  }

  @FieldResolver(() => [InvoiceLine], { description: 'The lines, in the order they were billed.', complexity: listOf(200) })
  async lines(@Root() invoice: Invoice): Promise<InvoiceLine[]> {
    return (await invoice.lines.load({ dataloader: true })).getItems();
  }

  @FieldResolver(() => Money, { description: 'Total excluding tax (HT): the sum of the rounded lines.' })
  totalExcludingTax(@Root() invoice: Invoice): Money {
    return dzd(invoice.totalExcludingTaxCentimes);
  }

  @FieldResolver(() => [VatAmount], { description: 'VAT by rate; empty for IFU and auto-entrepreneurs.' })
  vatByRate(@Root() invoice: Invoice): VatAmount[] {
    return invoice.vatByRate.map((vat) => ({ ratePercent: vat.ratePercent, base: dzd(vat.base), amount: dzd(vat.amount) }));
  }

  @FieldResolver(() => Money, { description: 'Total VAT.' })
  totalVat(@Root() invoice: Invoice): Money {
    return dzd(invoice.totalVatCentimes);
  }

  @FieldResolver(() => Money, { description: 'Total including tax (TTC).' })
  totalIncludingTax(@Root() invoice: Invoice): Money {
    return dzd(invoice.totalIncludingTaxCentimes);
  }

  @FieldResolver(() => Money, { description: 'Retention (retenue de garantie) held back.' })
  retention(@Root() invoice: Invoice): Money {
    return dzd(invoice.retentionCentimes);
  }

  @FieldResolver(() => Money, { description: 'Net payable: total including tax less retention.' })
  netPayable(@Root() invoice: Invoice): Money {
    return dzd(invoice.netPayableCentimes);
  }

  @Mutation(() => CustomerSubscriptionPayload, {
    description:
      'INSTALLED → ACCEPTED, billed at once on the contractor’s DRAFT invoice of the month (Algiers). Errors: INVALID_TRANSITION, ' +
      'QUALITY_OVERRIDE_REQUIRED, CONFLICT, NOT_FOUND, BAD_USER_INPUT.',
  })
  async acceptInstallation(
    @Arg('input', () => AcceptInstallationInput, { description: 'Which installation.' }) input: AcceptInstallationInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return { customerSubscription: await acceptInstallation(context, input) };
  }

  @Mutation(() => CustomerSubscriptionPayload, { description: 'INSTALLED → REJECTED with reserves; nothing billed. Errors: INVALID_TRANSITION, CONFLICT, NOT_FOUND, BAD_USER_INPUT.' })
  async rejectInstallation(
    @Arg('input', () => RejectInstallationInput, { description: 'Which installation, and its reserves.' }) input: RejectInstallationInput,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionPayload> {
    return { customerSubscription: await rejectInstallation(context, input) };
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => Money, { description: 'Unit price excluding tax, as in force on the installation date.' })
  unitPrice(@Root() line: InvoiceLine): Money {
    return dzd(line.unitPriceCentimes);
  }

  @FieldResolver(() => Money, { description: 'Quantity × unit price, rounded half-up to the centime.' })
  amount(@Root() line: InvoiceLine): Money {
    return dzd(line.amountCentimes);
  }
}
