import { Migration } from '@mikro-orm/migrations';

export class Migration20261129112800 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "wilaya" ("code" varchar(2) not null, "name" varchar(100) not null, "name_ar" varchar(100) not null, constraint "wilaya_pkey" primary key ("code"), constraint wilaya_code_two_digits check (code ~ '^[0-9]{2}\$'));`);

    this.addSql(`create table "daira" ("id" serial primary key, "name" varchar(100) not null, "name_ar" varchar(100) not null, "wilaya_code" varchar(2) not null);`);
    this.addSql(`alter table "daira" add constraint "daira_wilaya_code_name_unique" unique ("wilaya_code", "name");`);

    this.addSql(`create table "commune" ("id" int not null, "name" varchar(100) not null, "name_ar" varchar(100) not null, "daira_id" int not null, "wilaya_code" varchar(2) not null, constraint "commune_pkey" primary key ("id"));`);
    this.addSql(`create index "commune_daira_id_index" on "commune" ("daira_id");`);
    this.addSql(`create index "commune_wilaya_code_index" on "commune" ("wilaya_code");`);

    this.addSql(`alter table "daira" add constraint "daira_wilaya_code_foreign" foreign key ("wilaya_code") references "wilaya" ("code") on update cascade on delete restrict;`);

    this.addSql(`alter table "commune" add constraint "commune_daira_id_foreign" foreign key ("daira_id") references "daira" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "commune" add constraint "commune_wilaya_code_foreign" foreign key ("wilaya_code") references "wilaya" ("code") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "daira" drop constraint "daira_wilaya_code_foreign";`);

    this.addSql(`alter table "commune" drop constraint "commune_wilaya_code_foreign";`);

    this.addSql(`alter table "commune" drop constraint "commune_daira_id_foreign";`);

    this.addSql(`drop table if exists "wilaya" cascade;`);

    this.addSql(`drop table if exists "daira" cascade;`);

    this.addSql(`drop table if exists "commune" cascade;`);
  }

}
