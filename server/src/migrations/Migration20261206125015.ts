import { Migration } from '@mikro-orm/migrations';

/**
 * Issued documents are immutable in the database itself, as audit events are: whatever the client,
 * plain SQL included, PostgreSQL refuses to change or delete
 * - an issued invoice (any status but DRAFT), but for what its lifecycle still moves after issue:
 *   status, status_reason, status_changed_at, approved_at, the amounts credited and paid, version
 *   and updated_at;
 * - a line of an issued invoice, but for its rejection_reason (a revision request) and its
 *   credited_quantity (credit notes);
 * - credit notes and their lines, and payments, once written;
 * and TRUNCATE of these tables. Only a credit note corrects an issued document.
 */
export class Migration20261206125015 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function "invoice_refuse_change_once_issued"() returns trigger language plpgsql as $$
declare
  moved text;
begin
  if tg_op = 'TRUNCATE' then
    raise exception 'invoices may be issued: TRUNCATE refused on invoice; an issued invoice is corrected by a credit note' using errcode = 'insufficient_privilege';
  end if;
  if old."status" = 'DRAFT' then
    if tg_op = 'DELETE' then
      return old;
    end if;
    return new;
  end if;
  if tg_op = 'DELETE' then
    raise exception 'invoice % is issued: DELETE refused; an issued invoice is corrected by a credit note', old."number" using errcode = 'insufficient_privilege';
  end if;
  select string_agg(n.key, ', ' order by n.key) into moved
    from jsonb_each(to_jsonb(new)) n join jsonb_each(to_jsonb(old)) o using (key)
   where n.value is distinct from o.value
     and n.key not in ('status', 'status_reason', 'status_changed_at', 'approved_at', 'credited_centimes', 'paid_centimes', 'version', 'updated_at');
  if moved is not null then
    raise exception 'invoice % is issued: UPDATE refused (%); an issued invoice is corrected by a credit note', old."number", moved using errcode = 'insufficient_privilege';
  end if;
  return new;
end;
$$;`);
    this.addSql(`create trigger "invoice_frozen_once_issued" before update or delete on "invoice" for each row execute function "invoice_refuse_change_once_issued"();`);
    this.addSql(`create trigger "invoice_no_truncate" before truncate on "invoice" for each statement execute function "invoice_refuse_change_once_issued"();`);

    this.addSql(`create function "invoice_line_refuse_change_once_issued"() returns trigger language plpgsql as $$
declare
  issued text;
  moved text;
begin
  if tg_op = 'TRUNCATE' then
    raise exception 'invoice lines may be issued: TRUNCATE refused on invoice_line; an issued invoice is corrected by a credit note' using errcode = 'insufficient_privilege';
  end if;
  select "number" into issued from "invoice"
   where "id" in (old."invoice_id", case when tg_op = 'DELETE' then old."invoice_id" else new."invoice_id" end) and "status" <> 'DRAFT'
   order by "id" limit 1;
  if not found then
    if tg_op = 'DELETE' then
      return old;
    end if;
    return new;
  end if;
  if tg_op = 'DELETE' then
    raise exception 'invoice % is issued: DELETE of its line % refused; an issued invoice is corrected by a credit note', issued, old."id" using errcode = 'insufficient_privilege';
  end if;
  select string_agg(n.key, ', ' order by n.key) into moved
    from jsonb_each(to_jsonb(new)) n join jsonb_each(to_jsonb(old)) o using (key)
   where n.value is distinct from o.value
     and n.key not in ('rejection_reason', 'credited_quantity');
  if moved is not null then
    raise exception 'invoice % is issued: UPDATE of its line % refused (%); an issued invoice is corrected by a credit note', issued, old."id", moved using errcode = 'insufficient_privilege';
  end if;
  return new;
end;
$$;`);
    this.addSql(`create trigger "invoice_line_frozen_once_issued" before update or delete on "invoice_line" for each row execute function "invoice_line_refuse_change_once_issued"();`);
    this.addSql(`create trigger "invoice_line_no_truncate" before truncate on "invoice_line" for each statement execute function "invoice_line_refuse_change_once_issued"();`);

    this.addSql(`create function "issued_document_refuse_change"() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'credit_note' and tg_op <> 'TRUNCATE' then
    raise exception 'credit note % is issued: % refused; a credit note is never changed', old."number", tg_op using errcode = 'insufficient_privilege';
  end if;
  raise exception '%: % refused on %', tg_argv[0], tg_op, tg_table_name using errcode = 'insufficient_privilege';
end;
$$;`);
    for (const [table, what] of [
      ['credit_note', 'credit notes are issued'],
      ['credit_note_line', 'credit note lines are issued'],
      ['invoice_payment', 'payments are recorded'],
    ]) {
      this.addSql(`create trigger "${table}_immutable" before update or delete on "${table}" for each row execute function "issued_document_refuse_change"('${what}');`);
      this.addSql(`create trigger "${table}_no_truncate" before truncate on "${table}" for each statement execute function "issued_document_refuse_change"('${what}');`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['credit_note', 'credit_note_line', 'invoice_payment']) {
      this.addSql(`drop trigger "${table}_no_truncate" on "${table}";`);
      this.addSql(`drop trigger "${table}_immutable" on "${table}";`);
    }
    this.addSql(`drop function "issued_document_refuse_change"();`);
    this.addSql(`drop trigger "invoice_line_no_truncate" on "invoice_line";`);
    this.addSql(`drop trigger "invoice_line_frozen_once_issued" on "invoice_line";`);
    this.addSql(`drop function "invoice_line_refuse_change_once_issued"();`);
    this.addSql(`drop trigger "invoice_no_truncate" on "invoice";`);
    this.addSql(`drop trigger "invoice_frozen_once_issued" on "invoice";`);
    this.addSql(`drop function "invoice_refuse_change_once_issued"();`);
  }

}
