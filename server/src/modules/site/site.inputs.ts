import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { LocalDate } from '../../common/scalars.js';
import { dayFrom2000To2100, recordId, requiredText } from '../../common/validation.js';
import { SiteKind } from './site.entity.js';

@InputType({ description: 'A new site, PLANNED. Text is trimmed; the code is upper-cased.' })
export class CreateSiteInput {
  @Field(() => String, { description: 'Unique code: 2–40 letters, digits, "-" or "_".' })
  code!: string;

  @Field(() => String, { description: '1–200 characters.' })
  name!: string;

  @Field(() => SiteKind, { description: 'What the site covers.' })
  kind!: SiteKind;

  @Field(() => ID, { description: 'The commune the site is in (hence its wilaya).' })
  communeId!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'Decimal degrees, 18.9 to 37.2; give both coordinates or neither.',
  })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Decimal degrees, −8.7 to 12.0.' })
  longitude?: number | null;

  @Field(() => Int, { description: 'Connections to deliver, 1 to 100,000.' })
  targetConnections!: number;

  @Field(() => LocalDate, { nullable: true, description: 'Planned start, YYYY-MM-DD.' })
  plannedStart?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Planned end, YYYY-MM-DD, not before plannedStart.' })
  plannedEnd?: string | null;
}

@InputType({
  description:
    'Fields to change on a site; only the fields sent are changed. The contractor changes through assignSite.',
})
export class UpdateSiteInput {
  @Field(() => String, { nullable: true, description: 'As in CreateSiteInput; left out: unchanged.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'As in CreateSiteInput; left out: unchanged.' })
  name?: string | null;

  @Field(() => SiteKind, { nullable: true, description: 'As in CreateSiteInput; left out: unchanged.' })
  kind?: SiteKind | null;

  @Field(() => ID, { nullable: true, description: 'As in CreateSiteInput; left out: unchanged.' })
  communeId?: string | null;

  @Field(() => Float, { nullable: true, description: 'As in CreateSiteInput; left out: unchanged.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'As in CreateSiteInput; left out: unchanged.' })
  longitude?: number | null;

  @Field(() => Int, { nullable: true, description: 'As in CreateSiteInput; left out: unchanged.' })
  targetConnections?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'As in CreateSiteInput; left out: unchanged.' })
  plannedStart?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'As in CreateSiteInput; left out: unchanged.' })
  plannedEnd?: string | null;
}

/** Every field of a site, checked on its own and together. */
export const siteSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/, {
        error: 'must be 2–40 letters (A–Z), digits, "-" or "_", starting with a letter or digit',
      })
      .transform((value) => value.toUpperCase()),
    name: requiredText(200),
    kind: z.enum(SiteKind),
    communeId: recordId,
    latitude: z
      .number()
      .min(18.9, { error: 'must be within Algeria (18.9 to 37.2)' })
      .max(37.2, { error: 'must be within Algeria (18.9 to 37.2)' })
      .nullish()
      .transform((v) => v ?? null),
    longitude: z
      .number()
      .min(-8.7, { error: 'must be within Algeria (−8.7 to 12.0)' })
      .max(12.0, { error: 'must be within Algeria (−8.7 to 12.0)' })
      .nullish()
      .transform((v) => v ?? null),
    targetConnections: z
      .number()
      .int()
      .min(1, { error: 'must be at least 1' })
      .max(100_000, { error: 'must be at most 100,000' }),
    plannedStart: dayFrom2000To2100.nullish().transform((v) => v ?? null),
    plannedEnd: dayFrom2000To2100.nullish().transform((v) => v ?? null),
  })
  .superRefine((site, context) => {
    if ((site.latitude === null) !== (site.longitude === null)) {
      context.addIssue({
        code: 'custom',
        path: [site.latitude === null ? 'latitude' : 'longitude'],
        message: 'give both coordinates or neither',
      });
    }
    if (site.plannedStart && site.plannedEnd && site.plannedEnd < site.plannedStart) {
      context.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'must not be before plannedStart' });
    }
  });

export type SiteValues = z.output<typeof siteSchema>;
