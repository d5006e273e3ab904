import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { algiersDate } from '../../server/src/common/time.js';
import { Contractor } from '../../server/src/modules/contractor/contractor.entity.js';
import { CustomerSubscriptionStatus } from '../../server/src/modules/customer-subscription/customer-subscription.entity.js';
import type { QualityThreshold } from '../../server/src/modules/customer-subscription/installation-quality.js';
import { sellerIdentity } from '../../server/src/modules/invoice/invoice-issue.service.js';
import { totalsColumns } from '../../server/src/modules/invoice/invoice.service.js';
import { planContractors, type PlannedContractor } from './contractors.js';
import { copyRows, inTransaction, timed, withIndexesRebuilt, type TableLoad } from './copy.js';
import {
  documentSequences,
  dueOn,
  invoiceHistory,
  invoiceTotals,
  paymentAmount,
  paymentReference,
  pricedLines,
  rejectedLineOffsets,
  rejectionReason,
  InvoiceBook,
  type InvoicingSettings,
  type PlannedInvoice,
} from './invoices.js';
import type { PlannedEvent } from './plan.js';
import { planSites, type PlannedSite } from './sites.js';
import { SubscriptionDrawer } from './subscriptions.js';
import { loadWorld } from './world.js';

/** How much to generate. */
export interface GenerationCounts {
  readonly customerSubscriptions: number;
  readonly contractors: number;
}

/** The sizes of `npm run generate -- --size`: S for CI, M by default, L on demand. Sites follow (about 75 customer subscriptions each). */
export const sizes = {
  S: { customerSubscriptions: 50_000, contractors: 500 },
  M: { customerSubscriptions: 500_000, contractors: 4_800 },
  L: { customerSubscriptions: 3_000_000, contractors: 4_800 },
} as const satisfies Record<string, GenerationCounts>;

/** The app's settings the generated data must agree with (the same as the server runs with). */
export interface GeneratorSettings extends InvoicingSettings {
  /** QUALITY_THRESHOLDS, or the app's defaults. */
  readonly qualityThresholds: Readonly<Record<string, QualityThreshold>>;
}

export interface GenerationOptions {
  /** The database to fill: migrated, with the reference data and a price schedule loaded. */
  readonly databaseUrl: string;
  /** An ORM on the same database (the app's own functions read contractors through it). */
  readonly orm: MikroORM;
  readonly counts: GenerationCounts;
  /** Seed of every random draw: the same seed, counts, settings and `now` give the same data. */
  readonly seed: number;
  readonly settings: GeneratorSettings;
  /** The instant the data stands at (default: the current time); every event is at or before it. */
  readonly now?: Date;
  /** Delete the work already in the database first, instead of refusing. */
  readonly force?: boolean;
  /** Told of each table once loaded. */
  readonly onTable?: (load: TableLoad) => void;
  /** Told what is being done, in a sentence. */
  readonly onStep?: (text: string) => void;
}

