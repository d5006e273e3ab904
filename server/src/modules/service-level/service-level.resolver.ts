import {
  Arg,
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
import { listOf } from '../../common/query-limits.js';
import { LocalDate } from '../../common/scalars.js';
import { algiersDate, now } from '../../common/time.js';
import type { Context } from '../../context.js';
import { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import { Invoice } from '../invoice/invoice.entity.js';
import {
  clockOf,
  invoiceStepSpans,
  ownerOfStep,
  ServiceLevelClock,
  workStepSpans,
  type StepSpan,
} from './service-level-clocks.js';
import {
  PublicHoliday,
  ServiceLevelOwner,
  ServiceLevelSchedule,
  ServiceLevelStep,
  ServiceLevelTarget,
  ServiceLevelTimeBasis,
} from './service-level.entity.js';
import {
  addPublicHoliday,
  createServiceLevelScheduleVersion,
  isPublicHolidayRemovable,
  listPublicHolidays,
  listServiceLevelSchedules,
  removePublicHoliday,
  serviceLevelScheduleInForce,
  targetOf,
} from './service-level.service.js';

@InputType({ description: 'The target of one step in a new version of the service levels.' })
export class ServiceLevelTargetInput {
  @Field(() => ServiceLevelStep, { description: 'The step.' })
  step!: ServiceLevelStep;

  @Field(() => String, {
    nullable: true,
    description:
      'A wilaya’s code (two digits) for its own target, replacing the national one there; left out for the national target. Steps of a customer subscription only.',
  })
  wilayaCode?: string | null;

  @Field(() => Int, { description: 'Target time in minutes, 1 to 525600 (a year); a working day is 1440.' })
  targetMinutes!: number;

  @Field(() => ServiceLevelTimeBasis, { description: 'How the step’s time is counted.' })
  timeBasis!: ServiceLevelTimeBasis;
}

@InputType({ description: 'A new version of the service levels.' })
export class CreateServiceLevelScheduleVersionInput {
  @Field(() => String, { description: 'Name, 1–200 characters.' })
  name!: string;

  @Field(() => LocalDate, { description: 'First day in force (Algiers), after today, in 2100 at the latest.' })
  effectiveFrom!: string;

  @Field(() => [ServiceLevelTargetInput], {
    description: 'The targets, at most 500: a national one for every step, and wilayas’ own where they differ.',
  })
  targets!: ServiceLevelTargetInput[];
}

@ObjectType({ description: 'The result of createServiceLevelScheduleVersion.' })
export class CreateServiceLevelScheduleVersionPayload {
  @Field(() => ServiceLevelSchedule, { description: 'The new version.' })
  serviceLevelSchedule!: ServiceLevelSchedule;
}

@InputType({ description: 'A public holiday to add.' })
export class AddPublicHolidayInput {
  @Field(() => LocalDate, { description: 'The day (Algiers), after today, in 2100 at the latest.' })
  day!: string;

  @Field(() => String, { description: 'Its name, 1–100 characters, e.g. "Aïd el-Fitr (1er jour)".' })
  name!: string;
}

@ObjectType({ description: 'The result of addPublicHoliday or removePublicHoliday.' })
export class PublicHolidayPayload {
  @Field(() => PublicHoliday, { description: 'The holiday added, or the one removed as it was.' })
  publicHoliday!: PublicHoliday;
}

@Resolver(() => ServiceLevelSchedule)
export class ServiceLevelScheduleResolver {
  @Query(() => [ServiceLevelSchedule], {
    description: 'Every version of the service levels, newest first. Both sides read them.',
    complexity: listOf(20),
  })
  serviceLevelSchedules(@Ctx() context: Context): Promise<ServiceLevelSchedule[]> {
    return listServiceLevelSchedules(context);
  }

  @Query(() => ServiceLevelSchedule, {
    nullable: true,
    description:
      'The version in force on a day (Algiers; today when left out). BAD_USER_INPUT for a malformed date or one outside 2000–2100.',
  })
  serviceLevelScheduleInForce(
    @Arg('on', () => LocalDate, {
      nullable: true,
      description: 'The day whose service levels to give, YYYY-MM-DD; today in Algiers when left out.',
    })
    on: string | null,
    @Ctx() context: Context,
  ): Promise<ServiceLevelSchedule | null> {
    return serviceLevelScheduleInForce(context, on ?? null);
  }

  @FieldResolver(() => [ServiceLevelTarget], {
    description: 'The targets: the national ones by step, then the wilayas’ own by wilaya.',
    complexity: listOf(50),
  })
  async targets(@Root() schedule: ServiceLevelSchedule): Promise<ServiceLevelTarget[]> {
    const steps = Object.values(ServiceLevelStep);
    return (await schedule.targets.load({ dataloader: true }))
      .getItems()
      .sort(
        (a, b) =>
          (a.wilayaCode ?? '').localeCompare(b.wilayaCode ?? '') || steps.indexOf(a.step) - steps.indexOf(b.step),
      );
  }

  @Mutation(() => CreateServiceLevelScheduleVersionPayload, {
    description:
      'Records a new version of the service levels (ADMIN), in force from a day after today; the latest version then ends where it starts. ' +
      'A version in force never changes. Errors: BAD_USER_INPUT (dates, a step without a national target, a step twice for one place, ' +
      'a wilaya target on an invoice’s step, an unknown wilaya), CONFLICT (starts before the latest version).',
  })
  async createServiceLevelScheduleVersion(
    @Arg('input', () => CreateServiceLevelScheduleVersionInput, {
      description: 'The new version of the service levels.',
    })
    input: CreateServiceLevelScheduleVersionInput,
    @Ctx() context: Context,
  ): Promise<CreateServiceLevelScheduleVersionPayload> {
    return { serviceLevelSchedule: await createServiceLevelScheduleVersion(context, input) };
  }

  @Query(() => [PublicHoliday], {
    description:
      'The public holidays of a year (every one recorded when left out), by day. BAD_USER_INPUT for a year outside 2000–2100.',
    complexity: listOf(30),
  })
  publicHolidays(
    @Arg('year', () => Int, { nullable: true, description: 'The year, 2000 to 2100.' }) year: number | null,
    @Ctx() context: Context,
  ): Promise<PublicHoliday[]> {
    return listPublicHolidays(context, year ?? null);
  }

  @Mutation(() => PublicHolidayPayload, {
    description:
      'Adds a public holiday after today (ADMIN), e.g. a Hijri holiday on the day the moon was seen. ' +
      'Errors: BAD_USER_INPUT (a day not after today, no name), CONFLICT (already a holiday).',
  })
  async addPublicHoliday(
    @Arg('input', () => AddPublicHolidayInput, { description: 'The holiday.' }) input: AddPublicHolidayInput,
    @Ctx() context: Context,
  ): Promise<PublicHolidayPayload> {
    return { publicHoliday: await addPublicHoliday(context, input) };
  }

  @Mutation(() => PublicHolidayPayload, {
    description:
      'Removes a public holiday still to come (ADMIN); a holiday today or past stays, as clocks already counted never change. ' +
      'Errors: BAD_USER_INPUT (an id that is no id, a holiday today or past), NOT_FOUND.',
  })
  async removePublicHoliday(
    @Arg('id', () => ID, { description: 'The holiday’s id.' }) id: string,
    @Ctx() context: Context,
  ): Promise<PublicHolidayPayload> {
    return { publicHoliday: await removePublicHoliday(context, id) };
  }
}

@Resolver(() => PublicHoliday)
export class PublicHolidayResolver {
  @FieldResolver(() => Boolean, {
    description:
      'Whether removePublicHoliday may still remove it: true while its day is after today (Algiers); a holiday today or past stays. Who may remove one is in viewerOperations.',
  })
  removable(@Root() holiday: PublicHoliday, @Ctx() context: Context): boolean {
    return isPublicHolidayRemovable(context, holiday);
  }
}

@Resolver(() => ServiceLevelTarget)
export class ServiceLevelTargetResolver {
  @FieldResolver(() => ServiceLevelOwner, { description: 'Whose step it is: the side whose delay a late step is.' })
  owner(@Root() target: ServiceLevelTarget): ServiceLevelOwner {
    return ownerOfStep[target.step];
  }
}

/** The clocks of `spans` against the service levels, in `wilayaCode` (null for an invoice), at the context's now. */
async function clocksOf(context: Context, spans: StepSpan[], wilayaCode: string | null): Promise<ServiceLevelClock[]> {
  const rules = await context.loaders.serviceLevels.rules();
  const at = now(context);
  return spans.flatMap((span) => {
    const target = targetOf(rules, span.step, algiersDate(span.startedAt), wilayaCode);
    const clock = target ? clockOf(span, target, rules.holidays, at) : null;
    return clock ? [clock] : [];
  });
}

const clocksDescription =
  'Its service-level clocks, oldest first: each step it went through or is in, with its target, the time it took and how late ' +
  '(computed from its audit trail, against the service levels in force when each step started).';

@Resolver(() => CustomerSubscription)
export class CustomerSubscriptionClocksResolver {
  @FieldResolver(() => [ServiceLevelClock], { description: clocksDescription, complexity: listOf(6) })
  async serviceLevelClocks(@Root() work: CustomerSubscription, @Ctx() context: Context): Promise<ServiceLevelClock[]> {
    const changes = await context.loaders.serviceLevels.workChanges.load(work.id);
    return clocksOf(context, workStepSpans(work.orderedAt, changes), work.wilaya.code);
  }
}

@Resolver(() => Invoice)
export class InvoiceClocksResolver {
  @FieldResolver(() => [ServiceLevelClock], { description: clocksDescription, complexity: listOf(4) })
  async serviceLevelClocks(@Root() invoice: Invoice, @Ctx() context: Context): Promise<ServiceLevelClock[]> {
    const changes = await context.loaders.serviceLevels.invoiceChanges.load(invoice.id);
    return clocksOf(context, invoiceStepSpans(changes), null);
  }
}
