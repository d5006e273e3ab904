import { Migration } from '@mikro-orm/migrations';

/**
 * The change log (issue 17): every event a change announces is written in the change's own
 * transaction to `change_event`, with no position. A relay, one at a time (an advisory lock), gives
 * the events committed since its last run the positions that follow `change_log_state.head`, in the
 * order they were written, and moves the head: positions are gapless and follow commits, so a reader
 * who has read up to N and later reads "after N" misses nothing committed in between.
 * `pruned_through` is the last position removed by pruning. `change_log_consumer` keeps, per durable
 * reader (mail, webhooks), the last position it handled. Generated from the entities; the state's one
 * row added by hand.
 */
export class Migration20261206192101 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "change_event" ("id" bigserial primary key, "position" bigint null, "occurred_at" timestamptz not null, "topic" varchar(60) not null, "payload" jsonb not null);`);
    this.addSql(`alter table "change_event" add constraint "change_event_position_unique" unique ("position");`);
    this.addSql(`create index "change_event_occurred_at_index" on "change_event" ("occurred_at");`);
    this.addSql(`create index "change_event_unpositioned_index" on "change_event" ("id") where "position" is null;`);

    this.addSql(`create table "change_log_consumer" ("name" varchar(60) not null, "position" bigint not null, constraint "change_log_consumer_pkey" primary key ("name"));`);

    this.addSql(`create table "change_log_state" ("singleton" boolean not null default true, "head" bigint not null default 0, "pruned_through" bigint not null default 0, constraint "change_log_state_pkey" primary key ("singleton"), constraint change_log_state_singleton_check check ("singleton" = true));`);
    this.addSql(`insert into "change_log_state" default values;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "change_event" cascade;`);

    this.addSql(`drop table if exists "change_log_consumer" cascade;`);

    this.addSql(`drop table if exists "change_log_state" cascade;`);
  }

}