/** What a generation wrote, and how fast. */
export interface GenerationReport {
  readonly seed: number;
  /** The instant the data stands at (ISO 8601). */
  readonly now: string;
  readonly counts: GenerationCounts & { readonly sites: number; readonly invoices: number };
  /** Each table's load, in the order written. */
  readonly tables: readonly TableLoad[];
  /** Work besides the loads: planning, the totals and counters, ANALYZE (seconds). */
  readonly phases: readonly { readonly name: string; readonly seconds: number }[];
  readonly totalRows: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

/** What the database holds already: work the generator will not mix with its own. */
export interface ExistingWork {
  readonly contractors: number;
  readonly sites: number;
  readonly customerSubscriptions: number;
  readonly invoices: number;
}

/** Thrown when the database holds work and `force` was not given; `work` says what it holds. */
export class DatabaseHoldsWork extends Error {
  constructor(readonly work: ExistingWork) {
    super(
      `The database already holds work (${describeWork(work)}): the generator fills an empty one. Use --force to delete that work first.`,
    );
    this.name = 'DatabaseHoldsWork';
  }
}

/** "12 contractors, 3 sites, 300 customer subscriptions, 4 invoices". */
export function describeWork(work: ExistingWork): string {
  return `${work.contractors} contractors, ${work.sites} sites, ${work.customerSubscriptions} customer subscriptions, ${work.invoices} invoices`;
}

/** Counts the work in the database `client` is connected to. */
export async function existingWork(client: pg.Client): Promise<ExistingWork> {
  const { rows } = await client.query<Record<keyof ExistingWork, string>>(
    `select (select count(*) from "contractor") as "contractors", (select count(*) from "site") as "sites",
            (select count(*) from "customer_subscription") as "customerSubscriptions", (select count(*) from "invoice") as "invoices"`,
  );
  const row = rows[0]!;
  return {
    contractors: Number(row.contractors),
    sites: Number(row.sites),
    customerSubscriptions: Number(row.customerSubscriptions),
    invoices: Number(row.invoices),
  };
}

function holdsWork(work: ExistingWork): boolean {
  return work.contractors + work.sites + work.customerSubscriptions + work.invoices > 0;
}

/** Tables whose TRUNCATE a trigger refuses (the audit trail, issued documents). */
const truncateGuarded = [
  'audit_event',
  'invoice',
  'invoice_line',
  'credit_note',
  'credit_note_line',
  'invoice_payment',
];

/**
 * Deletes all the work of the database in one transaction: contractors (with their users, sessions
 * and API keys), sites, customer subscriptions, reports and their photos' rows (the files stay in the
 * photo store), invoices, lines, payments, credit notes,
 * numbering, idempotency records, the dashboard counters and the scorecards, and the audit trail (the triggers refusing
 * TRUNCATE on the audit trail and issued documents are lifted for that transaction only). Reference
 * data, price schedules and the other users stay.
 */
async function deleteWork(client: pg.Client): Promise<void> {
  await inTransaction(client, async () => {
    for (const table of truncateGuarded)
      await client.query(`alter table "${table}" disable trigger "${table}_no_truncate"`);
    await client.query(
      `truncate "audit_event", "credit_note_line", "credit_note", "invoice_payment", "invoice_wilaya", "invoice_line", "invoice", "photo", "installation_report",
         "customer_subscription", "site", "document_sequence", "idempotency_record", "wilaya_backlog", "wilaya_acceptance_day", "wilaya_acceptance_delay", "wilaya_target",
         "scorecard_counter", "scorecard_firm_month", "scorecard_progress", "service_level_step_time"
         restart identity`,
    );
    for (const table of truncateGuarded)
      await client.query(`alter table "${table}" enable trigger "${table}_no_truncate"`);
    const firmUsers = 'select "id" from "app_user" where "contractor_id" is not null';
    await client.query(`delete from "session" where "user_id" in (${firmUsers})`);
    await client.query(`delete from "api_key" where "contractor_id" is not null or "created_by_id" in (${firmUsers})`);
    await client.query('delete from "app_user" where "contractor_id" is not null');
    await client.query('delete from "contractor"');
  });
}

/** Reserves `count` ids of `table`'s sequence in one block; returns the first. */
async function reserveIds(client: pg.Client, table: string, count: number): Promise<bigint> {
  const { rows } = await client.query<{ first: string }>(
    `select nextval(pg_get_serial_sequence($1, 'id'))::text as "first"`,
    [table],
  );
  const first = BigInt(rows[0]!.first);
  if (count > 1)
    await client.query(`select setval(pg_get_serial_sequence($1, 'id'), $2::bigint)`, [
      table,
      (first + BigInt(count) - 1n).toString(),
    ]);
  return first;
}

/** Gives records ids from `first`, in the order they were created (as the app's sequences do). */
function giveIds<T extends { id: string; createdAt: Date }>(records: T[], first: bigint): void {
  [...records]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .forEach((record, rank) => (record.id = String(first + BigInt(rank))));
}

/** The audit events of one kind of record, as rows of the staging table. */
function* auditRows(
  entityType: string,
  records: Iterable<{ id: string; events: readonly PlannedEvent[] }>,
): Generator<unknown[]> {
  for (const record of records) {
    let position = 0;
    for (const event of record.events) {
      yield [
        event.at,
        entityType,
        record.id,
        event.action,
        event.fromStatus,
        event.toStatus,
        event.changes,
        event.reason,
        position,
      ];
      position += 1;
    }
  }
}

/**
 * Fills the database with generated work (see docs/data-and-benchmarks.md, "Generated data: Algeria at
 * scale"): contractors, their wilayas, sites, customer subscriptions in every status with their
 * installation reports, the invoices that bill accepted work (lines priced as acceptance prices them,
 * totals by the app's `computeInvoiceTotals`), payments, numbering, and every record's audit trail.
 * Each table is written by COPY in a transaction of its own, in dependency order; the dashboard
 * counters that the triggers keep on insert are kept by them, those kept on acceptance (an update) are
 * added in one pass after, as the triggers would have. Ends with ANALYZE.
 * @throws DatabaseHoldsWork when the database holds work and `force` is not set
 * @throws Error when the reference data or price schedule is missing
 */
export async function generateData(options: GenerationOptions): Promise<GenerationReport> {
  const started = performance.now();
  const { counts, seed, settings } = options;
  const now = options.now ?? new Date();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const tables: TableLoad[] = [];
  const phases: { name: string; seconds: number }[] = [];
  const phase = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const at = performance.now();
    const result = await work();
    phases.push({ name, seconds: Math.round((performance.now() - at) / 10) / 100 });
    return result;
  };
  /** Copies `rows` into `table`, between `around.before` and `around.after` in the same transaction. */
  const load = async (
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly unknown[]>,
    around: { before?: () => Promise<unknown>; after?: () => Promise<unknown> } = {},
  ) => {
    const done = await timed(table, () =>
      inTransaction(client, async () => {
        await around.before?.();
        const copied = await withIndexesRebuilt(client, table, () => copyRows(client, table, columns, rows));
        await around.after?.();
        return copied;
      }),
    );
    tables.push(done);
    options.onTable?.(done);
  };
  try {
    const work = await existingWork(client);
    if (holdsWork(work)) {
      if (!options.force) throw new DatabaseHoldsWork(work);
      options.onStep?.(
        `--force: deleting the work this database holds (${describeWork(work)}, with their reports, lines, payments, credit notes, numbering, audit trail and the contractors' users) before generating`,
      );
      await deleteWork(client);
    }

    options.onStep?.(
      `planning ${counts.contractors} contractors and ${counts.customerSubscriptions} customer subscriptions (seed ${seed}, data as of ${now.toISOString()})`,
    );
    const world = await loadWorld(client, now, seed);
    const { contractors, sites, drawer, order, ids, invoices, book } = await phase('plan', async () => {
      const contractors = planContractors(world, counts.contractors, seed);
      giveIds(contractors, await reserveIds(client, 'contractor', contractors.length));
      const sites = planSites(world, contractors, counts.customerSubscriptions, seed);
      giveIds(sites, await reserveIds(client, 'site', sites.length));
      const drawer = new SubscriptionDrawer(world, sites, settings.qualityThresholds, seed);
      // A first pass over the customer subscriptions: when each was created (ids follow), and the work each invoice bills.
      const total = counts.customerSubscriptions;
      const createdAt = new Float64Array(total);
      const book = new InvoiceBook();
      for (let index = 0; index < total; index += 1) {
        const facts = drawer.draw(index);
        createdAt[index] = facts.createdAt.getTime();
        if (facts.status === CustomerSubscriptionStatus.ACCEPTED) book.add(facts);
      }
      const order = Uint32Array.from({ length: total }, (_, index) => index).sort(
        (a, b) => createdAt[a]! - createdAt[b]! || a - b,
      );
      const firstSubscriptionId = await reserveIds(client, 'customer_subscription', total);
      // Ids as numbers (exact below 2^53), 8 bytes each: there may be millions.
      const ids = new Float64Array(total);
      const first = Number(firstSubscriptionId);
      order.forEach((index, rank) => (ids[index] = first + rank));
      const firstInvoiceId = await reserveIds(client, 'invoice', book.invoiceCount);
      const firstLineId = await reserveIds(client, 'invoice_line', book.lineCount);
      const invoices = book.plan(world, firstInvoiceId, firstLineId, seed);
      return { contractors, sites, drawer, order, ids, invoices, book };
    });

    await writeContractors(load, contractors);
    await writeSites(load, sites);
    const subscriptionId = (index: number) => String(ids[index]!);
    await load('customer_subscription', subscriptionColumns, subscriptionRows(drawer, order, subscriptionId));
    await load('installation_report', reportColumns, reportRows(drawer, order, subscriptionId));

    const sellers = await sellerIdentities(options.orm);
    await load('invoice', invoiceColumns, invoiceRows(invoices, settings, sellers));
    // The lines of invoices loaded as issued: the trigger refusing a line added to an issued invoice
    // is lifted while they are copied, in this transaction only.
    const lineCheck = '"invoice_line" disable trigger "invoice_line_added_only_to_draft"';
    await load('invoice_line', lineColumns, lineRows(world, drawer, invoices, settings, subscriptionId), {
      before: () => client.query(`alter table ${lineCheck}`),
      after: () => client.query(`alter table ${lineCheck.replace('disable', 'enable')}`),
    });
    await phase('invoice totals', () => storeTotals(client, invoices));
    // With the amounts paid they add up to, in the same transaction. The check of each payment against
    // its invoice is lifted while they are copied (its pending events would forbid rebuilding the
    // indexes); each invoice's amount paid, set from them, is checked at the commit.
    const paymentCheck = '"invoice_payment" disable trigger "invoice_payment_adds_to_paid"';
    await load('invoice_payment', paymentColumns, paymentRows(invoices), {
      before: () => client.query(`alter table ${paymentCheck}`),
      after: async () => {
        await client.query(`alter table ${paymentCheck.replace('disable', 'enable')}`);
        await storePaid(client);
      },
    });
    await load(
      'document_sequence',
      ['contractor_id', 'series', 'year', 'last_number'],
      documentSequences(invoices).map((row) => [row.contractorId, 'INVOICE', row.year, row.lastNumber]),
    );
    await writeAudit(
      client,
      tables,
      options.onTable,
      contractors,
      sites,
      drawer,
      order,
      subscriptionId,
      invoices,
      book,
    );
    await phase('dashboard counters', () => addAcceptanceCounters(client));
    await phase('analyze', () => client.query('analyze'));

    const seconds = (performance.now() - started) / 1000;
    const totalRows = tables.reduce((sum, table) => sum + table.rows, 0);
    return {
      seed,
      now: now.toISOString(),
      counts: { ...counts, sites: sites.length, invoices: invoices.length },
      tables,
      phases,
      totalRows,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(totalRows / seconds),
    };
  } finally {
    await client.end();
  }
}

