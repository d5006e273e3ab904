import { Migration } from '@mikro-orm/migrations';

export class Migration20261129122834 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "user_role" as enum ('ADMIN', 'DOT_MANAGER', 'FINANCE', 'CONTRACTOR', 'VIEWER');`);
    this.addSql(`create table "login_rate_limit" ("key" varchar(255) not null, "points" int not null default 0, "expire" bigint null, constraint "login_rate_limit_pkey" primary key ("key"));`);

    this.addSql(`create table "app_user" ("id" bigserial primary key, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(254) not null, "password_hash" varchar(255) not null, "display_name" varchar(200) not null, "role" "user_role" not null, "wilaya_codes" jsonb not null, "contractor_id" bigint null, "is_contractor_admin" boolean not null default false, "disabled_at" timestamptz null);`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_contractor_id_index" on "app_user" ("contractor_id");`);

    this.addSql(`create table "session" ("id" uuid not null, "user_id" bigint not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "ip_address" varchar(64) null, constraint "session_pkey" primary key ("id"));`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(`alter table "app_user" add constraint "app_user_contractor_id_foreign" foreign key ("contractor_id") references "contractor" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);

    this.addSql(`drop table if exists "login_rate_limit" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "session" cascade;`);

    this.addSql(`drop type "user_role";`);
  }

}
