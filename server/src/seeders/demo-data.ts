import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Context, Settings } from '../context.js';
import { createContext } from '../modules/auth/operation-context.js';
import '../modules/loaders.js';
import { Contractor, ContractorStatus, FiscalRegime, LegalForm } from '../modules/contractor/contractor.entity.js';
import { createContractor, transitionContractor } from '../modules/contractor/contractor.service.js';
import { ribKey } from '../../../shared/identifiers.js';
import {
  CustomerSubscription,
  CustomerSubscriptionStatus,
  FailureReason,
} from '../modules/customer-subscription/customer-subscription.entity.js';
import { importCustomerSubscriptions } from '../modules/customer-subscription/customer-subscription.import.js';
import {
  assignCustomerSubscription,
  cancelCustomerSubscription,
  markInstallationFailed,
  scheduleInstallation,
} from '../modules/customer-subscription/customer-subscription.service.js';
import { reportInstallation } from '../modules/customer-subscription/installation-report.service.js';
import { acceptInstallation, rejectInstallation } from '../modules/invoice/acceptance.service.js';
import {
  approveInvoice,
  requestInvoiceRevision,
  submitInvoicesOfClosedMonths,
} from '../modules/invoice/invoice-issue.service.js';
import { Invoice, InvoiceLine, InvoiceStatus } from '../modules/invoice/invoice.entity.js';
import { dzd } from '../modules/invoice/money.js';
import { PaymentMethod } from '../modules/invoice/payment.entity.js';
import { recordInvoicePayment } from '../modules/invoice/payment.service.js';
import { Commune } from '../modules/reference-data/commune.entity.js';
import { SiteKind, SiteStatus } from '../modules/site/site.entity.js';
import { assignSite, createSite, transitionSite } from '../modules/site/site.service.js';
import { seededRandom } from '../common/random.js';
import { algiersDate, daysBetween, now } from '../common/time.js';

interface DemoFirm {
  legalName: string;
  legalForm: LegalForm;
  wilayas: string[];
  status: ContractorStatus;
}

/** Firms of every legal form, in the wilayas with the most work. */
const firms: DemoFirm[] = [
  { legalName: 'SARL Nour Fibre', legalForm: LegalForm.SARL, wilayas: ['16', '09'], status: ContractorStatus.ACTIVE },
  { legalName: 'EURL Atlas Réseaux', legalForm: LegalForm.EURL, wilayas: ['16'], status: ContractorStatus.ACTIVE },
  {
    legalName: 'SPA Sahel Travaux Télécom',
    legalForm: LegalForm.SPA,
    wilayas: ['31', '16', '25'],
    status: ContractorStatus.ACTIVE,
  },
  { legalName: 'SNC Frères Benali', legalForm: LegalForm.SNC, wilayas: ['31'], status: ContractorStatus.ACTIVE },
  {
    legalName: 'Karim Haddad',
    legalForm: LegalForm.AUTO_ENTREPRENEUR,
    wilayas: ['25'],
    status: ContractorStatus.ACTIVE,
  },
  {
    legalName: 'Yacine Meziane',
    legalForm: LegalForm.PERSONNE_PHYSIQUE,
    wilayas: ['19'],
    status: ContractorStatus.ACTIVE,
  },
  {
    legalName: 'Coopérative Tassili Fibre',
    legalForm: LegalForm.OTHER,
    wilayas: ['19', '06'],
    status: ContractorStatus.ACTIVE,
  },
  {
    legalName: 'EURL Djurdjura Connect',
    legalForm: LegalForm.EURL,
    wilayas: ['06', '15'],
    status: ContractorStatus.ACTIVE,
  },
  {
    legalName: 'Amel Bouzid',
    legalForm: LegalForm.AUTO_ENTREPRENEUR,
    wilayas: ['16'],
    status: ContractorStatus.PENDING_APPROVAL,
  },
  {
    legalName: 'SARL Hoggar Fibre Optique',
    legalForm: LegalForm.SARL,
    wilayas: ['31'],
    status: ContractorStatus.SUSPENDED,
  },
];

