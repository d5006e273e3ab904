import { Field, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { algerianPhone } from '../../common/phone.js';
import { blankAsNull, notAFormula, optionalText, recordId, requiredText, wilayaCode } from '../../common/validation.js';
import { FiscalRegime, LegalForm } from './contractor.entity.js';
import {
  isPlausibleRcNumber,
  isPlausibleRegistrationNumber,
  isValidNif,
  isValidNis,
  isValidRib,
} from '../../../../shared/identifiers.js';

@InputType({ description: 'A contact person at a contractor firm.' })
export class ContractorContactInput {
  @Field(() => String, { description: 'Full name, 1–120 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role in the firm, up to 80 characters.' })
  role?: string | null;

  @Field(() => String, { nullable: true, description: 'Algerian phone number in any usual form; stored in E.164.' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  email?: string | null;
}

@InputType({ description: 'A new contractor. Text is trimmed; identifiers are checked (NIF, RIB key).' })
export class CreateContractorInput {
  @Field(() => String, { description: 'Registered name, 1–200 characters.' })
  legalName!: string;

  @Field(() => String, { nullable: true, description: 'Trade name, up to 200 characters.' })
  tradeName?: string | null;

  @Field(() => LegalForm, { description: 'Legal form of the firm.' })
  legalForm!: LegalForm;

  @Field(() => FiscalRegime, { description: 'AUTO_ENTREPRENEUR exactly when the legal form is AUTO_ENTREPRENEUR.' })
  fiscalRegime!: FiscalRegime;

  @Field(() => String, { description: 'NIF: 15 digits (20 for a branch); spaces are ignored.' })
  nif!: string;

  @Field(() => String, { description: 'NIS (ONS): 15 digits; spaces are ignored.' })
  nis!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'RC number: required unless the legal form is AUTO_ENTREPRENEUR; at least 6 digits and one letter, such as ' +
      '"16/00-0123456 B 15" or "02 B 0018083"; runs of spaces are read as one.',
  })
  rcNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Auto-entrepreneur card number: required for an AUTO_ENTREPRENEUR; 3–40 digits, letters and separators, ' +
      'at least 3 of them digits; runs of spaces are read as one.',
  })
  autoEntrepreneurCardNumber?: string | null;

  @Field(() => String, {
    description:
      "Article d'imposition: 3–40 digits, letters and separators, at least 3 of them digits; runs of spaces are read as one.",
  })
  taxArticle!: string;

  @Field(() => String, { description: 'Street address, 1–300 characters.' })
  address!: string;

  @Field(() => ID, { description: 'Commune of the registered office.' })
  communeId!: string;

  @Field(() => [ContractorContactInput], { nullable: true, description: 'Up to 10 contact people.' })
  contacts?: ContractorContactInput[] | null;

  @Field(() => String, { description: 'RIB or CCP RIP: 20 digits with a valid key; spaces are ignored.' })
  bankAccount!: string;

  @Field(() => [String], { description: 'Codes of the wilayas the firm works in ("16", …); at least one.' })
  operatingWilayaCodes!: string[];

  @Field(() => Int, { description: 'Number of installation teams, 1–1000.' })
  teamCapacity!: number;
}

