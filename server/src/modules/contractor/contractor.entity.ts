import {
  Collection,
  Embeddable,
  Embedded,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/scalars.js';
import { TrackedEntity } from '../../common/tracked.entity.js';
import { Commune } from '../reference-data/commune.entity.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';

export enum LegalForm {
  AUTO_ENTREPRENEUR = 'AUTO_ENTREPRENEUR',
  PERSONNE_PHYSIQUE = 'PERSONNE_PHYSIQUE',
  EURL = 'EURL',
  SARL = 'SARL',
  SPA = 'SPA',
  SNC = 'SNC',
  OTHER = 'OTHER',
}
registerEnumType(LegalForm, {
  name: 'LegalForm',
  description:
    "A contractor's legal form: auto-entrepreneur (law 22-23), personne physique, EURL, SARL, SPA, SNC, other.",
  valuesConfig: {
    AUTO_ENTREPRENEUR: {
      description: 'Auto-entrepreneur (law 22-23): a card number instead of an RC; fiscal regime AUTO_ENTREPRENEUR.',
    },
    PERSONNE_PHYSIQUE: { description: 'A natural person trading in its own name (personne physique).' },
    EURL: { description: 'Single-member limited company (entreprise unipersonnelle à responsabilité limitée).' },
    SARL: { description: 'Limited company (société à responsabilité limitée).' },
    SPA: { description: 'Joint-stock company (société par actions).' },
    SNC: { description: 'General partnership (société en nom collectif).' },
    OTHER: { description: 'Any other legal form.' },
  },
});

export enum FiscalRegime {
  REAL = 'REAL',
  IFU = 'IFU',
  AUTO_ENTREPRENEUR = 'AUTO_ENTREPRENEUR',
}
registerEnumType(FiscalRegime, {
  name: 'FiscalRegime',
  description:
    'REAL: régime réel, VAT on invoices. IFU (impôt forfaitaire unique) and AUTO_ENTREPRENEUR (0.5 % flat tax): no VAT line.',
  valuesConfig: {
    REAL: { description: 'Régime réel: its invoices carry VAT.' },
    IFU: { description: 'Impôt forfaitaire unique: no VAT line on its invoices.' },
    AUTO_ENTREPRENEUR: { description: 'The auto-entrepreneur’s 0.5 % flat tax: no VAT line on its invoices.' },
  },
});

export enum ContractorStatus {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ContractorStatus, {
  name: 'ContractorStatus',
  description: 'PENDING_APPROVAL → ACTIVE ⇄ SUSPENDED → TERMINATED. Only an ACTIVE contractor gets work.',
  valuesConfig: {
    PENDING_APPROVAL: {
      description: 'Registered, not approved yet: gets no work. Next: ACTIVE (approveContractor) or TERMINATED.',
    },
    ACTIVE: { description: 'Approved: may be given sites and work. Next: SUSPENDED.' },
    SUSPENDED: {
      description:
        'Gets no new work, and its work does not move on until it is ACTIVE again (reactivateContractor) or the work is reassigned. Next: ACTIVE or TERMINATED.',
    },
    TERMINATED: { description: 'The contract ended: final.' },
  },
});

@ObjectType({ description: 'A contact person at a contractor firm.' })
@Embeddable()
export class ContractorContact {
  @Field(() => String, { description: 'Full name.' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Role in the firm, e.g. "gérant", "chef d’équipe".' })
  @Property({ type: 'string', nullable: true })
  role: string | null = null;

  @Field(() => String, { nullable: true, description: 'Phone number in E.164 form, e.g. "+213550123456".' })
  @Property({ type: 'string', nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true, description: 'Email address.' })
  @Property({ type: 'string', nullable: true })
  email: string | null = null;
}

/**
 * A contracting firm that builds connections for AT: its identity for invoices (décret exécutif
 * 05-468 mentions), where it works, and its status.
 */
@ObjectType({ description: 'A contracting firm that connects customers for Algérie Télécom.' })
@Entity({ tableName: 'contractor' })
@Index({ properties: ['legalName', 'id'] })
@Index({ properties: ['status', 'legalName', 'id'] })
// The free-text search (`textContains`): its columns as raccord_search_text gives them.
@Index({
  name: 'contractor_search_text_trgm',
  expression:
    'create index "contractor_search_text_trgm" on "contractor" using gin (raccord_search_text("legal_name") gin_trgm_ops, raccord_search_text("trade_name") gin_trgm_ops, raccord_search_text("nif") gin_trgm_ops)',
})
export class Contractor extends TrackedEntity {
  @Field(() => String, { description: 'Name or company name as registered (raison sociale).' })
  @Property({ type: 'string', length: 200 })
  legalName!: string;

  @Field(() => String, { nullable: true, description: 'Trade name (enseigne), if any.' })
  @Property({ type: 'string', length: 200, nullable: true })
  tradeName: string | null = null;

  @Field(() => LegalForm, { description: 'Legal form of the firm.' })
  @Enum({ items: () => LegalForm, nativeEnumName: 'legal_form' })
  legalForm!: LegalForm;

  @Field(() => FiscalRegime, { description: 'Fiscal regime: decides whether its invoices carry VAT.' })
  @Enum({ items: () => FiscalRegime, nativeEnumName: 'fiscal_regime' })
  fiscalRegime!: FiscalRegime;

  @Field(() => String, { description: "NIF (numéro d'identification fiscale): 15 digits, 20 for a branch. Unique." })
  @Property({ type: 'string', length: 20, unique: 'contractor_nif_unique' })
  nif!: string;

  @Field(() => String, { description: 'NIS (numéro d’identification statistique).' })
  @Property({ type: 'string', length: 40 })
  nis!: string;

  @Field(() => String, {
    nullable: true,
    description: 'RC number (registre du commerce); null for an auto-entrepreneur.',
  })
  @Property({ type: 'string', length: 40, nullable: true })
  rcNumber: string | null = null;

  @Field(() => String, { nullable: true, description: 'Auto-entrepreneur card number, instead of an RC number.' })
  @Property({ type: 'string', length: 40, nullable: true })
  autoEntrepreneurCardNumber: string | null = null;

  @Field(() => String, { description: "Article d'imposition." })
  @Property({ type: 'string', length: 40 })
  taxArticle!: string;

  @Field(() => String, { description: 'Street address of the registered office.' })
  @Property({ type: 'string', length: 300 })
  address!: string;

  @ManyToOne(() => Commune, { ref: true, deleteRule: 'restrict' })
  commune!: Ref<Commune>;

  @Field(() => [ContractorContact], { description: 'Contact people, up to 10.' })
  @Embedded(() => ContractorContact, { array: true })
  contacts: ContractorContact[] = [];

  /** Bank RIB or CCP RIP, 20 digits (see the resolver for who may read it). */
  @Property({ type: 'string', length: 20 })
  bankAccount!: string;

  @ManyToMany(() => Wilaya, undefined, {
    pivotTable: 'contractor_wilaya',
    joinColumn: 'contractor_id',
    inverseJoinColumn: 'wilaya_code',
  })
  operatingWilayas = new Collection<Wilaya>(this);

  @Field(() => Int, { description: 'Number of installation teams the firm fields.' })
  @Property({ type: 'integer' })
  teamCapacity!: number;

  @Field(() => ContractorStatus, { description: 'Where the firm stands: only ACTIVE firms get work.' })
  @Enum({ items: () => ContractorStatus, nativeEnumName: 'contractor_status' })
  status: ContractorStatus = ContractorStatus.PENDING_APPROVAL;

  @Field(() => String, { nullable: true, description: 'Reason given for the last change of status.' })
  @Property({ type: 'text', nullable: true })
  statusReason: string | null = null;

  @Field(() => DateTime, { description: 'When the status last changed (UTC).' })
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  statusChangedAt: Date = new Date();
}
