import { Migration } from '@mikro-orm/migrations';

export class Migration20261129114401 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "actor_type" as enum ('SYSTEM', 'USER', 'API_KEY');`);
    this.addSql(`create type "audit_entity_type" as enum ('CONTRACTOR', 'SITE', 'CUSTOMER_SUBSCRIPTION');`);
    this.addSql(`create type "audit_action" as enum ('CREATE', 'UPDATE', 'TRANSITION');`);
    this.addSql(`create type "legal_form" as enum ('AUTO_ENTREPRENEUR', 'PERSONNE_PHYSIQUE', 'EURL', 'SARL', 'SPA', 'SNC', 'OTHER');`);
    this.addSql(`create type "fiscal_regime" as enum ('REAL', 'IFU', 'AUTO_ENTREPRENEUR');`);
    this.addSql(`create type "contractor_status" as enum ('PENDING_APPROVAL', 'ACTIVE', 'SUSPENDED', 'TERMINATED');`);
    this.addSql(`create table "audit_event" ("id" bigserial primary key, "occurred_at" timestamptz not null, "actor_type" "actor_type" not null, "actor_id" varchar(64) null, "entity_type" "audit_entity_type" not null, "entity_id" varchar(64) not null, "action" "audit_action" not null, "from_status" varchar(40) null, "to_status" varchar(40) null, "changes" jsonb not null, "reason" text null, "request_id" varchar(128) not null);`);
    this.addSql(`create index "audit_event_entity_type_entity_id_id_index" on "audit_event" ("entity_type", "entity_id", "id");`);

    this.addSql(`create table "contractor" ("id" bigserial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "legal_name" varchar(200) not null, "trade_name" varchar(200) null, "legal_form" "legal_form" not null, "fiscal_regime" "fiscal_regime" not null, "nif" varchar(20) not null, "nis" varchar(40) not null, "rc_number" varchar(40) null, "auto_entrepreneur_card_number" varchar(40) null, "tax_article" varchar(40) not null, "address" varchar(300) not null, "commune_id" int not null, "contacts" jsonb not null, "bank_account" varchar(20) not null, "team_capacity" int not null, "status" "contractor_status" not null default 'PENDING_APPROVAL', "status_reason" text null, "status_changed_at" timestamptz not null);`);
    this.addSql(`alter table "contractor" add constraint "contractor_nif_unique" unique ("nif");`);
    this.addSql(`create index "contractor_status_legal_name_id_index" on "contractor" ("status", "legal_name", "id");`);
    this.addSql(`create index "contractor_legal_name_id_index" on "contractor" ("legal_name", "id");`);

    this.addSql(`create table "contractor_wilaya" ("contractor_id" bigint not null, "wilaya_code" varchar(2) not null, constraint "contractor_wilaya_pkey" primary key ("contractor_id", "wilaya_code"));`);

    this.addSql(`alter table "contractor" add constraint "contractor_commune_id_foreign" foreign key ("commune_id") references "commune" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "contractor_wilaya" add constraint "contractor_wilaya_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contractor_wilaya" add constraint "contractor_wilaya_wilaya_code_foreign" foreign key ("wilaya_code") references "wilaya" ("code") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "contractor_wilaya" drop constraint "contractor_wilaya_contractor_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "contractor" cascade;`);

    this.addSql(`drop table if exists "contractor_wilaya" cascade;`);

    this.addSql(`drop type "actor_type";`);
    this.addSql(`drop type "audit_entity_type";`);
    this.addSql(`drop type "audit_action";`);
    this.addSql(`drop type "legal_form";`);
    this.addSql(`drop type "fiscal_regime";`);
    this.addSql(`drop type "contractor_status";`);
  }

}
