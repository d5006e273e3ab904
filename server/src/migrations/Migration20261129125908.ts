import { Migration } from '@mikro-orm/migrations';

export class Migration20261129125908 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "price_unit" as enum ('U', 'M', 'FORFAIT');`);
    this.addSql(`create table "price_schedule" ("id" bigserial primary key, "name" varchar(200) not null, "effective_from" date not null, "effective_to" date null, "created_at" timestamptz not null, constraint price_schedule_ends_after_start check (effective_to is null or effective_to > effective_from));`);
    this.addSql(`alter table "price_schedule" add constraint "price_schedule_no_overlap" exclude using gist (daterange("effective_from", "effective_to", '[)') with &&);`);

    this.addSql(`create table "price_schedule_item" ("id" bigserial primary key, "schedule_id" bigint not null, "code" varchar(20) not null, "designation" varchar(200) not null, "unit" "price_unit" not null, "unit_price_centimes" bigint not null, "tax_code" varchar(20) not null);`);
    this.addSql(`create index "price_schedule_item_schedule_id_index" on "price_schedule_item" ("schedule_id");`);
    this.addSql(`alter table "price_schedule_item" add constraint "price_schedule_item_schedule_id_code_unique" unique ("schedule_id", "code");`);

    this.addSql(`create table "tax_rate" ("id" serial primary key, "code" varchar(20) not null, "rate_percent" numeric(5,2) not null, "valid_from" date not null);`);
    this.addSql(`alter table "tax_rate" add constraint "tax_rate_code_valid_from_unique" unique ("code", "valid_from");`);

    this.addSql(`alter table "price_schedule_item" add constraint "price_schedule_item_schedule_id_foreign" foreign key ("schedule_id") references "price_schedule" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "price_schedule_item" drop constraint "price_schedule_item_schedule_id_foreign";`);

    this.addSql(`drop table if exists "price_schedule" cascade;`);

    this.addSql(`drop table if exists "price_schedule_item" cascade;`);

    this.addSql(`drop table if exists "tax_rate" cascade;`);

    this.addSql(`drop type "price_unit";`);
  }

}
