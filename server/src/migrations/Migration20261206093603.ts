import { Migration } from '@mikro-orm/migrations';

export class Migration20261206093603 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "photo_kind" as enum ('PBO', 'PTO', 'POWER_METER', 'ONT', 'FAILURE', 'SIGNATURE', 'OTHER');`);
    this.addSql(`create table "photo" ("id" uuid not null, "customer_subscription_id" bigint not null, "contractor_id" bigint null, "uploaded_by_id" bigint null, "kind" "photo_kind" not null, "taken_at" timestamptz not null, "latitude" double precision null, "longitude" double precision null, "accuracy_metres" double precision null, "content_type" varchar(40) not null, "byte_size" int not null, "width" int not null, "height" int not null, "upload_sha256" varchar(64) not null, "storage_key" varchar(200) not null, "thumbnail_key" varchar(200) not null, "report_id" bigint null, "attached_at" timestamptz null, "created_at" timestamptz not null, constraint "photo_pkey" primary key ("id"));`);
    this.addSql(`create index "photo_customer_subscription_id_index" on "photo" ("customer_subscription_id");`);
    this.addSql(`create index "photo_contractor_id_index" on "photo" ("contractor_id");`);
    this.addSql(`create index "photo_report_id_index" on "photo" ("report_id");`);

    this.addSql(`alter table "photo" add constraint "photo_customer_subscription_id_foreign" foreign key ("customer_subscription_id") references "customer_subscription" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "photo" add constraint "photo_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "photo" add constraint "photo_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "photo" add constraint "photo_report_id_foreign" foreign key ("report_id") references "installation_report" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "commune" add column "latitude" double precision null, add column "longitude" double precision null;`);

    this.addSql(`alter type "user_role" add value if not exists 'TECHNICIAN' after 'CONTRACTOR';`);

    this.addSql(`alter table "customer_subscription" add column "technician_id" bigint null;`);
    this.addSql(`alter table "customer_subscription" add constraint "customer_subscription_technician_id_foreign" foreign key ("technician_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "customer_subscription_technician_id_index" on "customer_subscription" ("technician_id");`);
    this.addSql(`create index "customer_subscription_status_status_changed_at_id_index" on "customer_subscription" ("status", "status_changed_at", "id");`);

    this.addSql(`alter table "installation_report" add column "reported_by_id" bigint null, add column "ont_serial_number" varchar(40) null, add column "latitude" double precision null, add column "longitude" double precision null, add column "position_accuracy_metres" double precision null, add column "signature_missing_reason" text null;`);
    this.addSql(`alter table "installation_report" add constraint "installation_report_reported_by_id_foreign" foreign key ("reported_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "photo" cascade;`);

    this.addSql(`alter table "customer_subscription" drop constraint "customer_subscription_technician_id_foreign";`);

    this.addSql(`alter table "installation_report" drop constraint "installation_report_reported_by_id_foreign";`);

    this.addSql(`alter table "commune" drop column "latitude", drop column "longitude";`);

    this.addSql(`drop index "customer_subscription_technician_id_index";`);
    this.addSql(`drop index "customer_subscription_status_status_changed_at_id_index";`);
    this.addSql(`alter table "customer_subscription" drop column "technician_id";`);

    this.addSql(`alter table "installation_report" drop column "reported_by_id", drop column "ont_serial_number", drop column "latitude", drop column "longitude", drop column "position_accuracy_metres", drop column "signature_missing_reason";`);

    this.addSql(`drop type "photo_kind";`);
  }

}
