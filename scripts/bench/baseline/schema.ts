import { buildSchema, type GraphQLSchema } from 'graphql';
import { addDays, algiersDate, daysBetween } from '../../../server/src/common/time.js';
import { acceptInstallation } from './accept.js';
import { domainError, type BaselineContext } from './context.js';
import type { Database } from './database.js';
import { importCustomerSubscriptions } from './import.js';

/**
 * The baseline's schema: only the types and fields the benchmark's operations ask for
 * (`../operations.ts`), named and typed as in Raccord's schema, so that the same documents validate
 * and answer the same JSON. Each root field is one or a few hand-written SQL statements that return
 * the whole nested shape; graphql-js's default resolvers read it (a function property, such as
 * `totalCount`, runs only when asked for).
 */
export const baselineSdl = `
scalar DateTimeISO
enum CustomerSubscriptionStatus { ACCEPTED ASSIGNED CANCELLED FAILED INSTALLED PENDING REJECTED SCHEDULED }
enum InvoiceStatus { APPROVED DRAFT PAID PARTIALLY_PAID REVISION_REQUESTED SUBMITTED }
enum FiscalRegime { AUTO_ENTREPRENEUR IFU REAL }
enum PriceUnit { FORFAIT M U }
enum SiteStatus { ASSIGNED CLOSED COMPLETED IN_PROGRESS PLANNED SUSPENDED }
enum ContractorStatus { ACTIVE PENDING_APPROVAL SUSPENDED TERMINATED }
enum UserRole { ADMIN CONTRACTOR DOT_MANAGER FINANCE VIEWER }

type Wilaya { code: String! name: String! nameAr: String! communeCount: Int! }
type Commune { id: ID! name: String! nameAr: String! wilaya: Wilaya! }
type Site { id: ID! code: String! name: String! status: SiteStatus! }
type Contractor { id: ID! legalName: String! tradeName: String status: ContractorStatus! }
type User { id: ID! displayName: String! email: String! role: UserRole! wilayaCodes: [String!]! isContractorAdmin: Boolean! }
type Money { centimes: String! amount: String! currency: String! }

type CustomerSubscription {
  id: ID! version: Int! orderReference: String! customerName: String customerPhone: String customerAddress: String offer: String!
  status: CustomerSubscriptionStatus! orderedAt: DateTimeISO! appointmentAt: DateTimeISO statusChangedAt: DateTimeISO!
  commune: Commune! wilaya: Wilaya! site: Site contractor: Contractor
}
type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type CustomerSubscriptionEdge { cursor: String! node: CustomerSubscription! }
type CustomerSubscriptionConnection { edges: [CustomerSubscriptionEdge!]! pageInfo: PageInfo! totalCount: Int! }
input CustomerSubscriptionFilterInput { wilayaCode: String communeId: ID status: CustomerSubscriptionStatus contractorId: ID siteId: ID search: String appointmentFrom: DateTimeISO appointmentBefore: DateTimeISO }

type InvoiceLine { id: ID! itemCode: String! designation: String! unit: PriceUnit! quantity: String! unitPrice: Money! vatRatePercent: String! amount: Money! }
type VatAmount { ratePercent: String! base: Money! amount: Money! }
type Invoice {
  id: ID! number: String period: String! status: InvoiceStatus! fiscalRegime: FiscalRegime! retentionPercent: String! issuedOn: String daysOverdue: Int
  contractor: Contractor! lines: [InvoiceLine!]!
  totalExcludingTax: Money! vatByRate: [VatAmount!]! totalIncludingTax: Money! retention: Money! netPayable: Money! balanceDue: Money!
}
type InvoiceEdge { cursor: String! node: Invoice! }
type InvoiceConnection { edges: [InvoiceEdge!]! pageInfo: PageInfo! totalCount: Int! }
input InvoiceFilterInput { status: InvoiceStatus contractorId: ID period: String }

type BacklogCount { status: CustomerSubscriptionStatus! customerSubscriptions: Int! }
type DailyAcceptances { day: String! accepted: Int! }
type InvoiceWaiting { invoices: Int! amount: Money! oldestDays: Int averageDays: Float }
type WilayaProgress { wilaya: Wilaya! acceptedTotal: Int! targetConnections: Int! progress: Float }
type Dashboard {
  wilaya: Wilaya computedAt: DateTimeISO! today: String! acceptedToday: Int! acceptedThisMonth: Int! acceptedTotal: Int! targetConnections: Int!
  progress: Float backlog: [BacklogCount!]! firstTimeRightRate: Float firstTimeRightRateThisMonth: Float medianDaysToAcceptance: Float
  awaitingApproval: InvoiceWaiting! approvedUnpaid: InvoiceWaiting! acceptancesByDay: [DailyAcceptances!]! wilayas: [WilayaProgress!]!
}

type ImportRowError { line: Int! field: String reason: String! }
type ImportReport { rows: Int! created: Int! skipped: Int! errors: [ImportRowError!]! errorCount: Int! }
input AcceptInstallationInput { id: ID! expectedVersion: Int! overrideReason: String idempotencyKey: String }
type CustomerSubscriptionPayload { customerSubscription: CustomerSubscription! }

type Query {
  me: User
  wilayas: [Wilaya!]!
  customerSubscription(id: ID!): CustomerSubscription
  customerSubscriptions(first: Int, after: String, filter: CustomerSubscriptionFilterInput): CustomerSubscriptionConnection!
  dashboard(wilayaCode: String): Dashboard!
  invoice(id: ID!): Invoice
  invoices(first: Int, after: String, filter: InvoiceFilterInput): InvoiceConnection!
}
type Mutation {
  acceptInstallation(input: AcceptInstallationInput!): CustomerSubscriptionPayload!
  importCustomerSubscriptions(csv: String!): ImportReport!
}
`;

