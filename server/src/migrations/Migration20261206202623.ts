import { Migration } from '@mikro-orm/migrations';

/**
 * Notifications of a webhook endpoint disabled for failing (issue 17): the kind WEBHOOK_DISABLED and
 * the subject WEBHOOK_ENDPOINT. PostgreSQL cannot drop a value of an enum: no down.
 */
export class Migration20261206202623 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "notification_kind" add value if not exists 'WEBHOOK_DISABLED' after 'API_KEY_EXPIRING';`);

    this.addSql(`alter type "notification_subject" add value if not exists 'WEBHOOK_ENDPOINT' after 'API_KEY';`);
  }

}
