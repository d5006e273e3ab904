import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks (issue 17): the endpoints third-party applications register, each event's delivery to
 * each endpoint (one per event and endpoint), every attempt of a delivery; endpoints are audited.
 */
export class Migration20261206195205 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "webhook_endpoint_status" as enum ('ENABLED', 'DISABLED');`);
    this.addSql(`create type "webhook_disabled_reason" as enum ('BY_HAND', 'FAILING');`);
    this.addSql(`create type "webhook_event_type" as enum ('INVOICE_CHANGED', 'CUSTOMER_SUBSCRIPTION_CHANGED', 'SITE_CHANGED');`);
    this.addSql(`create type "webhook_delivery_status" as enum ('PENDING', 'SUCCEEDED', 'FAILED');`);
    this.addSql(`create table "webhook_endpoint" ("id" bigserial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "contractor_id" bigint null, "url" text not null, "description" varchar(200) null, "event_types" jsonb not null, "wilaya_code" varchar(2) null, "filter_contractor_id" bigint null, "status" "webhook_endpoint_status" not null default 'ENABLED', "disabled_reason" "webhook_disabled_reason" null, "secret" varchar(80) not null, "previous_secret" varchar(80) null, "previous_secret_expires_at" timestamptz null, "failing_since" timestamptz null, "created_by_id" bigint not null);`);
    this.addSql(`create index "webhook_endpoint_contractor_id_index" on "webhook_endpoint" ("contractor_id");`);

    this.addSql(`create table "webhook_delivery" ("id" bigserial primary key, "endpoint_id" bigint not null, "event_position" bigint not null, "event_type" "webhook_event_type" not null, "payload" jsonb not null, "status" "webhook_delivery_status" not null default 'PENDING', "attempts" int not null default 0, "last_attempt_at" timestamptz null, "next_attempt_at" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_event_unique" unique ("endpoint_id", "event_position");`);

    this.addSql(`create table "webhook_attempt" ("id" bigserial primary key, "delivery_id" bigint not null, "attempted_at" timestamptz not null, "http_status" int null, "error" varchar(500) null, "duration_ms" int not null);`);
    this.addSql(`create index "webhook_attempt_delivery_id_index" on "webhook_attempt" ("delivery_id");`);

    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_filter_contractor_id_foreign" foreign key ("filter_contractor_id") references "contractor" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "webhook_endpoint" add constraint "webhook_endpoint_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_delivery_id_foreign" foreign key ("delivery_id") references "webhook_delivery" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter type "audit_entity_type" add value if not exists 'WEBHOOK_ENDPOINT' after 'PRICE_SCHEDULE';`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_endpoint_id_foreign";`);

    this.addSql(`alter table "webhook_attempt" drop constraint "webhook_attempt_delivery_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "webhook_attempt" cascade;`);

    this.addSql(`drop type "webhook_endpoint_status";`);
    this.addSql(`drop type "webhook_disabled_reason";`);
    this.addSql(`drop type "webhook_event_type";`);
    this.addSql(`drop type "webhook_delivery_status";`);
  }

}