type Load = (table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>) => Promise<void>;

async function writeContractors(load: Load, contractors: readonly PlannedContractor[]): Promise<void> {
  await load(
    'contractor',
    [
      'id',
      'version',
      'created_at',
      'updated_at',
      'legal_name',
      'trade_name',
      'legal_form',
      'fiscal_regime',
      'nif',
      'nis',
      'rc_number',
      'auto_entrepreneur_card_number',
      'tax_article',
      'address',
      'commune_id',
      'contacts',
      'bank_account',
      'team_capacity',
      'status',
      'status_reason',
      'status_changed_at',
    ],
    contractors.map((contractor) => {
      const values = contractor.values;
      return [
        contractor.id,
        contractor.events.length,
        contractor.createdAt,
        contractor.statusChangedAt,
        values.legalName,
        values.tradeName,
        values.legalForm,
        values.fiscalRegime,
        values.nif,
        values.nis,
        values.rcNumber,
        values.autoEntrepreneurCardNumber,
        values.taxArticle,
        values.address,
        Number(values.communeId),
        values.contacts,
        values.bankAccount,
        values.teamCapacity,
        contractor.status,
        contractor.statusReason,
        contractor.statusChangedAt,
      ];
    }),
  );
  await load(
    'contractor_wilaya',
    ['contractor_id', 'wilaya_code'],
    contractors.flatMap((contractor) => contractor.values.operatingWilayaCodes.map((code) => [contractor.id, code])),
  );
}

