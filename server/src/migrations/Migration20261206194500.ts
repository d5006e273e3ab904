import { Migration } from '@mikro-orm/migrations';

/**
 * Notifications (issue 17): what the change log tells each user, at most once per event, recipient
 * and kind (`notification_once_per_event`), listed newest first per recipient; and which kinds each
 * user receives by e-mail (`notification_preference`, the kinds turned off). Both go with their user.
 */
export class Migration20261206194500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "notification_kind" as enum ('WORK_ASSIGNED', 'INSTALLATION_REJECTED', 'REVISION_REQUESTED', 'INVOICE_APPROVED', 'PAYMENT_RECORDED', 'API_KEY_EXPIRING');`);
    this.addSql(`create type "notification_subject" as enum ('SITE', 'CUSTOMER_SUBSCRIPTION', 'INVOICE', 'API_KEY');`);
    this.addSql(`create table "notification_preference" ("user_id" bigint not null, "email_off" jsonb not null, "updated_at" timestamptz not null, constraint "notification_preference_pkey" primary key ("user_id"));`);

    this.addSql(`create table "notification" ("id" bigserial primary key, "recipient_id" bigint not null, "kind" "notification_kind" not null, "subject_type" "notification_subject" not null, "subject_id" bigint not null, "subject_label" varchar(200) not null, "details" jsonb not null, "log_position" bigint null, "created_at" timestamptz not null, "read_at" timestamptz null);`);
    this.addSql(`create index "notification_recipient_id_id_index" on "notification" ("recipient_id", "id");`);
    this.addSql(`alter table "notification" add constraint "notification_once_per_event" unique ("log_position", "recipient_id", "kind");`);

    this.addSql(`alter table "notification_preference" add constraint "notification_preference_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_preference" cascade;`);

    this.addSql(`drop table if exists "notification" cascade;`);

    this.addSql(`drop type "notification_kind";`);
    this.addSql(`drop type "notification_subject";`);
  }

}
