import { Migration } from '@mikro-orm/migrations';

export class Migration20261206220440 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "change_event" add column "audience" text[] not null default '{all}';`);
    this.addSql(`create index "change_event_audience_index" on "change_event" using gin ("audience");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "change_event_audience_index";`);
    this.addSql(`alter table "change_event" drop column "audience";`);
  }

}