const firstNames = [
  'Yasmine',
  'Karim',
  'Nassima',
  'Sofiane',
  'Lamia',
  'Mourad',
  'Amina',
  'Walid',
  'Samira',
  'Rachid',
  'Lina',
  'Hocine',
];
const lastNames = [
  'Haddad',
  'Benali',
  'Zerrouki',
  'Mebarki',
  'Saidi',
  'Bouzid',
  'Khelifi',
  'Ait Ahmed',
  'Boudiaf',
  'Cherif',
  'Mansouri',
  'Taleb',
];
const offers = ['IDOOM FIBRE 100 Mbps', 'IDOOM FIBRE 300 Mbps', 'IDOOM FIBRE 500 Mbps', 'IDOOM FIBRE 1 Gbps'];

/** How the demo's customer subscriptions are spread over the lifecycle (out of 300). */
const spread: [CustomerSubscriptionStatus, number][] = [
  [CustomerSubscriptionStatus.PENDING, 50],
  [CustomerSubscriptionStatus.ASSIGNED, 50],
  [CustomerSubscriptionStatus.SCHEDULED, 50],
  [CustomerSubscriptionStatus.INSTALLED, 30],
  [CustomerSubscriptionStatus.ACCEPTED, 80],
  [CustomerSubscriptionStatus.REJECTED, 15],
  [CustomerSubscriptionStatus.FAILED, 15],
  [CustomerSubscriptionStatus.CANCELLED, 10],
];

/** How many days before the demo's "now" its history starts: the oldest accepted orders, five months back. */
const historyDays = 150;

/**
 * How many days before the demo's "now" each status's orders were taken (the most, the least): work
 * still waiting was ordered lately, accepted work over the last five months.
 */
const orderedDaysAgo: Record<CustomerSubscriptionStatus, [number, number]> = {
  PENDING: [10, 1],
  ASSIGNED: [15, 2],
  SCHEDULED: [20, 3],
  INSTALLED: [25, 6],
  ACCEPTED: [historyDays, 8],
  REJECTED: [60, 8],
  FAILED: [40, 6],
  CANCELLED: [50, 3],
};

/** What an acceptance refuses a connection for, two at a time. */
const reserves = [
  'câble de branchement non fixé',
  'PTO mal posée',
  'étiquetage absent',
  'gaine non obturée',
  'lovage excédentaire dans le boîtier',
  'mesure de puissance non jointe',
];
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * The instant `daysAgo` days before `end`'s day in Algiers (negative: after), at `time` hours
 * (fractional) Algiers time, UTC+1 all year.
 */
function algiersWorkingTime(end: Date, daysAgo: number, time: number): Date {
  const [year, month, date] = algiersDate(end).split('-').map(Number) as [number, number, number];
  const instant = Date.UTC(year, month - 1, date) - daysAgo * day + (time - 1) * hour;
  return new Date(Math.round(instant / minute) * minute);
}

/** `instant`, or moved to the Sunday after when it falls on Algeria's weekend (Friday and Saturday). */
function onWorkingDay(instant: Date): Date {
  const weekday = new Date(instant.getTime() + hour).getUTCDay();
  return weekday === 5 || weekday === 6 ? new Date(instant.getTime() + (7 - weekday) * day) : instant;
}

/** `instant` moved by `days` days and then to `time` hours Algiers time on that day. */
function dayAfterAt(instant: Date, days: number, time: number, end: Date): Date {
  return algiersWorkingTime(end, daysBetween(algiersDate(instant), algiersDate(end)) - days, time);
}

/** The first day of the Algiers month after `instant`'s, plus `days` days, at `time` hours Algiers time. */
function nextAlgiersMonth(instant: Date, days: number, time: number): Date {
  const [year, month] = algiersDate(instant).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1 + days) + (time - 1) * hour);
}

/** One dated step of the demo's history, run through the services on a clock set to its time. */
interface Step {
  at: Date;
  run: (context: Context) => Promise<unknown>;
}

/** The demo's history, run in the order of its dates; a step may plan later ones. */
class History {
  private readonly steps: Step[] = [];

  constructor(private readonly end: Date) {}

