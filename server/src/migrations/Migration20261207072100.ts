import { Migration } from '@mikro-orm/migrations';

/**
 * Search that finds: raccord_search_text(text), the form both a search's text and the columns it
 * searches are compared in — unaccent's rules then lower case ("Bahia Télécom" → "bahia telecom"),
 * and Arabic without its short vowels (tashkeel, U+064B–U+0655, U+0670) and tatweel (U+0640), its alef
 * forms (أ إ آ ٱ) as ا, ى as ي and ة as ه. unaccent() is only STABLE (its dictionary could change), so
 * it cannot be indexed itself: the function names the dictionary and its schema (no search_path is
 * read) and is declared IMMUTABLE, the usual wrapper; changing unaccent's rules would call for
 * rebuilding the indexes below. The trigram indexes of the searches move from the columns as stored to
 * this form (the customer's phone stays as stored: E.164 digits), and the invoice number gets one.
 * unaccent is trusted since PostgreSQL 13, so the database's owner may create it.
 */
export class Migration20261207072100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists "unaccent" with schema public;`);
    this.addSql(`create function raccord_search_text(text) returns text language sql immutable strict parallel safe as $$
      select translate(
        lower(public.unaccent('public.unaccent'::regdictionary, $1)),
        U&'\\0623\\0625\\0622\\0671\\0649\\0629\\0640\\064B\\064C\\064D\\064E\\064F\\0650\\0651\\0652\\0653\\0654\\0655\\0670',
        U&'\\0627\\0627\\0627\\0627\\064A\\0647'
      )
    $$;`);

    this.addSql(`drop index "contractor_search_trgm";`);

    this.addSql(`create index "contractor_search_text_trgm" on "contractor" using gin (raccord_search_text("legal_name") gin_trgm_ops, raccord_search_text("trade_name") gin_trgm_ops, raccord_search_text("nif") gin_trgm_ops);`);

    this.addSql(`drop index "site_search_trgm";`);

    this.addSql(`create index "site_search_text_trgm" on "site" using gin (raccord_search_text("code") gin_trgm_ops, raccord_search_text("name") gin_trgm_ops);`);

    this.addSql(`create index "invoice_search_text_trgm" on "invoice" using gin (raccord_search_text("number") gin_trgm_ops);`);

    this.addSql(`drop index "customer_subscription_search_trgm";`);

    this.addSql(`create index "customer_subscription_search_text_trgm" on "customer_subscription" using gin (raccord_search_text("order_reference") gin_trgm_ops, raccord_search_text("customer_name") gin_trgm_ops, "customer_phone" gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "contractor_search_text_trgm";`);
    this.addSql(`drop index "customer_subscription_search_text_trgm";`);
    this.addSql(`drop index "invoice_search_text_trgm";`);
    this.addSql(`drop index "site_search_text_trgm";`);
    this.addSql(`create index "contractor_search_trgm" on "contractor" using gin ("legal_name" gin_trgm_ops, "trade_name" gin_trgm_ops, "nif" gin_trgm_ops);`);
    this.addSql(`create index "site_search_trgm" on "site" using gin ("code" gin_trgm_ops, "name" gin_trgm_ops);`);
    this.addSql(`create index "customer_subscription_search_trgm" on "customer_subscription" using gin ("order_reference" gin_trgm_ops, "customer_name" gin_trgm_ops);`);
    this.addSql(`drop function raccord_search_text(text);`);
    this.addSql(`drop extension if exists "unaccent";`);
  }

}
