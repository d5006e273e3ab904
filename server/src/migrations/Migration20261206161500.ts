import { Migration } from '@mikro-orm/migrations';

/**
 * An invoice's amount paid is the sum of its payments, in the database itself: whatever the client,
 * plain SQL included, a transaction that leaves `invoice.paid_centimes` other than the sum of the
 * invoice's `invoice_payment.amount_centimes` fails when it commits. The check is deferred to the
 * commit, so the application (and the generator) may write a payment and the amount paid in either
 * order within one transaction. Payments are never changed nor deleted (Migration20261206125015), so
 * inserting one and writing the amount paid are the only ways to move either side. A new invoice is
 * checked only when it is created with an amount paid (a bulk load of invoices, all unpaid, queues
 * no check).
 */
export class Migration20261206161500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function "invoice_paid_is_sum_of_payments"() returns trigger language plpgsql as $$
declare
  target bigint;
  paid bigint;
  received bigint;
  named text;
begin
  if tg_table_name = 'invoice' then
    target := new."id";
  else
    target := new."invoice_id";
  end if;
  select i."paid_centimes", coalesce(i."number", 'DRAFT ' || i."id"),
         coalesce((select sum(p."amount_centimes") from "invoice_payment" p where p."invoice_id" = i."id"), 0)
    into paid, named, received
    from "invoice" i where i."id" = target;
  if found and paid <> received then
    raise exception 'invoice %: paid_centimes % is not the sum of its payments, %', named, paid, received using errcode = 'check_violation';
  end if;
  return null;
end;
$$;`);
    this.addSql(`create constraint trigger "invoice_paid_is_sum_of_payments" after update of "paid_centimes" on "invoice" deferrable initially deferred for each row execute function "invoice_paid_is_sum_of_payments"();`);
    this.addSql(`create constraint trigger "invoice_created_paid_is_sum_of_payments" after insert on "invoice" deferrable initially deferred for each row when (new."paid_centimes" <> 0) execute function "invoice_paid_is_sum_of_payments"();`);
    this.addSql(`create constraint trigger "invoice_payment_adds_to_paid" after insert on "invoice_payment" deferrable initially deferred for each row execute function "invoice_paid_is_sum_of_payments"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "invoice_payment_adds_to_paid" on "invoice_payment";`);
    this.addSql(`drop trigger "invoice_created_paid_is_sum_of_payments" on "invoice";`);
    this.addSql(`drop trigger "invoice_paid_is_sum_of_payments" on "invoice";`);
    this.addSql(`drop function "invoice_paid_is_sum_of_payments"();`);
  }

}
