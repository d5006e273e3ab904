import { Migration } from '@mikro-orm/migrations';

export class Migration20261207153115 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "scorecard_firm_month" ("month" date not null, "wilaya_code" varchar(2) not null, "contractor_id" bigint not null, "accepted" bigint not null, "first_time_right" bigint not null, "steps_ended" bigint not null, "steps_on_time" bigint not null, constraint "scorecard_firm_month_pkey" primary key ("month", "wilaya_code", "contractor_id"));`);

    this.addSql(`drop index "scorecard_counter_rank";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "scorecard_firm_month" cascade;`);

    this.addSql(`create index "scorecard_counter_rank" on "scorecard_counter" ("period", "day", "measure", "wilaya_code", "contractor_id");`);
  }

}
