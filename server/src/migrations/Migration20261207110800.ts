import { Migration } from '@mikro-orm/migrations';

export class Migration20261207110800 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "service_level_step" as enum ('ORDER_TO_ASSIGNMENT', 'ASSIGNMENT_TO_APPOINTMENT', 'APPOINTMENT_TO_INSTALLATION', 'REPORT_TO_DECISION', 'REJECTION_TO_NEW_REPORT', 'SUBMISSION_TO_APPROVAL', 'APPROVAL_TO_PAYMENT');`);
    this.addSql(`create type "service_level_time_basis" as enum ('CALENDAR', 'WORKING_DAYS');`);
    this.addSql(`create table "public_holiday" ("id" bigserial primary key, "day" date not null, "name" varchar(100) not null);`);
    this.addSql(`alter table "public_holiday" add constraint "public_holiday_day_unique" unique ("day");`);

    this.addSql(`create table "service_level_schedule" ("id" bigserial primary key, "name" varchar(200) not null, "effective_from" date not null, "effective_to" date null, "created_at" timestamptz not null, constraint service_level_schedule_ends_after_start check (effective_to is null or effective_to > effective_from));`);
    this.addSql(`alter table "service_level_schedule" add constraint "service_level_schedule_no_overlap" exclude using gist (daterange("effective_from", "effective_to", '[)') with &&);`);

    this.addSql(`create table "service_level_target" ("id" bigserial primary key, "schedule_id" bigint not null, "step" "service_level_step" not null, "wilaya_code" varchar(2) null, "target_minutes" int not null, "time_basis" "service_level_time_basis" not null, constraint service_level_target_minutes_positive check (target_minutes > 0));`);
    this.addSql(`create index "service_level_target_schedule_id_index" on "service_level_target" ("schedule_id");`);
    this.addSql(`create unique index "service_level_target_unique" on "service_level_target" ("schedule_id", "step", coalesce("wilaya_code", ''));`);

    this.addSql(`alter table "service_level_target" add constraint "service_level_target_schedule_id_foreign" foreign key ("schedule_id") references "service_level_schedule" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter type "audit_entity_type" add value if not exists 'SERVICE_LEVEL_SCHEDULE' after 'WEBHOOK_ENDPOINT';`);

    this.addSql(`alter type "audit_entity_type" add value if not exists 'PUBLIC_HOLIDAY' after 'SERVICE_LEVEL_SCHEDULE';`);

    this.addSql(`alter type "audit_action" add value if not exists 'DELETE' after 'TRANSITION';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "service_level_target" drop constraint "service_level_target_schedule_id_foreign";`);

    this.addSql(`drop table if exists "public_holiday" cascade;`);

    this.addSql(`drop table if exists "service_level_schedule" cascade;`);

    this.addSql(`drop table if exists "service_level_target" cascade;`);

    this.addSql(`drop type "service_level_step";`);
    this.addSql(`drop type "service_level_time_basis";`);
  }

}
