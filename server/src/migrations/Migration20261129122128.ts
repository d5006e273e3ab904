import { Migration } from '@mikro-orm/migrations';

/**
 * pg_trgm, for the free-text filters of the lists (ILIKE '%…%' on names, codes and references):
 * trigram indexes answer them without reading every row. Trusted since PostgreSQL 13, so the
 * database's owner may create it.
 */
export class Migration20261129122128 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists "pg_trgm";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop extension if exists "pg_trgm";`);
  }

}
