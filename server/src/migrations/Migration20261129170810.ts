import { Migration } from '@mikro-orm/migrations';

/**
 * When each invoice was approved, kept for the days it waits for payment; filled for those approved
 * already from their audit trail (the enum compared as text: its INVOICE value may have been added in
 * this same run, and PostgreSQL refuses a new enum value before its transaction commits).
 */
export class Migration20261129170810 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "invoice" add column "approved_at" timestamptz null;`);
    this.addSql(`update "invoice" i set "approved_at" = a."occurred_at"
  from (select "entity_id", max("occurred_at") as "occurred_at" from "audit_event"
         where "entity_type"::text = 'INVOICE' and "to_status" = 'APPROVED' group by "entity_id") a
 where a."entity_id" = i."id"::text;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice" drop column "approved_at";`);
  }

}
