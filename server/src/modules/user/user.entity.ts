import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Language } from '../../common/language.js';
import { DateTime } from '../../common/scalars.js';
import { TrackedEntity } from '../../common/tracked.entity.js';
import { Contractor } from '../contractor/contractor.entity.js';

export enum UserRole {
  ADMIN = 'ADMIN',
  DOT_MANAGER = 'DOT_MANAGER',
  FINANCE = 'FINANCE',
  CONTRACTOR = 'CONTRACTOR',
  TECHNICIAN = 'TECHNICIAN',
  VIEWER = 'VIEWER',
}
registerEnumType(UserRole, {
  name: 'UserRole',
  description:
    'ADMIN: AT head office, everything. DOT_MANAGER: an operational directorate, in its wilayas. FINANCE: approvals and payments. ' +
    "CONTRACTOR: a firm's staff, its own firm only. TECHNICIAN: a firm's field technician: its firm's open work (appointments, " +
    'installation and failure reports), nothing about money. VIEWER: read only (dashboards, auditors).',
  valuesConfig: {
    ADMIN: { description: 'AT head office: everything.' },
    DOT_MANAGER: {
      description: 'An operational directorate (DOT) of AT: sites, work and approvals in its wilayas only.',
    },
    FINANCE: { description: 'AT finance: invoice approvals and payments, nationwide.' },
    CONTRACTOR: {
      description:
        'A firm’s office staff: its own firm’s work and invoices only; a firm’s admin also manages its users and keys.',
    },
    TECHNICIAN: {
      description:
        'A firm’s field technician: its firm’s open work given to it or to the firm (appointments, installation and failure reports), nothing about money.',
    },
    VIEWER: { description: 'Read only: dashboards, auditors.' },
  },
});

/** A person who signs in to Raccord. The password is kept only as an argon2id hash. */
@ObjectType({ description: 'A person who signs in to Raccord.' })
@Entity({ tableName: 'app_user' })
export class User extends TrackedEntity {
  @Field(() => String, { description: 'Sign-in email, lower case, unique.' })
  @Property({ type: 'string', length: 254, unique: 'app_user_email_unique' })
  email!: string;

  /** argon2id hash of the password (argon2 library); never leaves the server. */
  @Property({ type: 'string', length: 255, lazy: true, hidden: true })
  passwordHash!: string;

  @Field(() => String, { description: 'Name shown in the console.' })
  @Property({ type: 'string', length: 200 })
  displayName!: string;

  @Field(() => UserRole, { description: 'What the user may do.' })
  @Enum({ items: () => UserRole, nativeEnumName: 'user_role' })
  role!: UserRole;

  @Field(() => [String], { description: 'DOT_MANAGER: codes of the wilayas it covers; empty for other roles.' })
  @Property({ type: 'json' })
  wilayaCodes: string[] = [];

  /** The firm of a CONTRACTOR or TECHNICIAN user; null for AT's users. */
  @Index()
  @ManyToOne(() => Contractor, { ref: true, nullable: true, deleteRule: 'restrict' })
  contractor: Ref<Contractor> | null = null;

  @Field(() => Boolean, { description: "CONTRACTOR: whether the user manages its firm's users and API keys." })
  @Property({ type: 'boolean' })
  isContractorAdmin = false;

  @Field(() => Language, {
    description:
      'The language the user chose (setMyLanguage): the console’s at sign-in, when the browser has no choice of its own, and that of every e-mail sent to the user. FR until chosen.',
  })
  @Enum({ items: () => Language, nativeEnumName: 'user_language', default: Language.FR })
  language: Language = Language.FR;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the user was disabled (UTC); a disabled user cannot sign in and its sessions end.',
  })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  disabledAt: Date | null = null;
}