async function writeSites(load: Load, sites: readonly PlannedSite[]): Promise<void> {
  await load(
    'site',
    [
      'id',
      'version',
      'created_at',
      'updated_at',
      'code',
      'name',
      'kind',
      'commune_id',
      'wilaya_code',
      'latitude',
      'longitude',
      'target_connections',
      'contractor_id',
      'planned_start',
      'planned_end',
      'status',
      'suspended_from_status',
      'status_reason',
      'status_changed_at',
    ],
    sites.map((site) => [
      site.id,
      site.events.length,
      site.createdAt,
      site.statusChangedAt,
      site.values.code,
      site.values.name,
      site.values.kind,
      site.commune.id,
      site.wilaya.code,
      null,
      null,
      site.values.targetConnections,
      site.contractor?.id ?? null,
      site.values.plannedStart,
      site.values.plannedEnd,
      site.status,
      site.suspendedFromStatus,
      site.statusReason,
      site.statusChangedAt,
    ]),
  );
}

const subscriptionColumns = [
  'id',
  'version',
  'created_at',
  'updated_at',
  'order_reference',
  'customer_name',
  'customer_phone',
  'customer_address',
  'commune_id',
  'wilaya_code',
  'offer',
  'site_id',
  'contractor_id',
  'appointment_at',
  'ordered_at',
  'status',
  'failure_reason',
  'status_reason',
  'status_changed_at',
];