@InputType({ description: 'Fields to change on a contractor; only the fields sent are changed.' })
export class UpdateContractorInput {
  @Field(() => String, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  legalName?: string | null;

  @Field(() => String, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  tradeName?: string | null;

  @Field(() => LegalForm, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  legalForm?: LegalForm | null;

  @Field(() => FiscalRegime, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  fiscalRegime?: FiscalRegime | null;

  @Field(() => String, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  nif?: string | null;

  @Field(() => String, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  nis?: string | null;

  @Field(() => String, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  rcNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  autoEntrepreneurCardNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  taxArticle?: string | null;

  @Field(() => String, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  address?: string | null;

  @Field(() => ID, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  communeId?: string | null;

  @Field(() => [ContractorContactInput], {
    nullable: true,
    description: 'As in CreateContractorInput; left out: unchanged.',
  })
  contacts?: ContractorContactInput[] | null;

  @Field(() => String, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  bankAccount?: string | null;

  @Field(() => [String], { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  operatingWilayaCodes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'As in CreateContractorInput; left out: unchanged.' })
  teamCapacity?: number | null;
}

const withoutSpaces = (value: string) => value.replace(/\s+/g, '');

/** Trimmed, each run of spaces read as one. */
const spacesNormalised = z
  .string()
  .trim()
  .transform((value) => value.replace(/\s+/g, ' '));

const registrationNumber = spacesNormalised.refine(isPlausibleRegistrationNumber, {
  error: 'must be 3–40 digits, letters and separators (/ . - space), at least 3 of them digits',
});

const optional = <T extends z.ZodType>(schema: T) =>
  blankAsNull(schema)
    .optional()
    .transform((value) => value ?? null);

const contact = z.object({
  name: requiredText(120),
  role: optionalText(80),
  phone: blankAsNull(algerianPhone)
    .optional()
    .transform((value) => value ?? null),
  email: z
    .string()
    .trim()
    .nullish()
    .transform((value) => value || null)
    .pipe(
      notAFormula(z.string())
        .pipe(z.email({ error: 'must be an email address' }).max(200))
        .nullable(),
    ),
});

/** Every field of a contractor, each checked on its own (input values → stored values). */
export const contractorFields = z.object({
  legalName: requiredText(200),
  tradeName: optionalText(200).transform((value) => value ?? null),
  legalForm: z.enum(LegalForm),
  fiscalRegime: z.enum(FiscalRegime),
  nif: z.string().transform(withoutSpaces).refine(isValidNif, { error: 'must be 15 digits (20 for a branch)' }),
  nis: z.string().transform(withoutSpaces).refine(isValidNis, { error: 'must be 15 digits' }),
  rcNumber: optional(
    spacesNormalised
      // The column holds 40 characters: past them PostgreSQL refused the row and the API answered 500.
      .refine((value) => value.length <= 40, { error: 'must be at most 40 characters', abort: true })
      .refine(isPlausibleRcNumber, {
        error: 'must be an RC number: at least 6 digits and one letter, such as 16/00-0123456 B 15 or 02 B 0018083',
      }),
  ),
  autoEntrepreneurCardNumber: optional(registrationNumber),
  taxArticle: registrationNumber,
  address: requiredText(300),
  communeId: recordId,
  contacts: z
    .array(contact, { error: 'must be a list of contacts' })
    .max(10, { error: 'must hold at most 10 contacts' })
    .nullish()
    .transform((value) => value ?? []),
  bankAccount: z.string().transform(withoutSpaces).refine(isValidRib, {
    error: 'must be a RIB of 20 digits whose last two are its key (97 − (branch‖account × 100 mod 97))',
  }),
  operatingWilayaCodes: z
    .array(wilayaCode, { error: 'must be a list of wilaya codes' })
    .min(1, { error: 'must name at least one wilaya' })
    .max(58 + 11, { error: 'names too many wilayas' })
    .transform((codes) => [...new Set(codes)].sort()),
  teamCapacity: z.number().int().min(1, { error: 'must be at least 1' }).max(1000, { error: 'must be at most 1000' }),
});

/** The fields the rules across fields read. */
const fieldsAcross = new Set(['legalForm', 'fiscalRegime', 'rcNumber', 'autoEntrepreneurCardNumber']);

/**
 * Rules across fields, checked on the whole contractor (after an update is merged): also when
 * another field is bad, so that a row of an import names all its problems (zod would skip them
 * after a value of the wrong type, such as a team capacity in words), but not when one of the
 * fields they read is unusable.
 */
export const contractorSchema = contractorFields.superRefine(
  (contractor, context) => {
    const isAutoEntrepreneur = contractor.legalForm === LegalForm.AUTO_ENTREPRENEUR;
    if (isAutoEntrepreneur !== (contractor.fiscalRegime === FiscalRegime.AUTO_ENTREPRENEUR)) {
      context.addIssue({
        code: 'custom',
        path: ['fiscalRegime'],
        message: 'must be AUTO_ENTREPRENEUR exactly when the legal form is AUTO_ENTREPRENEUR',
      });
    }
    if (isAutoEntrepreneur && !contractor.autoEntrepreneurCardNumber) {
      context.addIssue({
        code: 'custom',
        path: ['autoEntrepreneurCardNumber'],
        message: 'is required for an auto-entrepreneur',
      });
    }
    if (isAutoEntrepreneur && contractor.rcNumber) {
      context.addIssue({
        code: 'custom',
        path: ['rcNumber'],
        message: 'must be empty for an auto-entrepreneur, who has a card number instead',
      });
    }
    if (!isAutoEntrepreneur && !contractor.rcNumber) {
      context.addIssue({
        code: 'custom',
        path: ['rcNumber'],
        message: 'is required unless the legal form is AUTO_ENTREPRENEUR',
      });
    }
  },
  {
    // An issue of the whole value (no path) is not a contractor's: its fields cannot be read.
    when: (payload) =>
      payload.issues.every((issue) => {
        const field = issue.path?.[0];
        return issue.continue === true || (field !== undefined && !fieldsAcross.has(String(field)));
      }),
  },
);

/** A contractor's fields as validated: what the service stores. */
export type ContractorValues = z.output<typeof contractorSchema>;
