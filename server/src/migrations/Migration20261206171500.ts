import { Migration } from '@mikro-orm/migrations';

/**
 * No line is added to an issued invoice: the triggers of Migration20261206125015 refused changing or
 * deleting an issued invoice's lines but not inserting one, and an adversarial review added a line to
 * a PAID invoice with plain SQL, which its PDF then printed with a new total. PostgreSQL now refuses
 * an INSERT into `invoice_line` whose invoice is not DRAFT. (Acceptance bills work onto the month's
 * DRAFT only. The data generator, which loads issued invoices and then their lines as the tables'
 * owner, lifts this trigger for its load.)
 */
export class Migration20261206171500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function "invoice_line_added_only_to_draft"() returns trigger language plpgsql as $$
declare
  issued text;
begin
  select "number" into issued from "invoice" where "id" = new."invoice_id" and "status" <> 'DRAFT';
  if found then
    raise exception 'invoice % is issued: a line cannot be added to it; an issued invoice is corrected by a credit note', issued using errcode = 'insufficient_privilege';
  end if;
  return new;
end;
$$;`);
    this.addSql(`create trigger "invoice_line_added_only_to_draft" before insert on "invoice_line" for each row execute function "invoice_line_added_only_to_draft"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "invoice_line_added_only_to_draft" on "invoice_line";`);
    this.addSql(`drop function "invoice_line_added_only_to_draft"();`);
  }

}