function* subscriptionRows(
  drawer: SubscriptionDrawer,
  order: Uint32Array,
  id: (index: number) => string,
): Generator<unknown[]> {
  for (const index of order) {
    const facts = drawer.draw(index);
    const values = facts.values;
    yield [
      id(index),
      facts.events.length,
      facts.createdAt,
      facts.statusChangedAt,
      values.orderReference,
      values.customerName,
      values.customerPhone,
      values.customerAddress,
      facts.site.commune.id,
      facts.site.wilaya.code,
      values.offer,
      facts.site.id,
      facts.contractor?.id ?? null,
      facts.appointmentAt,
      values.orderedAt,
      facts.status,
      facts.failureReason,
      facts.statusReason,
      facts.statusChangedAt,
    ];
  }
}

const reportColumns = [
  'customer_subscription_id',
  'installed_at',
  'technician_name',
  'remarks',
  'network_class',
  'received_power_dbm',
  'splice_loss_db',
  'lines',
  'photos',
  'quality_issues',
  'created_at',
];

function* reportRows(
  drawer: SubscriptionDrawer,
  order: Uint32Array,
  id: (index: number) => string,
): Generator<unknown[]> {
  for (const index of order) {
    for (const report of drawer.draw(index).reports) {
      yield [
        id(index),
        report.installedAt,
        report.technicianName,
        report.remarks,
        report.networkClass,
        report.receivedPowerDbm,
        report.spliceLossDb,
        report.lines,
        [],
        report.qualityIssues,
        report.createdAt,
      ];
    }
  }
}

/** Each contractor's identity on its invoices, by the app's own `sellerIdentity`, from the contractors just written. */
async function sellerIdentities(orm: MikroORM): Promise<Map<string, ReturnType<typeof sellerIdentity>>> {
  const contractors = await orm.em.fork().find(Contractor, {}, { populate: ['commune.wilaya'] });
  return new Map(contractors.map((contractor) => [contractor.id, sellerIdentity(contractor)]));
}

const invoiceColumns = [
  'id',
  'version',
  'created_at',
  'updated_at',
  'contractor_id',
  'period',
  'status',
  'fiscal_regime',
  'retention_percent',
  'vat_by_rate',
  'status_reason',
  'status_changed_at',
  'number',
  'number_year',
  'number_sequence',
  'issued_on',
  'due_on',
  'seller_identity',
  'buyer_identity',
  'approved_at',
];

/** The invoices, their totals at zero until their lines are written (`storeTotals`). */
function* invoiceRows(
  invoices: readonly PlannedInvoice[],
  settings: GeneratorSettings,
  sellers: Map<string, ReturnType<typeof sellerIdentity>>,
): Generator<unknown[]> {
  for (const invoice of invoices) {
    const history = invoiceHistory(invoice);
    yield [
      invoice.id,
      history.version,
      new Date(invoice.acceptedAt[0]!),
      history.updatedAt,
      invoice.contractor.id,
      invoice.period,
      invoice.status,
      invoice.contractor.values.fiscalRegime,
      settings.retentionPercent,
      [],
      history.statusReason,
      history.statusChangedAt,
      invoice.number?.text ?? null,
      invoice.number?.year ?? null,
      invoice.number?.sequence ?? null,
      invoice.submittedAt ? algiersDate(invoice.submittedAt) : null,
      dueOn(invoice, settings),
      invoice.submittedAt ? sellers.get(invoice.contractor.id)! : null,
      invoice.submittedAt ? settings.buyer : null,
      invoice.approvedAt,
    ];
  }
}

const lineColumns = [
  'id',
  'invoice_id',
  'customer_subscription_id',
  'item_code',
  'designation',
  'unit',
  'quantity',
  'unit_price_centimes',
  'vat_rate_percent',
  'amount_centimes',
  'created_at',
  'rejection_reason',
  'credited_quantity',
];

