import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { ImportReport, maxReportedErrors } from '../../common/csv-import.js';
import { asConnection, ConnectionType, PageArgs } from '../../common/pagination.js';
import { listOf } from '../../common/query-limits.js';
import type { Context } from '../../context.js';
import { maySeeBankAccount, viewerTechnicianId, viewerWilayas } from '../auth/scope.js';
import { CustomerSubscriptionStatus } from '../customer-subscription/customer-subscription.entity.js';
import { Commune } from '../reference-data/commune.entity.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import {
  communeRecord,
  wilayaRecord,
  type CommuneRecord,
  type WilayaRecord,
} from '../reference-data/reference-data.cache.js';
import { Contractor, ContractorStatus } from './contractor.entity.js';
import type { ContractorRecord } from './contractor.loaders.js';
import { CreateContractorInput, UpdateContractorInput } from './contractor.inputs.js';
import { importContractors } from './contractor.import.js';
import type { ContractorAction } from './contractor.lifecycle.js';
import {
  createContractor,
  findContractor,
  listContractors,
  transitionContractor,
  updateContractor,
} from './contractor.service.js';
import { wilayaFilterRule } from '../../common/validation.js';

export const ContractorConnection = ConnectionType(Contractor, 'Contractor');
export type ContractorConnection = InstanceType<typeof ContractorConnection>;

@InputType({ description: 'Filters of the contractor list; all optional, combined with AND.' })
export class ContractorFilterInput {
  @Field(() => ContractorStatus, { nullable: true, description: 'Contractors in this status.' })
  status?: ContractorStatus | null;

  @Field(() => String, {
    nullable: true,
    description: `Contractors operating in this wilaya ("16"). ${wilayaFilterRule}`,
  })
  wilayaCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Part of the legal name, trade name or NIF (case, accents and Arabic letter variants aside: "bahia telecom" finds "Bahia Télécom"; ≤ 100 characters).',
  })
  search?: string | null;
}

@InputType({ description: 'A change of status: which contractor, the version last seen, and why.' })
export class ContractorTransitionInput {
  @Field(() => ID, { description: 'The contractor.' })
  id!: string;

  @Field(() => Int, { description: 'The `version` the client last saw; CONFLICT if the contractor changed since.' })
  expectedVersion!: number;

  @Field(() => String, { description: 'Why (1–500 characters); kept with the status and in the audit trail.' })
  reason!: string;
}

@ObjectType({ description: 'The contractor after a mutation.' })
export class ContractorPayload {
  @Field(() => Contractor, { description: 'The contractor as it now stands, with its new version.' })
  contractor!: Contractor;
}

@ObjectType({ description: 'How many customer subscriptions are in one status.' })
export class CustomerSubscriptionStatusCount {
  @Field(() => CustomerSubscriptionStatus, { description: 'A status.' })
  status!: CustomerSubscriptionStatus;

  @Field(() => Int, { description: 'Customer subscriptions in it.' })
  count!: number;
}

const transitionErrors =
  'Errors: INVALID_TRANSITION (with currentStatus), CONFLICT (stale expectedVersion), NOT_FOUND, BAD_USER_INPUT.';

@Resolver(() => Contractor)
export class ContractorResolver {
  @Query(() => Contractor, { nullable: true, description: 'The contractor with this id, or null.' })
  contractor(
    @Arg('id', () => ID, { description: 'The contractor’s id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<Contractor | null> {
    return findContractor(context, id);
  }

  @Query(() => ContractorConnection, {
    description: 'Contractors by legal name, a page at a time (at most 100).',
    complexity: listOf(20),
  })
  async contractors(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ContractorFilterInput, { nullable: true, description: 'Filters; all of them when left out.' })
    filter: ContractorFilterInput | null,
    @Ctx() context: Context,
  ): Promise<ContractorConnection> {
    return asConnection(ContractorConnection, await listContractors(context, filter ?? {}, page));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Bank RIB or CCP RIP (bank code 007): 20 digits = bank (3) + branch (5) + account (10) + key (2). ' +
      'Null unless the viewer is ADMIN, FINANCE or the firm itself (its CONTRACTOR users, not its technicians).',
  })
  bankAccount(
    @Root() contractor: Pick<ContractorRecord, 'id' | 'bankAccount'>,
    @Ctx() context: Context,
  ): string | null {
    return maySeeBankAccount(context, contractor.id) ? contractor.bankAccount : null;
  }

  @FieldResolver(() => Commune, { description: 'Commune of the registered office.' })
  commune(@Root() contractor: Pick<ContractorRecord, 'commune'>, @Ctx() context: Context): Promise<CommuneRecord> {
    return communeRecord(context.em, contractor.commune.id);
  }

  @FieldResolver(() => [Wilaya], { description: 'Wilayas the firm works in, by code.', complexity: listOf(10) })
  async operatingWilayas(
    @Root() contractor: Pick<ContractorRecord, 'id'>,
    @Ctx() context: Context,
  ): Promise<WilayaRecord[]> {
    const codes = await context.loaders.contractors.operatingWilayaCodes.load(contractor.id);
    return Promise.all(codes.map((code) => wilayaRecord(context.em, code)));
  }

