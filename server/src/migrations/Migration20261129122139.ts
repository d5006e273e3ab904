import { Migration } from '@mikro-orm/migrations';

export class Migration20261129122139 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "contractor_search_trgm" on "contractor" using gin ("legal_name" gin_trgm_ops, "trade_name" gin_trgm_ops, "nif" gin_trgm_ops);`);

    this.addSql(`create index "site_search_trgm" on "site" using gin ("code" gin_trgm_ops, "name" gin_trgm_ops);`);

    this.addSql(`create index "customer_subscription_search_trgm" on "customer_subscription" using gin ("order_reference" gin_trgm_ops, "customer_name" gin_trgm_ops);`);
    this.addSql(`create index "customer_subscription_appointment_at_index" on "customer_subscription" ("appointment_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "contractor_search_trgm";`);

    this.addSql(`drop index "site_search_trgm";`);

    this.addSql(`drop index "customer_subscription_search_trgm";`);
    this.addSql(`drop index "customer_subscription_appointment_at_index";`);
  }

}