const maxPageSize = 100;
const defaultPageSize = 20;
const recordId = /^[1-9]\d{0,17}$/;

function idOf(value: unknown, field: string): string {
  if (typeof value !== 'string' || !recordId.test(value))
    throw domainError('BAD_USER_INPUT', `${field}: must be a record id`);
  return value;
}

function pageSize(first: unknown): number {
  const size = first ?? defaultPageSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > maxPageSize) {
    throw domainError('BAD_USER_INPUT', `first: must be from 1 to ${maxPageSize} (got ${String(size)})`);
  }
  return size;
}

/**
 * Raccord's cursor format: `<List>:<order>:` + base64url of the JSON array of the sort keys, the
 * order naming its keys (`-` before a descending one), e.g. `Invoice:-period,-id:`.
 */
function cursorOf(list: string, keys: readonly unknown[]): string {
  return `${list}:${Buffer.from(JSON.stringify(keys)).toString('base64url')}`;
}

function keysOfCursor(list: string, after: unknown, count: number): string[] | null {
  if (after === null || after === undefined) return null;
  const prefix = `${list}:`;
  let keys: unknown;
  try {
    keys =
      typeof after === 'string' && after.startsWith(prefix)
        ? JSON.parse(Buffer.from(after.slice(prefix.length), 'base64url').toString('utf8'))
        : null;
  } catch {
    keys = null;
  }
  if (!Array.isArray(keys) || keys.length !== count || !keys.every((key) => typeof key === 'string')) {
    throw domainError(
      'BAD_USER_INPUT',
      'after: must be a cursor returned by this list (pageInfo.endCursor or an edge cursor)',
    );
  }
  return keys as string[];
}

