import { Migration } from '@mikro-orm/migrations';

export class Migration20261206223755 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "site_updated_at_index" on "site" ("updated_at");`);

    this.addSql(`create index "invoice_updated_at_index" on "invoice" ("updated_at");`);

    this.addSql(`create index "customer_subscription_updated_at_index" on "customer_subscription" ("updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "customer_subscription_updated_at_index";`);

    this.addSql(`drop index "invoice_updated_at_index";`);

    this.addSql(`drop index "site_updated_at_index";`);
  }

}