/** Each invoice's lines in the order its work was accepted; computes the invoice's totals on the way. */
function* lineRows(
  world: Parameters<typeof pricedLines>[0],
  drawer: SubscriptionDrawer,
  invoices: readonly PlannedInvoice[],
  settings: GeneratorSettings,
  id: (index: number) => string,
): Generator<unknown[]> {
  for (const invoice of invoices) {
    const lines = invoice.subscriptions.flatMap((index) => pricedLines(world, drawer.draw(index)));
    const totals = invoiceTotals(invoice, lines, settings);
    invoice.totals = totals;
    const rejected = new Set(rejectedLineOffsets(invoice));
    let lineId = invoice.firstLineId;
    for (const [offset, line] of lines.entries()) {
      yield [
        lineId,
        invoice.id,
        id(line.subscriptionIndex),
        line.itemCode,
        line.designation,
        line.unit,
        line.quantity,
        line.unitPriceCentimes,
        line.vatRatePercent,
        totals.lineAmounts[offset]!,
        line.acceptedAt,
        rejected.has(offset) ? rejectionReason(offset) : null,
        '0',
      ];
      lineId += 1n;
    }
  }
}

/** Writes each invoice's totals (computed with its lines), in one statement. */
async function storeTotals(client: pg.Client, invoices: readonly PlannedInvoice[]): Promise<void> {
  await inTransaction(client, async () => {
    await client.query(
      `create temp table "generated_totals" ("id" bigint primary key, "total_excluding_tax_centimes" bigint, "total_vat_centimes" bigint, "total_including_tax_centimes" bigint,
         "retention_centimes" bigint, "net_payable_centimes" bigint, "vat_by_rate" jsonb) on commit drop`,
    );
    await copyRows(
      client,
      'generated_totals',
      [
        'id',
        'total_excluding_tax_centimes',
        'total_vat_centimes',
        'total_including_tax_centimes',
        'retention_centimes',
        'net_payable_centimes',
        'vat_by_rate',
      ],
      invoices.map((invoice) => {
        const columns = totalsColumns(invoice.totals!);
        return [
          invoice.id,
          columns.totalExcludingTaxCentimes,
          columns.totalVatCentimes,
          columns.totalIncludingTaxCentimes,
          columns.retentionCentimes,
          columns.netPayableCentimes,
          columns.vatByRate,
        ];
      }),
    );
    // Issued invoices are frozen by a trigger: lifted for this transaction, which completes them as issued.
    await client.query('alter table "invoice" disable trigger "invoice_frozen_once_issued"');
    await client.query(
      `update "invoice" i set "total_excluding_tax_centimes" = t."total_excluding_tax_centimes", "total_vat_centimes" = t."total_vat_centimes",
         "total_including_tax_centimes" = t."total_including_tax_centimes", "retention_centimes" = t."retention_centimes", "net_payable_centimes" = t."net_payable_centimes",
         "vat_by_rate" = t."vat_by_rate"
       from "generated_totals" t where t."id" = i."id"`,
    );
    await client.query('alter table "invoice" enable trigger "invoice_frozen_once_issued"');
  });
}

/** Sets each invoice's amount paid to the sum of its payments, just written. */
async function storePaid(client: pg.Client): Promise<void> {
  await client.query(
    `update "invoice" i set "paid_centimes" = p."paid" from (select "invoice_id", sum("amount_centimes") as "paid" from "invoice_payment" group by "invoice_id") p
      where p."invoice_id" = i."id"`,
  );
}

const paymentColumns = [
  'invoice_id',
  'paid_on',
  'amount_centimes',
  'method',
  'reference',
  'recorded_at',
  'recorded_by_type',
  'recorded_by_id',
];

function* paymentRows(invoices: readonly PlannedInvoice[]): Generator<unknown[]> {
  for (const invoice of invoices) {
    for (const [position, payment] of invoice.payments.entries()) {
      yield [
        invoice.id,
        algiersDate(payment.at),
        paymentAmount(invoice, payment),
        payment.method,
        paymentReference(invoice, payment, position),
        payment.at,
        'SYSTEM',
        null,
      ];
    }
  }
}

/**
 * Writes every record's audit trail. The events go to a staging table first, then into
 * `audit_event` in the order they happened, so that event ids grow with time as the app's do.
 */
