import { Migration } from '@mikro-orm/migrations';

export class Migration20261129114944 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "site_kind" as enum ('RESIDENTIAL_ZONE', 'HOUSING_ESTATE', 'BUILDING', 'STREET', 'BUSINESS_ZONE', 'RURAL_AREA', 'OTHER');`);
    this.addSql(`create type "site_status" as enum ('PLANNED', 'ASSIGNED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'SUSPENDED');`);
    this.addSql(`create type "customer_subscription_status" as enum ('PENDING', 'ASSIGNED', 'SCHEDULED', 'INSTALLED', 'ACCEPTED', 'REJECTED', 'FAILED', 'CANCELLED');`);
    this.addSql(`create type "failure_reason" as enum ('CUSTOMER_ABSENT', 'NO_INFRASTRUCTURE', 'CUSTOMER_REFUSED', 'ACCESS_DENIED', 'OTHER');`);
    this.addSql(`create table "site" ("id" bigserial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(40) not null, "name" varchar(200) not null, "kind" "site_kind" not null, "commune_id" int not null, "wilaya_code" varchar(2) not null, "latitude" double precision null, "longitude" double precision null, "target_connections" int not null, "contractor_id" bigint null, "planned_start" date null, "planned_end" date null, "status" "site_status" not null default 'PLANNED', "suspended_from_status" "site_status" null, "status_reason" text null, "status_changed_at" timestamptz not null);`);
    this.addSql(`alter table "site" add constraint "site_code_unique" unique ("code");`);
    this.addSql(`create index "site_commune_id_index" on "site" ("commune_id");`);
    this.addSql(`create index "site_status_code_id_index" on "site" ("status", "code", "id");`);
    this.addSql(`create index "site_contractor_id_code_id_index" on "site" ("contractor_id", "code", "id");`);
    this.addSql(`create index "site_wilaya_code_code_id_index" on "site" ("wilaya_code", "code", "id");`);
    this.addSql(`create index "site_code_id_index" on "site" ("code", "id");`);

    this.addSql(`create table "customer_subscription" ("id" bigserial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_reference" varchar(40) not null, "customer_name" varchar(200) not null, "customer_phone" varchar(20) not null, "customer_address" varchar(300) not null, "commune_id" int not null, "wilaya_code" varchar(2) not null, "offer" varchar(100) not null, "site_id" bigint null, "contractor_id" bigint null, "appointment_at" timestamptz null, "ordered_at" timestamptz not null, "status" "customer_subscription_status" not null default 'PENDING', "failure_reason" "failure_reason" null, "status_reason" text null, "status_changed_at" timestamptz not null);`);
    this.addSql(`alter table "customer_subscription" add constraint "customer_subscription_order_reference_unique" unique ("order_reference");`);
    this.addSql(`create index "customer_subscription_commune_id_index" on "customer_subscription" ("commune_id");`);
    this.addSql(`create index "customer_subscription_status_ordered_at_id_index" on "customer_subscription" ("status", "ordered_at", "id");`);
    this.addSql(`create index "customer_subscription_site_id_status_index" on "customer_subscription" ("site_id", "status");`);
    this.addSql(`create index "customer_subscription_contractor_id_ordered_at_id_index" on "customer_subscription" ("contractor_id", "ordered_at", "id");`);
    this.addSql(`create index "customer_subscription_wilaya_code_ordered_at_id_index" on "customer_subscription" ("wilaya_code", "ordered_at", "id");`);
    this.addSql(`create index "customer_subscription_ordered_at_id_index" on "customer_subscription" ("ordered_at", "id");`);

    this.addSql(`alter table "site" add constraint "site_commune_id_foreign" foreign key ("commune_id") references "commune" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "site" add constraint "site_wilaya_code_foreign" foreign key ("wilaya_code") references "wilaya" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "site" add constraint "site_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "customer_subscription" add constraint "customer_subscription_commune_id_foreign" foreign key ("commune_id") references "commune" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "customer_subscription" add constraint "customer_subscription_wilaya_code_foreign" foreign key ("wilaya_code") references "wilaya" ("code") on update cascade on delete restrict;`);
    this.addSql(`alter table "customer_subscription" add constraint "customer_subscription_site_id_foreign" foreign key ("site_id") references "site" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "customer_subscription" add constraint "customer_subscription_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer_subscription" drop constraint "customer_subscription_site_id_foreign";`);

    this.addSql(`drop table if exists "site" cascade;`);

    this.addSql(`drop table if exists "customer_subscription" cascade;`);

    this.addSql(`drop type "site_kind";`);
    this.addSql(`drop type "site_status";`);
    this.addSql(`drop type "customer_subscription_status";`);
    this.addSql(`drop type "failure_reason";`);
  }

}
