import { Migration } from '@mikro-orm/migrations';

export class Migration20261129131558 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "network_class" as enum ('B_PLUS', 'C_PLUS');`);
    this.addSql(`create table "installation_report" ("id" bigserial primary key, "customer_subscription_id" bigint not null, "installed_at" timestamptz not null, "technician_name" varchar(200) not null, "remarks" text null, "network_class" "network_class" not null, "received_power_dbm" numeric not null, "splice_loss_db" numeric null, "lines" jsonb not null, "photos" jsonb not null, "quality_issues" jsonb not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "installation_report_customer_subscription_id_index" on "installation_report" ("customer_subscription_id");`);

    this.addSql(`alter table "installation_report" add constraint "installation_report_customer_subscription_id_foreign" foreign key ("customer_subscription_id") references "customer_subscription" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "installation_report" cascade;`);

    this.addSql(`drop type "network_class";`);
  }

}
