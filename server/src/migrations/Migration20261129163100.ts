import { Migration } from '@mikro-orm/migrations';

/**
 * The dashboards' counters (wilaya_backlog, wilaya_acceptance_day, wilaya_acceptance_delay,
 * wilaya_target, invoice_wilaya) are kept by statement-level triggers, in the transaction of the
 * change, whatever wrote it (a mutation, an import, a script); then filled from the rows already there.
 * Dates are Algiers dates: UTC+1 all year, as `algiersDate` in server/src/common/time.ts.
 */
export class Migration20261129163100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function "algiers_date"(instant timestamptz) returns date language sql immutable as $$
  select ((instant at time zone 'UTC') + interval '1 hour')::date
$$;`);

    this.addSql(`create function "dashboard_customer_subscriptions_inserted"() returns trigger language plpgsql as $$
begin
  insert into "wilaya_backlog" ("wilaya_code", "status", "customer_subscriptions")
  select "wilaya_code", "status", count(*) from "new_rows" group by 1, 2 order by 1, 2
  on conflict ("wilaya_code", "status") do update set "customer_subscriptions" = "wilaya_backlog"."customer_subscriptions" + excluded."customer_subscriptions";
  return null;
end;
$$;`);
    this.addSql(`create function "dashboard_customer_subscriptions_deleted"() returns trigger language plpgsql as $$
begin
  insert into "wilaya_backlog" ("wilaya_code", "status", "customer_subscriptions")
  select "wilaya_code", "status", -count(*) from "old_rows" group by 1, 2 order by 1, 2
  on conflict ("wilaya_code", "status") do update set "customer_subscriptions" = "wilaya_backlog"."customer_subscriptions" + excluded."customer_subscriptions";
  return null;
end;
$$;`);
    // A customer subscription leaves its (wilaya, status) for another; entering ACCEPTED also counts an
    // acceptance on its day, first time right when its report is the only one (it was never rejected).
    this.addSql(`create function "dashboard_customer_subscriptions_updated"() returns trigger language plpgsql as $$
begin
  insert into "wilaya_backlog" ("wilaya_code", "status", "customer_subscriptions")
  select "wilaya_code", "status", sum("delta") from (
    select o."wilaya_code", o."status", -1 as "delta" from "old_rows" o join "new_rows" n on n."id" = o."id"
     where (o."wilaya_code", o."status") is distinct from (n."wilaya_code", n."status")
    union all
    select n."wilaya_code", n."status", 1 from "old_rows" o join "new_rows" n on n."id" = o."id"
     where (o."wilaya_code", o."status") is distinct from (n."wilaya_code", n."status")
  ) "moves" group by 1, 2 having sum("delta") <> 0 order by 1, 2
  on conflict ("wilaya_code", "status") do update set "customer_subscriptions" = "wilaya_backlog"."customer_subscriptions" + excluded."customer_subscriptions";

  with "accepted" as (
    select n."wilaya_code", "algiers_date"(n."status_changed_at") as "day",
           greatest("algiers_date"(n."status_changed_at") - "algiers_date"(n."ordered_at"), 0) as "days",
           (select count(*) from "installation_report" r where r."customer_subscription_id" = n."id") = 1 as "first_time_right"
      from "old_rows" o join "new_rows" n on n."id" = o."id"
     where n."status" = 'ACCEPTED' and o."status" <> 'ACCEPTED'
  ), "by_day" as (
    insert into "wilaya_acceptance_day" ("wilaya_code", "day", "accepted", "first_time_right")
    select "wilaya_code", "day", count(*), count(*) filter (where "first_time_right") from "accepted" group by 1, 2 order by 1, 2
    on conflict ("wilaya_code", "day") do update set "accepted" = "wilaya_acceptance_day"."accepted" + excluded."accepted",
      "first_time_right" = "wilaya_acceptance_day"."first_time_right" + excluded."first_time_right"
  )
  insert into "wilaya_acceptance_delay" ("wilaya_code", "days", "accepted")
  select "wilaya_code", "days", count(*) from "accepted" group by 1, 2 order by 1, 2
  on conflict ("wilaya_code", "days") do update set "accepted" = "wilaya_acceptance_delay"."accepted" + excluded."accepted";
  return null;
end;
$$;`);
    this.addSql(`create trigger "dashboard_customer_subscriptions_inserted" after insert on "customer_subscription" referencing new table as "new_rows" for each statement execute function "dashboard_customer_subscriptions_inserted"();`);
    this.addSql(`create trigger "dashboard_customer_subscriptions_updated" after update on "customer_subscription" referencing old table as "old_rows" new table as "new_rows" for each statement execute function "dashboard_customer_subscriptions_updated"();`);
    this.addSql(`create trigger "dashboard_customer_subscriptions_deleted" after delete on "customer_subscription" referencing old table as "old_rows" for each statement execute function "dashboard_customer_subscriptions_deleted"();`);

    this.addSql(`create function "dashboard_sites_inserted"() returns trigger language plpgsql as $$
