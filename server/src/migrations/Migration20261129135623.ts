import { Migration } from '@mikro-orm/migrations';

export class Migration20261129135623 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "payment_method" as enum ('BANK_TRANSFER', 'CCP_TRANSFER', 'CHEQUE');`);
    this.addSql(`create table "document_sequence" ("contractor_id" bigint not null, "series" varchar(20) not null, "year" int not null, "last_number" int not null, constraint "document_sequence_pkey" primary key ("contractor_id", "series", "year"));`);

    this.addSql(`create table "idempotency_record" ("principal" varchar(80) not null, "key" varchar(100) not null, "operation" varchar(60) not null, "request_hash" varchar(64) not null, "result_id" varchar(64) not null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("principal", "key"));`);

    this.addSql(`create table "invoice_payment" ("id" bigserial primary key, "invoice_id" bigint not null, "paid_on" date not null, "amount_centimes" bigint not null, "method" "payment_method" not null, "reference" varchar(100) not null, "recorded_at" timestamptz not null, "recorded_by_type" "actor_type" not null, "recorded_by_id" varchar(64) null);`);
    this.addSql(`create index "invoice_payment_invoice_id_index" on "invoice_payment" ("invoice_id");`);

    this.addSql(`create table "credit_note" ("id" bigserial primary key, "invoice_id" bigint not null, "contractor_id" bigint not null, "number" varchar(20) not null, "number_year" int not null, "number_sequence" int not null, "issued_on" date not null, "reason" text not null, "created_at" timestamptz not null, "total_excluding_tax_centimes" bigint not null, "total_vat_centimes" bigint not null, "total_including_tax_centimes" bigint not null, "retention_centimes" bigint not null, "net_payable_centimes" bigint not null, "vat_by_rate" jsonb not null, "seller_identity" jsonb not null, "buyer_identity" jsonb not null);`);
    this.addSql(`create index "credit_note_invoice_id_index" on "credit_note" ("invoice_id");`);
    this.addSql(`alter table "credit_note" add constraint "credit_note_number_unique" unique ("contractor_id", "number_year", "number_sequence");`);

    this.addSql(`create table "credit_note_line" ("id" bigserial primary key, "credit_note_id" bigint not null, "invoice_line_id" bigint not null, "item_code" varchar(20) not null, "designation" varchar(200) not null, "unit" "price_unit" not null, "quantity" numeric not null, "unit_price_centimes" bigint not null, "vat_rate_percent" numeric not null, "amount_centimes" bigint not null);`);
    this.addSql(`create index "credit_note_line_credit_note_id_index" on "credit_note_line" ("credit_note_id");`);
    this.addSql(`create index "credit_note_line_invoice_line_id_index" on "credit_note_line" ("invoice_line_id");`);

    this.addSql(`alter table "invoice_payment" add constraint "invoice_payment_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "credit_note" add constraint "credit_note_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "credit_note" add constraint "credit_note_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "credit_note_line" add constraint "credit_note_line_credit_note_id_foreign" foreign key ("credit_note_id") references "credit_note" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "credit_note_line" add constraint "credit_note_line_invoice_line_id_foreign" foreign key ("invoice_line_id") references "invoice_line" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter type "audit_entity_type" add value if not exists 'INVOICE' after 'CUSTOMER_SUBSCRIPTION';`);

    this.addSql(`alter table "invoice" add column "status_reason" text null, add column "status_changed_at" timestamptz not null default now(), add column "number" varchar(20) null, add column "number_year" int null, add column "number_sequence" int null, add column "issued_on" date null, add column "due_on" date null, add column "seller_identity" jsonb null, add column "buyer_identity" jsonb null, add column "credited_centimes" bigint not null default '0', add column "paid_centimes" bigint not null default '0';`);
    // Invoices opened before this migration changed status when they were opened: now() stands for it, then no default.
    this.addSql(`alter table "invoice" alter column "status_changed_at" drop default;`);
    this.addSql(`create unique index "invoice_number_unique" on "invoice" ("contractor_id", "number_year", "number_sequence") where "number_sequence" is not null;`);

    this.addSql(`alter table "invoice_line" add column "rejection_reason" text null, add column "credited_quantity" numeric not null default '0';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "credit_note_line" drop constraint "credit_note_line_credit_note_id_foreign";`);

    this.addSql(`drop table if exists "document_sequence" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "invoice_payment" cascade;`);

    this.addSql(`drop table if exists "credit_note" cascade;`);

    this.addSql(`drop table if exists "credit_note_line" cascade;`);

    this.addSql(`drop index "invoice_number_unique";`);
    this.addSql(`alter table "invoice" drop column "status_reason", drop column "status_changed_at", drop column "number", drop column "number_year", drop column "number_sequence", drop column "issued_on", drop column "due_on", drop column "seller_identity", drop column "buyer_identity", drop column "credited_centimes", drop column "paid_centimes";`);

    this.addSql(`alter table "invoice_line" drop column "rejection_reason", drop column "credited_quantity";`);

    this.addSql(`drop type "payment_method";`);
  }

}
