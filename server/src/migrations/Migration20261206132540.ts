import { Migration } from '@mikro-orm/migrations';

/** The audit trail records users, API keys and price schedule versions too. */
export class Migration20261206132540 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "audit_entity_type" add value if not exists 'USER' after 'INVOICE';`);

    this.addSql(`alter type "audit_entity_type" add value if not exists 'API_KEY' after 'USER';`);

    this.addSql(`alter type "audit_entity_type" add value if not exists 'PRICE_SCHEDULE' after 'API_KEY';`);
  }

}