  /** Plans `run` at `at`, unless `at` is after the demo's "now" (it has not happened yet). */
  plan(at: Date, run: Step['run']): void {
    if (at > this.end) return;
    let index = this.steps.length;
    while (index > 0 && this.steps[index - 1]!.at > at) index -= 1;
    this.steps.splice(index, 0, { at, run });
  }

  /** Runs each step, in the order of their dates, on a context of its own, as the API runs each request. */
  async replay(contextAt: (at: Date) => Context): Promise<void> {
    for (let step = this.steps.shift(); step; step = this.steps.shift()) await step.run(contextAt(step.at));
  }
}

async function seedContractors(
  context: Context,
  contextAt: (at: Date) => Context,
  next: () => number,
  end: Date,
): Promise<Contractor[]> {
  const created: Contractor[] = [];
  for (const [index, firm] of firms.entries()) {
    const account = String(4_200_000 + index * 7919).padStart(10, '0');
    const isAutoEntrepreneur = firm.legalForm === LegalForm.AUTO_ENTREPRENEUR;
    const fiscalRegime = isAutoEntrepreneur
      ? FiscalRegime.AUTO_ENTREPRENEUR
      : firm.legalForm === LegalForm.PERSONNE_PHYSIQUE
        ? FiscalRegime.IFU
        : FiscalRegime.REAL;
    const home = await context.em.findOneOrFail(Commune, { wilaya: firm.wilayas[0] }, { orderBy: { id: 'asc' } });
    const daysAgo = (days: number): Context => contextAt(algiersWorkingTime(end, days, 9 + index / 2));
    const contractor = await createContractor(daysAgo(historyDays + 25), {
      legalName: firm.legalName,
      tradeName: null,
      legalForm: firm.legalForm,
      fiscalRegime,
      nif: `0001${firm.wilayas[0]}${String(1_000_000_00 + index).padStart(9, '0')}`,
      nis: `0991${firm.wilayas[0]}${String(index).padStart(9, '0')}`,
      rcNumber: isAutoEntrepreneur ? null : `${firm.wilayas[0]}/00-${String(1_234_500 + index)}B2${index % 10}`,
      autoEntrepreneurCardNumber: isAutoEntrepreneur ? `AE-${firm.wilayas[0]}-${String(100_000 + index)}` : null,
      taxArticle: `${firm.wilayas[0]}${String(10_000_000 + index * 37).padStart(9, '0')}`,
      address: `${1 + Math.floor(next() * 120)} rue des Martyrs`,
      communeId: String(home.id),
      contacts: [
        {
          name: `${firstNames[index % firstNames.length]} ${lastNames[index % lastNames.length]}`,
          role: 'gérant',
          phone: `0661${String(100_000 + index * 1234).slice(0, 6)}`,
          email: null,
        },
      ],
      bankAccount: `00799999${account}${ribKey('99999', account)}`,
      operatingWilayaCodes: firm.wilayas,
      teamCapacity: 1 + Math.floor(next() * 6),
    });
    let current = contractor;
    if (firm.status !== ContractorStatus.PENDING_APPROVAL) {
      current = await transitionContractor(
        daysAgo(historyDays + 20),
        'APPROVE',
        current.id,
        current.version,
        'dossier administratif complet',
      );
    }
    if (firm.status === ContractorStatus.SUSPENDED) {
      current = await transitionContractor(
        daysAgo(30),
        'SUSPEND',
        current.id,
        current.version,
        'retards répétés sur les rendez-vous',
      );
    }
    created.push(current);
  }
  return created;
}

/**
 * What becomes of the demo's invoices after their month's close, one fate each in turn: most are
 * approved within two weeks and paid, some by their due date and some after it, one in part; some
 * wait for approval, some are sent back for revision, and some approved ones are not paid yet. So
 * the dashboard's ageing and the invoices' days overdue show figures, as AT's late payments give them.
 */
const invoiceFates = [
  'PAID_ON_TIME',
  'PAID_LATE',
  'APPROVED_UNPAID',
  'PAID_ON_TIME',
  'PAID_IN_PART',
  'AWAITING_APPROVAL',
  'PAID_LATE',
  'REVISION_REQUESTED',
] as const;
type InvoiceFate = (typeof invoiceFates)[number];