begin
  insert into "wilaya_target" ("wilaya_code", "target_connections")
  select "wilaya_code", sum("target_connections") from "new_rows" group by 1 order by 1
  on conflict ("wilaya_code") do update set "target_connections" = "wilaya_target"."target_connections" + excluded."target_connections";
  return null;
end;
$$;`);
    this.addSql(`create function "dashboard_sites_updated"() returns trigger language plpgsql as $$
begin
  insert into "wilaya_target" ("wilaya_code", "target_connections")
  select "wilaya_code", sum("delta") from (
    select "wilaya_code", -"target_connections" as "delta" from "old_rows"
    union all
    select "wilaya_code", "target_connections" from "new_rows"
  ) "moves" group by 1 having sum("delta") <> 0 order by 1
  on conflict ("wilaya_code") do update set "target_connections" = "wilaya_target"."target_connections" + excluded."target_connections";
  return null;
end;
$$;`);
    this.addSql(`create function "dashboard_sites_deleted"() returns trigger language plpgsql as $$
begin
  insert into "wilaya_target" ("wilaya_code", "target_connections")
  select "wilaya_code", -sum("target_connections") from "old_rows" group by 1 order by 1
  on conflict ("wilaya_code") do update set "target_connections" = "wilaya_target"."target_connections" + excluded."target_connections";
  return null;
end;
$$;`);
    this.addSql(`create trigger "dashboard_sites_inserted" after insert on "site" referencing new table as "new_rows" for each statement execute function "dashboard_sites_inserted"();`);
    this.addSql(`create trigger "dashboard_sites_updated" after update on "site" referencing old table as "old_rows" new table as "new_rows" for each statement execute function "dashboard_sites_updated"();`);
    this.addSql(`create trigger "dashboard_sites_deleted" after delete on "site" referencing old table as "old_rows" for each statement execute function "dashboard_sites_deleted"();`);

    this.addSql(`create function "dashboard_invoice_lines_inserted"() returns trigger language plpgsql as $$
begin
  insert into "invoice_wilaya" ("invoice_id", "wilaya_code")
  select distinct l."invoice_id", s."wilaya_code" from "new_rows" l join "customer_subscription" s on s."id" = l."customer_subscription_id" order by 1, 2
  on conflict do nothing;
  return null;
end;
$$;`);
    this.addSql(`create trigger "dashboard_invoice_lines_inserted" after insert on "invoice_line" referencing new table as "new_rows" for each statement execute function "dashboard_invoice_lines_inserted"();`);

    this.addSql(`insert into "wilaya_backlog" ("wilaya_code", "status", "customer_subscriptions")
  select "wilaya_code", "status", count(*) from "customer_subscription" group by 1, 2;`);
    this.addSql(`insert into "wilaya_acceptance_day" ("wilaya_code", "day", "accepted", "first_time_right")
  select s."wilaya_code", "algiers_date"(s."status_changed_at"), count(*),
         count(*) filter (where (select count(*) from "installation_report" r where r."customer_subscription_id" = s."id") = 1)
    from "customer_subscription" s where s."status" = 'ACCEPTED' group by 1, 2;`);
    this.addSql(`insert into "wilaya_acceptance_delay" ("wilaya_code", "days", "accepted")
  select "wilaya_code", greatest("algiers_date"("status_changed_at") - "algiers_date"("ordered_at"), 0), count(*)
    from "customer_subscription" where "status" = 'ACCEPTED' group by 1, 2;`);
    this.addSql(`insert into "wilaya_target" ("wilaya_code", "target_connections") select "wilaya_code", sum("target_connections") from "site" group by 1;`);
    this.addSql(`insert into "invoice_wilaya" ("invoice_id", "wilaya_code")
  select distinct l."invoice_id", s."wilaya_code" from "invoice_line" l join "customer_subscription" s on s."id" = l."customer_subscription_id";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "dashboard_invoice_lines_inserted" on "invoice_line";`);
    this.addSql(`drop trigger "dashboard_sites_deleted" on "site";`);
    this.addSql(`drop trigger "dashboard_sites_updated" on "site";`);
    this.addSql(`drop trigger "dashboard_sites_inserted" on "site";`);
    this.addSql(`drop trigger "dashboard_customer_subscriptions_deleted" on "customer_subscription";`);
    this.addSql(`drop trigger "dashboard_customer_subscriptions_updated" on "customer_subscription";`);
    this.addSql(`drop trigger "dashboard_customer_subscriptions_inserted" on "customer_subscription";`);
    this.addSql(`drop function "dashboard_invoice_lines_inserted"();`);
    this.addSql(`drop function "dashboard_sites_deleted"();`);
    this.addSql(`drop function "dashboard_sites_updated"();`);
    this.addSql(`drop function "dashboard_sites_inserted"();`);
    this.addSql(`drop function "dashboard_customer_subscriptions_deleted"();`);
    this.addSql(`drop function "dashboard_customer_subscriptions_updated"();`);
    this.addSql(`drop function "dashboard_customer_subscriptions_inserted"();`);
    this.addSql(`drop function "algiers_date"(timestamptz);`);
    this.addSql(`truncate "wilaya_backlog", "wilaya_acceptance_day", "wilaya_acceptance_delay", "wilaya_target", "invoice_wilaya";`);
  }

}