async function writeAudit(
  client: pg.Client,
  tables: TableLoad[],
  onTable: GenerationOptions['onTable'],
  contractors: readonly PlannedContractor[],
  sites: readonly PlannedSite[],
  drawer: SubscriptionDrawer,
  order: Uint32Array,
  id: (index: number) => string,
  invoices: readonly PlannedInvoice[],
  book: InvoiceBook,
): Promise<void> {
  const requestId = 'generate';
  const done = await timed('audit_event', async () => {
    await client.query(
      `create temp table "generated_audit" ("occurred_at" timestamptz, "entity_type" text, "entity_id" text, "action" text, "from_status" text, "to_status" text,
         "changes" jsonb, "reason" text, "position" int)`,
    );
    try {
      const invoiceIdOf = (contractor: PlannedContractor, period: string) => book.idOf(contractor, period);
      function* subscriptions() {
        for (const index of order) yield { id: id(index), events: drawer.draw(index, { invoiceIdOf }).events };
      }
      function* invoiceTrails() {
        for (const invoice of invoices) yield { id: invoice.id, events: invoiceHistory(invoice).events };
      }
      const columns = [
        'occurred_at',
        'entity_type',
        'entity_id',
        'action',
        'from_status',
        'to_status',
        'changes',
        'reason',
        'position',
      ];
      await copyRows(client, 'generated_audit', columns, auditRows('CONTRACTOR', contractors));
      await copyRows(client, 'generated_audit', columns, auditRows('SITE', sites));
      await copyRows(client, 'generated_audit', columns, auditRows('CUSTOMER_SUBSCRIPTION', subscriptions()));
      await copyRows(client, 'generated_audit', columns, auditRows('INVOICE', invoiceTrails()));
      const copied = () =>
        client.query(
          `insert into "audit_event" ("occurred_at", "actor_type", "actor_id", "entity_type", "entity_id", "action", "from_status", "to_status", "changes", "reason", "request_id")
           select "occurred_at", 'SYSTEM', null, "entity_type"::"audit_entity_type", "entity_id", "action"::"audit_action", "from_status", "to_status", "changes", "reason", $1
             from "generated_audit" order by "occurred_at", "entity_type", "entity_id", "position"`,
          [requestId],
        );
      return await inTransaction(client, () =>
        withIndexesRebuilt(client, 'audit_event', async () => (await copied()).rowCount ?? 0),
      );
    } finally {
      await client.query('drop table if exists "generated_audit"');
    }
  });
  tables.push(done);
  onTable?.(done);
}

/**
 * Adds the acceptances of the generated work to the counters the update trigger keeps
 * (wilaya_acceptance_day, wilaya_acceptance_delay): accepted per wilaya and Algiers day, first time
 * right when its report is the only one, and days from order to acceptance — the trigger's own
 * arithmetic, in one pass, since the work was inserted as it stands rather than moved into ACCEPTED.
 */
async function addAcceptanceCounters(client: pg.Client): Promise<void> {
  await inTransaction(client, async () => {
    await client.query(
      `insert into "wilaya_acceptance_day" ("wilaya_code", "day", "accepted", "first_time_right")
       select s."wilaya_code", "algiers_date"(s."status_changed_at"), count(*), count(*) filter (where r."reports" = 1)
         from "customer_subscription" s
         join (select "customer_subscription_id", count(*) as "reports" from "installation_report" group by 1) r on r."customer_subscription_id" = s."id"
        where s."status" = 'ACCEPTED' group by 1, 2 order by 1, 2
       on conflict ("wilaya_code", "day") do update set "accepted" = "wilaya_acceptance_day"."accepted" + excluded."accepted",
         "first_time_right" = "wilaya_acceptance_day"."first_time_right" + excluded."first_time_right"`,
    );
    await client.query(
      `insert into "wilaya_acceptance_delay" ("wilaya_code", "days", "accepted")
       select "wilaya_code", greatest("algiers_date"("status_changed_at") - "algiers_date"("ordered_at"), 0), count(*)
         from "customer_subscription" where "status" = 'ACCEPTED' group by 1, 2 order by 1, 2
       on conflict ("wilaya_code", "days") do update set "accepted" = "wilaya_acceptance_delay"."accepted" + excluded."accepted"`,
    );
  });
}