/** DZD in Raccord's Money shape, from centimes as a string. */
function money(centimes: string): { centimes: string; amount: string; currency: string } {
  const value = BigInt(centimes);
  const absolute = value < 0n ? -value : value;
  return {
    centimes: value.toString(),
    amount: `${value < 0n ? '-' : ''}${absolute / 100n}.${String(absolute % 100n).padStart(2, '0')}`,
    currency: 'DZD',
  };
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

async function customerSubscription(db: Database, id: string) {
  const [row] = await db.query(
    `select cs.id, cs.version, cs.order_reference, cs.customer_name, cs.customer_phone, cs.customer_address, cs.offer, cs.status,
            cs.ordered_at, cs.appointment_at, cs.status_changed_at,
            c.id as commune_id, c.name as commune_name, c.name_ar as commune_name_ar, cw.code as commune_wilaya_code, cw.name as commune_wilaya_name,
            w.code as wilaya_code, w.name as wilaya_name, w.name_ar as wilaya_name_ar,
            s.id as site_id, s.code as site_code, s.name as site_name, s.status as site_status,
            k.id as contractor_id, k.legal_name, k.trade_name, k.status as contractor_status
       from customer_subscription cs
       join commune c on c.id = cs.commune_id
       join wilaya cw on cw.code = c.wilaya_code
       join wilaya w on w.code = cs.wilaya_code
       left join site s on s.id = cs.site_id
       left join contractor k on k.id = cs.contractor_id
      where cs.id = $1`,
    [id],
  );
  if (!row) return null;
  return {
    id: row['id'],
    version: row['version'],
    orderReference: row['order_reference'],
    customerName: row['customer_name'],
    customerPhone: row['customer_phone'],
    customerAddress: row['customer_address'],
    offer: row['offer'],
    status: row['status'],
    orderedAt: iso(row['ordered_at']),
    appointmentAt: iso(row['appointment_at']),
    statusChangedAt: iso(row['status_changed_at']),
    commune: {
      id: String(row['commune_id']),
      name: row['commune_name'],
      nameAr: row['commune_name_ar'],
      wilaya: { code: row['commune_wilaya_code'], name: row['commune_wilaya_name'] },
    },
    wilaya: { code: row['wilaya_code'], name: row['wilaya_name'], nameAr: row['wilaya_name_ar'] },
    site:
      row['site_id'] === null
        ? null
        : { id: row['site_id'], code: row['site_code'], name: row['site_name'], status: row['site_status'] },
    contractor:
      row['contractor_id'] === null
        ? null
        : {
            id: row['contractor_id'],
            legalName: row['legal_name'],
            tradeName: row['trade_name'],
            status: row['contractor_status'],
          },
  };
}

/** The WHERE conditions of the customer subscription list's filters (those the benchmark and the console use). */
function subscriptionFilter(filter: Record<string, unknown> | null | undefined, values: unknown[]): string[] {
  const where: string[] = [];
  const wilayaCode = filter?.['wilayaCode'];
  if (wilayaCode !== null && wilayaCode !== undefined) {
    if (typeof wilayaCode !== 'string' || !/^\d{2}$/.test(wilayaCode))
      throw domainError('BAD_USER_INPUT', 'filter.wilayaCode: must be a wilaya code');
    values.push(wilayaCode);
    where.push(`cs.wilaya_code = $${values.length}`);
  }
  if (filter?.['status']) {
    values.push(filter['status']);
    where.push(`cs.status = $${values.length}`);
  }
  if (filter?.['contractorId']) {
    values.push(idOf(filter['contractorId'], 'filter.contractorId'));
    where.push(`cs.contractor_id = $${values.length}`);
  }
  return where;
}

async function customerSubscriptions(db: Database, args: Record<string, unknown>) {
  const first = pageSize(args['first']);
  const filter = args['filter'] as Record<string, unknown> | null | undefined;
  const values: unknown[] = [];
  const where = subscriptionFilter(filter, values);
  const countValues = [...values];
  const countWhere = [...where];
  const after = keysOfCursor('CustomerSubscription:orderedAt,id', args['after'], 2);
  if (after) {
    if (Number.isNaN(Date.parse(after[0]!)) || !recordId.test(after[1]!))
      throw domainError('BAD_USER_INPUT', 'after: must be a cursor returned by this list');
    values.push(after[0], after[1]);
    where.push(`(cs.ordered_at, cs.id) > ($${values.length - 1}::timestamptz, $${values.length}::bigint)`);
  }
  values.push(first + 1);
  const rows = await db.query(
    `select cs.id, cs.order_reference, cs.customer_name, cs.status, cs.ordered_at, cs.status_changed_at,
            c.name as commune_name, cs.wilaya_code, k.legal_name, s.code as site_code
       from customer_subscription cs
       join commune c on c.id = cs.commune_id
       left join contractor k on k.id = cs.contractor_id
       left join site s on s.id = cs.site_id
      ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by cs.ordered_at, cs.id
      limit $${values.length}`,
    values,
  );
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({
    cursor: cursorOf('CustomerSubscription:orderedAt,id', [row['ordered_at'].toISOString(), row['id']]),
    node: {
      id: row['id'],
      orderReference: row['order_reference'],
      customerName: row['customer_name'],
      status: row['status'],
      orderedAt: iso(row['ordered_at']),
      statusChangedAt: iso(row['status_changed_at']),
      commune: { name: row['commune_name'] },
      wilaya: { code: row['wilaya_code'] },
      contractor: row['legal_name'] === null ? null : { legalName: row['legal_name'] },
      site: row['site_code'] === null ? null : { code: row['site_code'] },
    },
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => {
      const [row] = await db.query(
        `select count(*)::int as count from customer_subscription cs ${countWhere.length > 0 ? `where ${countWhere.join(' and ')}` : ''}`,
        countValues,
      );
      return row!['count'];
    },
  };
}

function ageing(row: Record<string, string | null>) {
  return {
    invoices: Number(row['invoices']),
    amount: money(row['amount']!),
    oldestDays: row['oldest'] === null ? null : Number(row['oldest']),
    averageDays: row['average'] === null ? null : Number(row['average']),
  };
}

/** The median of a histogram (`count` observations of each `value`); the mean of the two middle ones for an even total. */
function histogramMedian(rows: readonly { value: number; count: number }[]): number | null {
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  if (total === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const row of rows) {
      seen += row.count;
      if (rank < seen) return row.value;
    }
    return rows[rows.length - 1]!.value;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

const statuses = ['PENDING', 'ASSIGNED', 'SCHEDULED', 'INSTALLED', 'ACCEPTED', 'REJECTED', 'FAILED', 'CANCELLED'];
const historyDays = 28;

/** The national dashboard (the benchmark asks for no wilaya), from the counters the triggers keep. */
async function dashboard(db: Database, wilayaCode: unknown) {
  if (wilayaCode !== null && wilayaCode !== undefined)
    throw domainError('BAD_USER_INPUT', 'wilayaCode: the baseline serves the national dashboard only');
  const instant = new Date();
  const today = algiersDate(instant);
  const monthStart = `${today.slice(0, 8)}01`;
  const firstDay = addDays(today, 1 - historyDays);
  const at = instant.toISOString();
  const waiting = (statusList: string, amount: string, since: string) =>
    db.query(
      `select count(*) as invoices, coalesce(sum(${amount}), 0)::text as amount,
              floor(max(extract(epoch from ($1::timestamptz - ${since}))) / 86400)::text as oldest,
              round(avg(floor(extract(epoch from ($1::timestamptz - ${since})) / 86400)), 1)::text as average
         from invoice where status in (${statusList})`,
      [at],
    );
  const [backlog, days, delays, target, awaiting, unpaid, byDay, wilayas] = await Promise.all([
    db.query(`select status, sum(customer_subscriptions)::int as total from wilaya_backlog group by status`),
    db.query(
      `select coalesce(sum(accepted) filter (where day = $1), 0)::int as today, coalesce(sum(accepted) filter (where day >= $2), 0)::int as month,
              coalesce(sum(first_time_right) filter (where day >= $2), 0)::int as month_ftr, coalesce(sum(first_time_right), 0)::int as ftr
         from wilaya_acceptance_day`,
      [today, monthStart],
    ),
    db.query(`select days, sum(accepted)::int as accepted from wilaya_acceptance_delay group by days order by days`),
    db.query(`select coalesce(sum(target_connections), 0)::int as target from wilaya_target`),
    waiting(`'SUBMITTED'`, 'net_payable_centimes', 'status_changed_at'),
    waiting(`'APPROVED', 'PARTIALLY_PAID'`, 'net_payable_centimes - credited_centimes - paid_centimes', 'approved_at'),
    db.query(
      `select to_char(day, 'YYYY-MM-DD') as day, sum(accepted)::int as accepted from wilaya_acceptance_day where day >= $1 group by day`,
      [firstDay],
    ),
    db.query(
      `select w.code, w.name, w.name_ar, coalesce(b.customer_subscriptions, 0)::int as accepted, coalesce(t.target_connections, 0)::int as target
         from wilaya w
         left join wilaya_backlog b on b.wilaya_code = w.code and b.status = 'ACCEPTED'
         left join wilaya_target t on t.wilaya_code = w.code
        order by w.code`,
    ),
  ]);
  const counts = new Map(backlog.map((row) => [row['status'] as string, row['total'] as number]));
  const day = days[0]!;
  const acceptedTotal = counts.get('ACCEPTED') ?? 0;
  const targetConnections = target[0]!['target'] as number;
  const accepted = new Map(byDay.map((row) => [row['day'] as string, row['accepted'] as number]));
  return {
    wilaya: null,
    computedAt: at,
    today,
    acceptedToday: day['today'],
    acceptedThisMonth: day['month'],
    acceptedTotal,
    targetConnections,
    progress: ratio(acceptedTotal, targetConnections),
    backlog: statuses.map((status) => ({ status, customerSubscriptions: counts.get(status) ?? 0 })),
    firstTimeRightRate: ratio(day['ftr'], acceptedTotal),
    firstTimeRightRateThisMonth: ratio(day['month_ftr'], day['month']),
    medianDaysToAcceptance: histogramMedian(
      delays.map((row) => ({ value: row['days'] as number, count: row['accepted'] as number })),
    ),
    awaitingApproval: ageing(awaiting[0]!),
    approvedUnpaid: ageing(unpaid[0]!),
    acceptancesByDay: Array.from({ length: historyDays }, (_, index) => {
      const date = addDays(firstDay, index);
      return { day: date, accepted: accepted.get(date) ?? 0 };
    }),
    wilayas: wilayas.map((row) => ({
      wilaya: { code: row['code'], name: row['name'], nameAr: row['name_ar'] },
      acceptedTotal: row['accepted'],
      targetConnections: row['target'],
      progress: ratio(row['accepted'], row['target']),
    })),
  };
}

async function invoice(db: Database, id: string) {
  const [[row], lines] = await Promise.all([
    db.query(
      `select i.id, i.number, i.period, i.status, i.fiscal_regime, i.retention_percent::text as retention_percent,
              i.total_excluding_tax_centimes, i.total_including_tax_centimes, i.retention_centimes, i.net_payable_centimes, i.vat_by_rate,
              k.id as contractor_id, k.legal_name
         from invoice i join contractor k on k.id = i.contractor_id where i.id = $1`,
      [id],
    ),
    db.query(
      `select id, item_code, designation, unit, quantity::text as quantity, unit_price_centimes, vat_rate_percent::text as vat_rate_percent, amount_centimes
         from invoice_line where invoice_id = $1 order by id`,
      [id],
    ),
  ]);
  if (!row) return null;
  return {
    id: row['id'],
    number: row['number'],
    period: row['period'],
    status: row['status'],
    fiscalRegime: row['fiscal_regime'],
    retentionPercent: row['retention_percent'],
    contractor: { id: row['contractor_id'], legalName: row['legal_name'] },
    lines: lines.map((line) => ({
      id: line['id'],
      itemCode: line['item_code'],
      designation: line['designation'],
      unit: line['unit'],
      quantity: line['quantity'],
      unitPrice: money(line['unit_price_centimes']),
      vatRatePercent: line['vat_rate_percent'],
      amount: money(line['amount_centimes']),
    })),
    totalExcludingTax: money(row['total_excluding_tax_centimes']),
    vatByRate: (row['vat_by_rate'] as { ratePercent: string; base: string; amount: string }[]).map((vat) => ({
      ratePercent: vat.ratePercent,
      base: money(vat.base),
      amount: money(vat.amount),
    })),
    totalIncludingTax: money(row['total_including_tax_centimes']),
    retention: money(row['retention_centimes']),
    netPayable: money(row['net_payable_centimes']),
  };
}

async function invoices(db: Database, args: Record<string, unknown>) {
  const first = pageSize(args['first']);
  const filter = args['filter'] as Record<string, unknown> | null | undefined;
  const values: unknown[] = [];
  const where: string[] = [];
  if (filter?.['status']) {
    values.push(filter['status']);
    where.push(`i.status = $${values.length}`);
  }
  if (filter?.['period']) {
    values.push(filter['period']);
    where.push(`i.period = $${values.length}`);
  }
  const countValues = [...values];
  const countWhere = [...where];
  const after = keysOfCursor('Invoice:-period,-id', args['after'], 2);
  if (after) {
    values.push(after[0], after[1]);
    where.push(`(i.period, i.id) < ($${values.length - 1}, $${values.length}::bigint)`);
  }
  values.push(first + 1);
  const rows = await db.query(
    `select i.id, i.number, i.period, i.status, i.issued_on::text as issued_on, i.due_on::text as due_on,
            i.net_payable_centimes::text as net_payable, (i.net_payable_centimes - i.credited_centimes - i.paid_centimes)::text as balance_due,
            k.id as contractor_id, k.legal_name
       from invoice i join contractor k on k.id = i.contractor_id
      ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
      order by i.period desc, i.id desc
      limit $${values.length}`,
    values,
  );
  const today = algiersDate(new Date());
  const edges = rows.slice(0, first).map((row) => ({
    cursor: cursorOf('Invoice:-period,-id', [row['period'], row['id']]),
    node: {
      id: row['id'],
      number: row['number'],
      period: row['period'],
      status: row['status'],
      issuedOn: row['issued_on'],
      daysOverdue:
        row['due_on'] === null ? null : row['status'] === 'PAID' ? 0 : Math.max(0, daysBetween(row['due_on'], today)),
      contractor: { id: row['contractor_id'], legalName: row['legal_name'] },
      netPayable: money(row['net_payable']),
      balanceDue: money(row['balance_due']),
    },
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => {
      const [row] = await db.query(
        `select count(*)::int as count from invoice i ${countWhere.length > 0 ? `where ${countWhere.join(' and ')}` : ''}`,
        countValues,
      );
      return row!['count'];
    },
  };
}

async function wilayas(db: Database) {
  const rows = await db.query(
    `select w.code, w.name, w.name_ar, count(c.id)::int as commune_count from wilaya w left join commune c on c.wilaya_code = w.code group by w.code order by w.code`,
  );
  return rows.map((row) => ({
    code: row['code'],
    name: row['name'],
    nameAr: row['name_ar'],
    communeCount: row['commune_count'],
  }));
}

/** The baseline's executable schema: graphql-js `buildSchema` and a root value of hand-written resolvers. */
export function baselineSchema(): {
  schema: GraphQLSchema;
  rootValue: Record<string, (args: Record<string, unknown>, context: BaselineContext) => unknown>;
} {
  return {
    schema: buildSchema(baselineSdl),
    rootValue: {
      me: (_args, context) => context.viewer,
      wilayas: (_args, context) => wilayas(context.db),
      customerSubscription: (args, context) => customerSubscription(context.db, idOf(args['id'], 'id')),
      customerSubscriptions: (args, context) => customerSubscriptions(context.db, args),
      dashboard: (args, context) => dashboard(context.db, args['wilayaCode']),
      invoice: (args, context) => invoice(context.db, idOf(args['id'], 'id')),
      invoices: (args, context) => invoices(context.db, args),
      acceptInstallation: async (args, context) => {
        const input = args['input'] as { id: string; expectedVersion: number; overrideReason?: string | null };
        return {
          customerSubscription: await acceptInstallation(
            context,
            idOf(input.id, 'id'),
            input.expectedVersion,
            input.overrideReason ?? null,
          ),
        };
      },
      importCustomerSubscriptions: (args, context) => importCustomerSubscriptions(context, String(args['csv'])),
    },
  };
}
