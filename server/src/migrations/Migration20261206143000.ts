import { Migration } from '@mikro-orm/migrations';

/**
 * An issued invoice stays issued: the trigger of Migration20261206125015 let its status change freely,
 * so an invoice set back to DRAFT with plain SQL was open to any change, and one whose amount paid was
 * set back to nothing no longer matched its payments. Now PostgreSQL also refuses an issued invoice
 * going back to DRAFT, and its amounts paid and credited going down (payments and credit notes are
 * never undone). The rest of the rule is as it was.
 */
export class Migration20261206143000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function "invoice_refuse_change_once_issued"() returns trigger language plpgsql as $$
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
  if new."status" = 'DRAFT' then
    raise exception 'invoice % is issued: it cannot go back to DRAFT; an issued invoice is corrected by a credit note', old."number" using errcode = 'insufficient_privilege';
  end if;
  if new."paid_centimes" < old."paid_centimes" or new."credited_centimes" < old."credited_centimes" then
    raise exception 'invoice % is issued: its amounts paid and credited cannot go down (payments and credit notes are never undone)', old."number" using errcode = 'insufficient_privilege';
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
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function "invoice_refuse_change_once_issued"() returns trigger language plpgsql as $$
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
  }

}
