import { Migration } from '@mikro-orm/migrations';

export class Migration20261207141442 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "scorecard_record_type" as enum ('CUSTOMER_SUBSCRIPTION', 'INVOICE');`);
    this.addSql(`create table "scorecard_counter" ("wilaya_code" varchar(2) not null, "contractor_id" bigint not null, "period" char(1) not null, "day" date not null, "measure" varchar(140) not null, "value" bigint not null, constraint "scorecard_counter_pkey" primary key ("wilaya_code", "contractor_id", "period", "day", "measure"));`);
    this.addSql(`create index "scorecard_counter_rank" on "scorecard_counter" ("period", "day", "measure", "wilaya_code", "contractor_id");`);

    this.addSql(`create table "scorecard_progress" ("record_type" "scorecard_record_type" not null, "record_id" bigint not null, "counted_through" bigint not null, constraint "scorecard_progress_pkey" primary key ("record_type", "record_id"));`);

    this.addSql(`create table "service_level_step_time" ("record_type" "scorecard_record_type" not null, "record_id" bigint not null, "step" "service_level_step" not null, "started_at" timestamptz not null, "ended_at" timestamptz not null, "ended_on" date not null, "contractor_id" bigint null, "wilaya_code" varchar(2) null, "ended_status" varchar(30) not null, "target_minutes" int not null, "elapsed_minutes" int not null, "late_minutes" int not null, "state" varchar(10) not null, constraint "service_level_step_time_pkey" primary key ("record_type", "record_id", "step", "started_at"));`);
    this.addSql(`create index "service_level_step_time_contractor_id_ended_on_index" on "service_level_step_time" ("contractor_id", "ended_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "scorecard_counter" cascade;`);

    this.addSql(`drop table if exists "scorecard_progress" cascade;`);

    this.addSql(`drop table if exists "service_level_step_time" cascade;`);

    this.addSql(`drop type "scorecard_record_type";`);
  }

}