/** The demo's "now", and its seeded draws: a whole number from `low` to `high`, a fraction below 1. */
interface Draws {
  end: Date;
  between: (low: number, high: number) => number;
  next: () => number;
}

/**
 * Plans the close of each month before `end`'s: its DRAFT invoices are submitted on the 1st at 06:00
 * by the month-close job's own service, each with the due date the server gives it; then each
 * invoice meets its fate (`invoiceFates`, in turn) on working days.
 */
function planMonthCloses(history: History, orm: MikroORM, first: Date, draws: Draws): void {
  const { end } = draws;
  let turn = 0;
  for (let month = first; nextAlgiersMonth(month, 0, 6) <= end; month = nextAlgiersMonth(month, 0, 6)) {
    const period = algiersDate(month).slice(0, 7);
    history.plan(nextAlgiersMonth(month, 0, 6), async (context) => {
      await submitInvoicesOfClosedMonths(orm, context);
      const submitted = await context.em
        .fork()
        .find(Invoice, { period, status: InvoiceStatus.SUBMITTED }, { orderBy: { id: 'asc' } });
      for (const invoice of submitted) {
        const fate = invoiceFates[turn++ % invoiceFates.length]!;
        planInvoiceFate(history, invoice, fate, now(context), draws);
      }
    });
  }
}

async function currentInvoice(context: Context, id: string): Promise<Invoice> {
  return context.em.fork().findOneOrFail(Invoice, id);
}

/**
 * Plans what follows the issue of `invoice` (at `issuedAt`) to meet `fate`: approval (or the revision
 * request) three to twelve days later; a payment on time three to eight days before the due date (or
 * the day after approval, if that is later), a late one six to forty-five days after it. A step that
 * falls after the demo's "now" has not happened yet: a late payment not yet made leaves the invoice
 * approved and overdue.
 */
function planInvoiceFate(
  history: History,
  invoice: Pick<Invoice, 'id' | 'dueOn'>,
  fate: InvoiceFate,
  issuedAt: Date,
  { end, between, next }: Draws,
): void {
  const { id } = invoice;
  if (fate === 'AWAITING_APPROVAL') return;
  const decidedAt = onWorkingDay(dayAfterAt(issuedAt, between(3, 12), 9 + next() * 7, end));
  if (fate === 'REVISION_REQUESTED') {
    history.plan(decidedAt, async (context) => {
      const current = await currentInvoice(context, id);
      const [line] = await context.em.fork().find(InvoiceLine, { invoice: id }, { orderBy: { id: 'asc' }, limit: 1 });
      await requestInvoiceRevision(context, {
        id,
        expectedVersion: current.version,
        rejectedLines: [{ lineId: line!.id, reason: 'photo de la PTO illisible' }],
      });
    });
    return;
  }
  history.plan(decidedAt, async (context) => {
    const current = await currentInvoice(context, id);
    await approveInvoice(context, { id, expectedVersion: current.version });
  });
  if (fate === 'APPROVED_UNPAID') return;
  const dueAt = new Date(`${invoice.dueOn!}T12:00:00+01:00`);
  const paidAt =
    fate === 'PAID_LATE'
      ? onWorkingDay(dayAfterAt(dueAt, between(6, 45), 10 + next() * 6, end))
      : onWorkingDay(dayAfterAt(dueAt, -between(3, 8), 10 + next() * 6, end));
  history.plan(paidAt > decidedAt ? paidAt : onWorkingDay(dayAfterAt(decidedAt, 1, 11, end)), async (context) => {
    const current = await currentInvoice(context, id);
    const net = BigInt(current.netPayableCentimes);
    await recordInvoicePayment(context, {
      invoiceId: id,
      expectedVersion: current.version,
      paidOn: algiersDate(now(context)),
      amount: dzd(fate === 'PAID_IN_PART' ? net / 2n : net).amount,
      method: PaymentMethod.BANK_TRANSFER,
      reference: `VIR-DEMO-${id}`,
    });
  });
}

/** A site's open work goes to it; the others (not started, or suspended) get none. */
interface DemoSite {
  code: string;
  contractorId: string | null;
  open: boolean;
  commune: Commune;
}

