import { Migration } from '@mikro-orm/migrations';

/**
 * SMS notifications (issue 17): a user's mobile number for SMS (E.164, none by default) and the kinds
 * it receives by SMS (none by default: existing users receive no SMS until they turn kinds on).
 */
export class Migration20261206221903 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notification_preference" add column "sms_number" varchar(16) null, add column "sms_on" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification_preference" drop column "sms_number", drop column "sms_on";`);
  }

}
