import { Migration } from '@mikro-orm/migrations';

export class Migration20261129163002 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "invoice_wilaya" ("invoice_id" bigint not null, "wilaya_code" varchar(2) not null, constraint "invoice_wilaya_pkey" primary key ("invoice_id", "wilaya_code"));`);
    this.addSql(`create index "invoice_wilaya_wilaya_code_invoice_id_index" on "invoice_wilaya" ("wilaya_code", "invoice_id");`);

    this.addSql(`create table "wilaya_acceptance_day" ("wilaya_code" varchar(2) not null, "day" date not null, "accepted" int not null, "first_time_right" int not null, constraint "wilaya_acceptance_day_pkey" primary key ("wilaya_code", "day"));`);
    this.addSql(`create index "wilaya_acceptance_day_day_index" on "wilaya_acceptance_day" ("day");`);

    this.addSql(`create table "wilaya_acceptance_delay" ("wilaya_code" varchar(2) not null, "days" int not null, "accepted" int not null, constraint "wilaya_acceptance_delay_pkey" primary key ("wilaya_code", "days"));`);

    this.addSql(`create table "wilaya_backlog" ("wilaya_code" varchar(2) not null, "status" "customer_subscription_status" not null, "customer_subscriptions" int not null, constraint "wilaya_backlog_pkey" primary key ("wilaya_code", "status"));`);

    this.addSql(`create table "wilaya_target" ("wilaya_code" varchar(2) not null, "target_connections" bigint not null, constraint "wilaya_target_pkey" primary key ("wilaya_code"));`);

    this.addSql(`alter table "invoice_wilaya" add constraint "invoice_wilaya_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "invoice_wilaya" add constraint "invoice_wilaya_wilaya_code_foreign" foreign key ("wilaya_code") references "wilaya" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "wilaya_acceptance_day" add constraint "wilaya_acceptance_day_wilaya_code_foreign" foreign key ("wilaya_code") references "wilaya" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "wilaya_acceptance_delay" add constraint "wilaya_acceptance_delay_wilaya_code_foreign" foreign key ("wilaya_code") references "wilaya" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "wilaya_backlog" add constraint "wilaya_backlog_wilaya_code_foreign" foreign key ("wilaya_code") references "wilaya" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "wilaya_target" add constraint "wilaya_target_wilaya_code_foreign" foreign key ("wilaya_code") references "wilaya" ("code") on update cascade on delete restrict;`);

    this.addSql(`create index "invoice_status_status_changed_at_index" on "invoice" ("status", "status_changed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "invoice_wilaya" cascade;`);

    this.addSql(`drop table if exists "wilaya_acceptance_day" cascade;`);

    this.addSql(`drop table if exists "wilaya_acceptance_delay" cascade;`);

    this.addSql(`drop table if exists "wilaya_backlog" cascade;`);

    this.addSql(`drop table if exists "wilaya_target" cascade;`);

    this.addSql(`drop index "invoice_status_status_changed_at_index";`);
  }

}
