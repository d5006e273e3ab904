import { Migration } from '@mikro-orm/migrations';

export class Migration20261207083900 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "customer_subscription_status_appointment_at_index" on "customer_subscription" ("status", "appointment_at");`);
    this.addSql(`create index "customer_subscription_wilaya_code_status_status_ch_d8f2b_index" on "customer_subscription" ("wilaya_code", "status", "status_changed_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "customer_subscription_status_appointment_at_index";`);
    this.addSql(`drop index "customer_subscription_wilaya_code_status_status_ch_d8f2b_index";`);
  }

}
