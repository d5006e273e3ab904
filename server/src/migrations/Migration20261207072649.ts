import { Migration } from '@mikro-orm/migrations';

export class Migration20261207072649 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "user_language" as enum ('FR', 'EN', 'AR');`);
    this.addSql(`create table "password_reset" ("id" bigserial primary key, "user_id" bigint not null, "requested_by_id" bigint null, "token_hash" varchar(64) null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null);`);
    this.addSql(`create index "password_reset_user_id_index" on "password_reset" ("user_id");`);
    this.addSql(`alter table "password_reset" add constraint "password_reset_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "password_reset" add constraint "password_reset_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "password_reset" add constraint "password_reset_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "app_user" add column "language" "user_language" not null default 'FR';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "password_reset" cascade;`);

    this.addSql(`alter table "app_user" drop column "language";`);

    this.addSql(`drop type "user_language";`);
  }

}