async function seedSites(
  context: Context,
  contextAt: (at: Date) => Context,
  next: () => number,
  end: Date,
  active: Contractor[],
): Promise<{ sitesByWilaya: Map<string, DemoSite[]>; count: number }> {
  const wilayas = [...new Set(firms.flatMap((firm) => firm.wilayas))];
  const sitesByWilaya = new Map<string, DemoSite[]>();
  const kinds = Object.values(SiteKind);
  let siteNumber = 0;
  for (const wilaya of wilayas) {
    const communes = await context.em.find(Commune, { wilaya }, { orderBy: { id: 'asc' }, limit: 4 });
    const eligible = active.filter((contractor) =>
      firms.find((firm) => firm.legalName === contractor.legalName)!.wilayas.includes(wilaya),
    );
    for (const [index, commune] of communes.slice(0, 3).entries()) {
      siteNumber += 1;
      const daysAgo = (days: number): Context => contextAt(algiersWorkingTime(end, days, 10 + index));
      const code = `W${wilaya}-${commune.name
        .replace(/[^A-Za-z]/g, '')
        .slice(0, 6)
        .toUpperCase()}-${String(siteNumber).padStart(3, '0')}`;
      let site = await createSite(daysAgo(historyDays + 12), {
        code,
        name: `${commune.name} — tranche ${index + 1}`,
        kind: kinds[siteNumber % kinds.length]!,
        communeId: String(commune.id),
        targetConnections: 20 + Math.floor(next() * 60),
        plannedStart: algiersDate(algiersWorkingTime(end, historyDays + 5, 8)),
        plannedEnd: algiersDate(algiersWorkingTime(end, -120, 8)),
      });
      const contractor = eligible[index % Math.max(eligible.length, 1)];
      if (contractor && index < 2) {
        const why = 'plan de charge du trimestre';
        site = await assignSite(daysAgo(historyDays + 10), site.id, site.version, contractor.id, why);
        site = await transitionSite(daysAgo(historyDays + 5), 'START', site.id, site.version, 'ouverture du chantier');
        if (siteNumber % 5 === 0) {
          const reason = 'attente de l’autorisation de voirie';
          site = await transitionSite(daysAgo(12), 'SUSPEND', site.id, site.version, reason);
        }
      }
      sitesByWilaya.set(wilaya, [
        ...(sitesByWilaya.get(wilaya) ?? []),
        {
          code: site.code,
          contractorId: site.contractor?.id ?? null,
          open: site.status === SiteStatus.IN_PROGRESS,
          commune,
        },
      ]);
    }
  }
  return { sitesByWilaya, count: siteNumber };
}

/**
 * Loads a realistic demo on an empty database (no contractor and no customer subscription yet):
 * ten contractors of every legal form in seven wilayas, sites on real communes in every status, and
 * 300 customer subscriptions spread over every state of the lifecycle, and their invoices at every
 * stage. The last five months before `end` (now unless given) are replayed day by day through the
 * services on a clock set to each step's time, under the server's `settings` (its payment term,
 * retention, thresholds; the services' defaults when left out), so every date, audit event and
 * invoice period is the one the work would have had: orders taken and appointments kept in working
 * hours, Fridays off, each month's invoices submitted at its close, then approved and paid on time,
 * late, or not yet. Does nothing on a database that holds work already. Returns whether it loaded anything.
 */
