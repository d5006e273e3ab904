import { Migration } from '@mikro-orm/migrations';

export class Migration20261129132154 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "invoice_status" as enum ('DRAFT', 'SUBMITTED', 'APPROVED', 'REVISION_REQUESTED', 'PARTIALLY_PAID', 'PAID');`);
    this.addSql(`create table "invoice" ("id" bigserial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "contractor_id" bigint not null, "period" varchar(7) not null, "status" "invoice_status" not null default 'DRAFT', "fiscal_regime" "fiscal_regime" not null, "retention_percent" numeric not null, "total_excluding_tax_centimes" bigint not null default '0', "total_vat_centimes" bigint not null default '0', "total_including_tax_centimes" bigint not null default '0', "retention_centimes" bigint not null default '0', "net_payable_centimes" bigint not null default '0', "vat_by_rate" jsonb not null);`);
    this.addSql(`create index "invoice_contractor_id_index" on "invoice" ("contractor_id");`);
    this.addSql(`create unique index "invoice_one_draft_per_period" on "invoice" ("contractor_id", "period") where "status" = 'DRAFT';`);

    this.addSql(`create table "invoice_line" ("id" bigserial primary key, "invoice_id" bigint not null, "customer_subscription_id" bigint not null, "item_code" varchar(20) not null, "designation" varchar(200) not null, "unit" "price_unit" not null, "quantity" numeric not null, "unit_price_centimes" bigint not null, "vat_rate_percent" numeric not null, "amount_centimes" bigint not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "invoice_line_invoice_id_index" on "invoice_line" ("invoice_id");`);
    this.addSql(`create index "invoice_line_customer_subscription_id_index" on "invoice_line" ("customer_subscription_id");`);

    this.addSql(`alter table "invoice" add constraint "invoice_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "invoice_line" add constraint "invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "invoice_line" add constraint "invoice_line_customer_subscription_id_foreign" foreign key ("customer_subscription_id") references "customer_subscription" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice_line" drop constraint "invoice_line_invoice_id_foreign";`);

    this.addSql(`drop table if exists "invoice" cascade;`);

    this.addSql(`drop table if exists "invoice_line" cascade;`);

    this.addSql(`drop type "invoice_status";`);
  }

}