  @FieldResolver(() => Int, { description: 'Number of sites assigned to the contractor.' })
  siteCount(@Root() contractor: Pick<ContractorRecord, 'id'>, @Ctx() context: Context): Promise<number> {
    return context.loaders.sites.siteCountByContractor.load(contractor.id);
  }

  @FieldResolver(() => [CustomerSubscriptionStatusCount], {
    description:
      "The contractor's customer subscriptions by status (statuses with none left out), those the viewer may see: a DOT manager counts its own wilayas' only, " +
      'a technician its own open work and the open work given to no technician.',
  })
  workCounts(
    @Root() contractor: Pick<ContractorRecord, 'id'>,
    @Ctx() context: Context,
  ): Promise<CustomerSubscriptionStatusCount[]> {
    return context.loaders.customerSubscriptions.countsByContractor.load({
      contractorId: contractor.id,
      wilayaCodes: viewerWilayas(context),
      technicianId: viewerTechnicianId(context),
    });
  }

  @Mutation(() => ContractorPayload, {
    description:
      'Registers a contractor, PENDING_APPROVAL. Errors: BAD_USER_INPUT (field named), NOT_FOUND (commune, wilaya), CONFLICT (NIF taken).',
  })
  async createContractor(
    @Arg('input', () => CreateContractorInput, { description: 'The new contractor.' }) input: CreateContractorInput,
    @Ctx() context: Context,
  ): Promise<ContractorPayload> {
    return { contractor: await createContractor(context, input) };
  }

  @Mutation(() => ContractorPayload, {
    description:
      'Changes the fields sent (others are kept). Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT (stale expectedVersion, NIF taken).',
  })
  async updateContractor(
    @Arg('id', () => ID, { description: 'The id of the contractor to change.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version last seen; CONFLICT if it changed since.' })
    expectedVersion: number,
    @Arg('input', () => UpdateContractorInput, { description: 'The fields to change.' }) input: UpdateContractorInput,
    @Ctx() context: Context,
  ): Promise<ContractorPayload> {
    return { contractor: await updateContractor(context, id, expectedVersion, input) };
  }

  @Mutation(() => ContractorPayload, { description: `PENDING_APPROVAL → ACTIVE. ${transitionErrors}` })
  approveContractor(
    @Arg('input', () => ContractorTransitionInput, {
      description: 'The PENDING_APPROVAL contractor to approve, the version last seen, and why.',
    })
    input: ContractorTransitionInput,
    @Ctx() context: Context,
  ) {
    return this.transition(context, 'APPROVE', input);
  }

  @Mutation(() => ContractorPayload, { description: `ACTIVE → SUSPENDED: it gets no new work. ${transitionErrors}` })
  suspendContractor(
    @Arg('input', () => ContractorTransitionInput, {
      description: 'The ACTIVE contractor to suspend, the version last seen, and why.',
    })
    input: ContractorTransitionInput,
    @Ctx() context: Context,
  ) {
    return this.transition(context, 'SUSPEND', input);
  }

  @Mutation(() => ContractorPayload, { description: `SUSPENDED → ACTIVE. ${transitionErrors}` })
  reactivateContractor(
    @Arg('input', () => ContractorTransitionInput, {
      description: 'The SUSPENDED contractor to make ACTIVE again, the version last seen, and why.',
    })
    input: ContractorTransitionInput,
    @Ctx() context: Context,
  ) {
    return this.transition(context, 'REACTIVATE', input);
  }

  @Mutation(() => ContractorPayload, {
    description: `SUSPENDED (or PENDING_APPROVAL: application refused) → TERMINATED, for good. ${transitionErrors}`,
  })
  terminateContractor(
    @Arg('input', () => ContractorTransitionInput, {
      description: 'The contractor whose contract ends, the version last seen, and why.',
    })
    input: ContractorTransitionInput,
    @Ctx() context: Context,
  ) {
    return this.transition(context, 'TERMINATE', input);
  }

  @Mutation(() => ImportReport, {
    description:
      'Imports contractors from CSV text (columns: legal_name, legal_form, fiscal_regime, nif, nis, tax_article, address, ' +
      'commune_id, bank_account, operating_wilaya_codes ("16;09"), team_capacity; optional: trade_name, rc_number, ' +
      'auto_entrepreneur_card_number, contact_name, contact_role, contact_phone, contact_email). All or nothing; known NIFs skipped. ' +
      `Every problem of every row is reported (the first ${maxReportedErrors} listed, all counted).`,
  })
  importContractors(
    @Arg('csv', () => String, {
      description: 'The contractors’ CSV text, UTF-8: a header row naming the columns, then one contractor a row.',
    })
    csv: string,
    @Ctx() context: Context,
  ): Promise<ImportReport> {
    return importContractors(context, csv);
  }

  private async transition(
    context: Context,
    action: ContractorAction,
    input: ContractorTransitionInput,
  ): Promise<ContractorPayload> {
    return { contractor: await transitionContractor(context, action, input.id, input.expectedVersion, input.reason) };
  }
}