export async function loadDemoData(
  orm: MikroORM,
  logger: Logger,
  { settings, end = new Date() }: { settings?: Settings; end?: Date } = {},
): Promise<boolean> {
  const caller = settings ? { settings } : {};
  const context = createContext(orm, 'demo-data', logger, caller);
  if ((await context.em.count(Contractor)) > 0 || (await context.em.count(CustomerSubscription)) > 0) return false;
  const contextAt = (at: Date): Context => ({ ...createContext(orm, 'demo-data', logger, caller), clock: () => at });
  const next = seededRandom(2027);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const contractors = await seedContractors(context, contextAt, next, end);
  const active = contractors.filter((contractor) => contractor.status === ContractorStatus.ACTIVE);
  const { sitesByWilaya, count: siteCount } = await seedSites(context, contextAt, next, end, active);
  const wilayas = [...sitesByWilaya.keys()];

  const history = new History(end);
  const ordersByDay = new Map<string, string[]>();
  const header = 'order_reference,customer_name,customer_phone,customer_address,commune_id,offer,site_code,ordered_at';
  let number = 0;
  const accepted = spread.find(([status]) => status === CustomerSubscriptionStatus.ACCEPTED)![1];
  for (const [status, count] of spread) {
    for (let i = 0; i < count; i += 1) {
      number += 1;
      const wilaya = wilayas[Math.floor(next() * wilayas.length)]!;
      const sites = sitesByWilaya.get(wilaya)!;
      const site = sites.find((candidate) => candidate.open) ?? sites[0]!;
      const contractorId =
        site.contractorId ??
        active.find((c) => firms.find((f) => f.legalName === c.legalName)!.wilayas.includes(wilaya))?.id ??
        null;
      const reference = `CMD-${wilaya}-2026-${String(number).padStart(6, '0')}`;
      const [most, least] = orderedDaysAgo[status];
      const orderedAt = algiersWorkingTime(end, between(least, most), 8 + next() * 9);
      const row = [
        reference,
        `${firstNames[Math.floor(next() * firstNames.length)]} ${lastNames[Math.floor(next() * lastNames.length)]}`,
        `0550${String(Math.floor(next() * 1_000_000)).padStart(6, '0')}`,
        `"Bt ${1 + Math.floor(next() * 30)}, cité ${site.commune.name}"`,
        String(site.commune.id),
        offers[Math.floor(next() * offers.length)],
        site.code,
        orderedAt.toISOString(),
      ].join(',');
      const orderDay = algiersDate(orderedAt);
      ordersByDay.set(orderDay, [...(ordersByDay.get(orderDay) ?? []), row]);
      if (status === CustomerSubscriptionStatus.PENDING || !contractorId) continue;
      const acceptedNow = status === CustomerSubscriptionStatus.ACCEPTED && i >= accepted - 3;
      const crew = techniciansOf(active.findIndex((firm) => firm.id === contractorId));
      const work = { reference, status, contractorId, orderedAt, acceptedNow, crew };
      planWork(history, work, end, between, next);
    }
  }
  // Each day's orders reach Raccord in one import at the end of the working day.
  for (const [orderDay, rows] of ordersByDay) {
    const at = new Date(`${orderDay}T17:30:00+01:00`);
    history.plan(at, async (replayed) => {
      const report = await importCustomerSubscriptions(replayed, `${[header, ...rows].join('\n')}\n`);
      if (report.errors.length > 0) throw new Error(`demo data refused: ${JSON.stringify(report.errors.slice(0, 3))}`);
    });
  }
  planMonthCloses(history, orm, algiersWorkingTime(end, historyDays, 12), { end, between, next });
  await history.replay(contextAt);
  logger.info({ contractors: contractors.length, sites: siteCount, customerSubscriptions: number }, 'demo data loaded');
  return true;
}

interface PlannedWork {
  reference: string;
  status: CustomerSubscriptionStatus;
  contractorId: string;
  orderedAt: Date;
  /** Accepted in the demo's last minute, so that the current month has its DRAFT invoices. */
  acceptedNow: boolean;
  /** The firm's technicians, one of whom reports the installation. */
  crew: readonly string[];
}

/** Two technicians of the `index`th active firm, each firm its own. */
function techniciansOf(index: number): string[] {
  return [0, 1].map(
    (k) =>
      `${firstNames[(index * 2 + k + 5) % firstNames.length]} ${lastNames[(index * 3 + k * 7 + 2) % lastNames.length]}`,
  );
}

/**
 * Plans one order's life after its import, each step through its service and on a working day
 * (Sunday to Thursday): assigned the next day, booked the day after, kept (or failed) at the
 * appointment, installed in one and a half to two and a half hours and reported soon after by one of
 * the firm's technicians, accepted or refused with reserves one to four days later; a cancellation
 * comes a day or two after the order.
 */
