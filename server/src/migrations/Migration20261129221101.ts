import { Migration } from '@mikro-orm/migrations';

export class Migration20261129221101 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "customer_subscription_contractor_id_status_ordered_at_id_index" on "customer_subscription" ("contractor_id", "status", "ordered_at", "id");`);
    this.addSql(`create index "customer_subscription_wilaya_code_status_ordered_at_id_index" on "customer_subscription" ("wilaya_code", "status", "ordered_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "customer_subscription_contractor_id_status_ordered_at_id_index";`);
    this.addSql(`drop index "customer_subscription_wilaya_code_status_ordered_at_id_index";`);
  }

}
