import { Migration } from '@mikro-orm/migrations';

/** Audit events are append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on them. */
export class Migration20261129114407 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function "audit_event_refuse_change"() returns trigger language plpgsql as $$
begin
  raise exception 'audit events are append-only: % refused on audit_event', tg_op using errcode = 'insufficient_privilege';
end;
$$;`);
    this.addSql(`create trigger "audit_event_append_only" before update or delete on "audit_event" for each row execute function "audit_event_refuse_change"();`);
    this.addSql(`create trigger "audit_event_no_truncate" before truncate on "audit_event" for each statement execute function "audit_event_refuse_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "audit_event_no_truncate" on "audit_event";`);
    this.addSql(`drop trigger "audit_event_append_only" on "audit_event";`);
    this.addSql(`drop function "audit_event_refuse_change"();`);
  }

}
