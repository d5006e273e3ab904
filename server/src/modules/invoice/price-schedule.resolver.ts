import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { listOf } from '../../common/query-limits.js';
import { LocalDate } from '../../common/scalars.js';
import type { Context } from '../../context.js';
import { dzd, Money } from './money.js';
import { PriceSchedule, PriceScheduleItem, PriceUnit } from './price-schedule.entity.js';
import { createPriceScheduleVersion, listPriceSchedules, priceScheduleInForce } from './price-schedule.service.js';

@InputType({ description: 'An item of a new price schedule version.' })
export class PriceScheduleItemInput {
  @Field(() => String, { description: 'Code, 2–20 capitals, digits or "-", unique in the version.' })
  code!: string;

  @Field(() => String, { description: 'Designation as printed on invoices, 1–200 characters.' })
  designation!: string;

  @Field(() => PriceUnit, { description: 'Unit the quantity is measured in.' })
  unit!: PriceUnit;

  @Field(() => String, {
    description:
      'Unit price excluding tax in DA, as a decimal string with at most 2 decimals ("4500.00"): never a float.',
  })
  unitPrice!: string;

  @Field(() => String, { description: 'Tax code of the item (see taxRates), e.g. "TVA19".' })
  taxCode!: string;
}

@InputType({ description: 'A new version of the price schedule.' })
export class CreatePriceScheduleVersionInput {
  @Field(() => String, { description: 'Name, 1–200 characters.' })
  name!: string;

  @Field(() => LocalDate, { description: 'First day in force (Algiers), after today, in 2100 at the latest.' })
  effectiveFrom!: string;

  @Field(() => [PriceScheduleItemInput], { description: 'The items, 1 to 500.' })
  items!: PriceScheduleItemInput[];
}

@Resolver(() => PriceSchedule)
export class PriceScheduleResolver {
  @Query(() => [PriceSchedule], {
    description: 'Every version of the price schedule (BPU), newest first.',
    complexity: listOf(20),
  })
  priceSchedules(@Ctx() context: Context): Promise<PriceSchedule[]> {
    return listPriceSchedules(context);
  }

  @Query(() => PriceSchedule, {
    nullable: true,
    description:
      'The version in force on a date (Algiers; today when left out). BAD_USER_INPUT for a malformed date or one outside 2000–2100.',
  })
  priceScheduleInForce(
    @Arg('on', () => LocalDate, {
      nullable: true,
      description: 'The day whose price schedule to give, YYYY-MM-DD; today in Algiers when left out.',
    })
    on: string | null,
    @Ctx() context: Context,
  ): Promise<PriceSchedule | null> {
    return priceScheduleInForce(context, on ?? null);
  }

  @FieldResolver(() => [PriceScheduleItem], { description: 'The items, by code.', complexity: listOf(50) })
  async items(@Root() schedule: PriceSchedule): Promise<PriceScheduleItem[]> {
    return (await schedule.items.load({ dataloader: true })).getItems();
  }

  @Mutation(() => PriceSchedule, {
    description:
      'Records a new version (ADMIN), in force from a day after today; the latest version then ends where it starts. ' +
      'A version in force never changes. Errors: BAD_USER_INPUT, CONFLICT (starts before the latest version).',
  })
  createPriceScheduleVersion(
    @Arg('input', () => CreatePriceScheduleVersionInput, { description: 'The new version.' })
    input: CreatePriceScheduleVersionInput,
    @Ctx() context: Context,
  ): Promise<PriceSchedule> {
    return createPriceScheduleVersion(context, input);
  }
}

@Resolver(() => PriceScheduleItem)
export class PriceScheduleItemResolver {
  @FieldResolver(() => Money, { description: 'Unit price excluding tax, in DZD.' })
  unitPrice(@Root() item: PriceScheduleItem): Money {
    return dzd(item.unitPriceCentimes);
  }
}