function planWork(
  history: History,
  work: PlannedWork,
  end: Date,
  between: (low: number, high: number) => number,
  next: () => number,
): void {
  const { reference, status, contractorId, orderedAt } = work;
  const load = (context: Context) =>
    context.em.fork().findOneOrFail(CustomerSubscription, { orderReference: reference });
  if (status === CustomerSubscriptionStatus.CANCELLED) {
    history.plan(onWorkingDay(dayAfterAt(orderedAt, between(1, 2), 9 + next() * 7, end)), async (context) => {
      const subscription = await load(context);
      await cancelCustomerSubscription(
        context,
        subscription.id,
        subscription.version,
        'annulation à la demande du client',
      );
    });
    return;
  }
  // Each step comes after the one before it, so a step that falls after the demo's "now" (and is left
  // out) takes every later one with it.
  const assignedAt = onWorkingDay(dayAfterAt(orderedAt, 1, 8.5 + next() * 2, end));
  history.plan(assignedAt, async (context) => {
    const subscription = await load(context);
    await assignCustomerSubscription(context, subscription.id, subscription.version, contractorId);
  });
  if (status === CustomerSubscriptionStatus.ASSIGNED) return;
  const scheduledAt = onWorkingDay(dayAfterAt(assignedAt, 1, 11 + next() * 5, end));
  const daysLeft = Math.floor((end.getTime() - scheduledAt.getTime()) / day);
  const appointmentAt = onWorkingDay(
    status === CustomerSubscriptionStatus.SCHEDULED
      ? algiersWorkingTime(end, -between(1, 10), 8 + Math.floor(next() * 17) / 2)
      : dayAfterAt(
          scheduledAt,
          between(1, Math.max(1, Math.min(12, daysLeft - 3))),
          8 + Math.floor(next() * 15) / 2,
          end,
        ),
  );
  history.plan(scheduledAt, async (context) => {
    const subscription = await load(context);
    await scheduleInstallation(context, subscription.id, subscription.version, appointmentAt);
  });
  if (status === CustomerSubscriptionStatus.SCHEDULED) return;
  if (status === CustomerSubscriptionStatus.FAILED) {
    history.plan(new Date(appointmentAt.getTime() + hour), async (context) => {
      const subscription = await load(context);
      await markInstallationFailed(context, subscription.id, subscription.version, {
        failureReason: FailureReason.CUSTOMER_ABSENT,
        reason: 'client absent à deux rendez-vous',
      });
    });
    return;
  }
  const installedAt = new Date(appointmentAt.getTime() + (90 + Math.floor(next() * 60)) * minute);
  const reportedAt = new Date(installedAt.getTime() + (10 + Math.floor(next() * 30)) * minute);
  const technicianName = work.crew[Math.floor(next() * work.crew.length)]!;
  const receivedPowerDbm = `-${18 + Math.floor(next() * 6)}.${Math.floor(next() * 10)}`;
  history.plan(reportedAt, async (context) => {
    const subscription = await load(context);
    await reportInstallation(context, {
      id: subscription.id,
      expectedVersion: subscription.version,
      installedAt,
      technicianName,
      networkClass: 'B_PLUS',
      receivedPowerDbm,
      spliceLossDb: '0.05',
      lines: [{ code: 'RAC-STD', quantity: '1' }],
    });
  });
  if (status === CustomerSubscriptionStatus.INSTALLED) return;
  const decidedAt = work.acceptedNow
    ? new Date(Math.floor(end.getTime() / minute) * minute)
    : onWorkingDay(dayAfterAt(installedAt, between(1, 4), 9 + next() * 7, end));
  const refused = [0, 1].map((k) => reserves[(Math.floor(next() * reserves.length) + k) % reserves.length]!);
  if (decidedAt <= reportedAt) return;
  history.plan(decidedAt, async (context) => {
    const subscription = await load(context);
    if (status === CustomerSubscriptionStatus.ACCEPTED)
      await acceptInstallation(context, { id: subscription.id, expectedVersion: subscription.version });
    else
      await rejectInstallation(context, {
        id: subscription.id,
        expectedVersion: subscription.version,
        reserves: refused,
      });
  });
}
