import { addDays, algiersDate, algiersMonth } from '../../server/src/common/time.js';
import { FiscalRegime } from '../../server/src/modules/contractor/contractor.entity.js';
import {
  computeInvoiceTotals,
  type InvoiceLineInput,
  type InvoiceTotals,
} from '../../server/src/modules/invoice/invoice-arithmetic.js';
import type { PartyIdentity } from '../../server/src/modules/invoice/invoice-document.js';
import { InvoiceStatus } from '../../server/src/modules/invoice/invoice.entity.js';
import { PaymentMethod } from '../../server/src/modules/invoice/payment.entity.js';
import type { PlannedContractor } from './contractors.js';
import { lineRejections } from './names.js';
import { dayMs, minuteMs, plus, transitionEvent, type PlannedEvent } from './plan.js';
import { Random } from './random.js';
import type { SubscriptionFacts } from './subscriptions.js';
import { algiersMidnight, scheduleOn, vatRateOn, type World } from './world.js';

/** A payment of an invoice: when, and which part of the net payable (the rest of it, or `percent` %). */
interface PlannedPayment {
  readonly at: Date;
  readonly part: { percent: bigint } | 'rest' | 'all';
  readonly method: PaymentMethod;
}

/** A contractor's invoice of a month: the work it bills, and where it stands now. */
export interface PlannedInvoice {
  readonly contractor: PlannedContractor;
  /** YYYY-MM, Algiers. */
  readonly period: string;
  /** Its customer subscriptions, in the order they were accepted (and billed). */
  readonly subscriptions: number[];
  readonly acceptedAt: number[];
  /** How many lines it has (the lines of the latest report of each of its customer subscriptions). */
  lineCount: number;
  id: string;
  /** The id of its first line; the others follow. */
  firstLineId: bigint;
  status: InvoiceStatus;
  submittedAt: Date | null;
  approvedAt: Date | null;
  revisionAt: Date | null;
  payments: PlannedPayment[];
  number: { text: string; year: number; sequence: number } | null;
  /** Computed from its lines by the app's `computeInvoiceTotals` when they are written. */
  totals: InvoiceTotals | null;
}

/** Settings of the app that decide what acceptance and invoicing write (see `Settings` in context.ts). */
export interface InvoicingSettings {
  /** RETENTION_PERCENT, e.g. "5". */
  readonly retentionPercent: string;
  /** PAYMENT_TERMS_DAYS. */
  readonly paymentTermsDays: number;
  /** INVOICE_BUYER, or the app's default buyer. */
  readonly buyer: PartyIdentity;
}

/** Groups accepted work into invoices: one per contractor and month of acceptance (Algiers), as acceptance opens them. */
export class InvoiceBook {
  private readonly byKey = new Map<string, PlannedInvoice>();

  /** How many invoices the work recorded so far opens. */
  get invoiceCount(): number {
    return this.byKey.size;
  }

  /** How many invoice lines the work recorded so far bills. */
  get lineCount(): number {
    let total = 0;
    for (const invoice of this.byKey.values()) total += invoice.lineCount;
    return total;
  }

  /** Records that `facts` (ACCEPTED) was billed when it was accepted. */
  add(facts: SubscriptionFacts): void {
    const contractor = facts.contractor!;
    const period = algiersMonth(facts.acceptedAt!);
    const key = `${contractor.index}:${period}`;
    let invoice = this.byKey.get(key);
    if (!invoice) {
      invoice = {
        contractor,
        period,
        subscriptions: [],
        acceptedAt: [],
        lineCount: 0,
        id: '',
        firstLineId: 0n,
        status: InvoiceStatus.DRAFT,
        submittedAt: null,
        approvedAt: null,
        revisionAt: null,
        payments: [],
        number: null,
        totals: null,
      };
      this.byKey.set(key, invoice);
    }
    invoice.subscriptions.push(facts.index);
    invoice.acceptedAt.push(facts.acceptedAt!.getTime());
    invoice.lineCount += facts.reports[facts.reports.length - 1]!.lines.length;
  }

  /** The invoice billing `contractor`'s work accepted in `period`. */
  idOf(contractor: PlannedContractor, period: string): string {
    return this.byKey.get(`${contractor.index}:${period}`)!.id;
  }

  /**
   * Every invoice, oldest first (by its first acceptance, when acceptance opened it), each with its
   * work in order of acceptance, its id, its lines' ids, and its life: the current month's are
   * DRAFTs; earlier months' were submitted by the month close just after their month ended, and
   * numbered gapless per contractor and year; then approved, sent back for revision, paid in part
   * or in full, each when its time came before now. Each status shows at least once when there are
   * enough invoices.
   */
  plan(world: World, firstInvoiceId: bigint, firstLineId: bigint, seed: number): PlannedInvoice[] {
    const invoices = [...this.byKey.values()];
    for (const invoice of invoices) {
      const order = invoice.acceptedAt
        .map((_, position) => position)
        .sort((a, b) => invoice.acceptedAt[a]! - invoice.acceptedAt[b]! || a - b);
      const subscriptions = order.map((position) => invoice.subscriptions[position]!);
      const acceptedAt = order.map((position) => invoice.acceptedAt[position]!);
      invoice.subscriptions.splice(0, Infinity, ...subscriptions);
      invoice.acceptedAt.splice(0, Infinity, ...acceptedAt);
    }
    invoices.sort((a, b) => a.acceptedAt[0]! - b.acceptedAt[0]! || a.contractor.index - b.contractor.index);
    let lineId = firstLineId;
    invoices.forEach((invoice, rank) => {
      invoice.id = String(firstInvoiceId + BigInt(rank));
      invoice.firstLineId = lineId;
      lineId += BigInt(invoice.lineCount);
    });

    const random = Random.of(seed ^ 0x1f);
    const currentMonth = algiersMonth(world.now);
    const issued = invoices.filter((invoice) => invoice.period < currentMonth);
    for (const invoice of issued) live(invoice, world, random);
    ensureEveryStatus(issued, world);
    number(issued);
    return invoices;
  }
}

/** The first instant of the month after `period` (YYYY-MM), Algiers. */
function monthEnd(period: string): Date {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return algiersMidnight(next);
}

function paymentMethod(invoice: PlannedInvoice, random: Random): PaymentMethod {
  if (random.chance(0.05)) return PaymentMethod.CHEQUE;
  return invoice.contractor.paidByCcp ? PaymentMethod.CCP_TRANSFER : PaymentMethod.BANK_TRANSFER;
}

/** Draws what happened to an issued invoice up to now. */
function live(invoice: PlannedInvoice, world: World, random: Random): void {
  const now = world.now.getTime();
  // The month close submits the drafts of a month that has ended within ten minutes.
  const submittedAt = new Date(Math.min(monthEnd(invoice.period).getTime() + random.between(1, 10) * minuteMs, now));
  invoice.submittedAt = submittedAt;
  invoice.status = InvoiceStatus.SUBMITTED;
  const revisionAt = plus(submittedAt, random.between(1, 10) * dayMs);
  if (now - submittedAt.getTime() < 30 * dayMs && random.chance(0.08) && revisionAt.getTime() <= now) {
    invoice.revisionAt = revisionAt;
    invoice.status = InvoiceStatus.REVISION_REQUESTED;
    return;
  }
  const approvedAt = plus(submittedAt, (2 + 40 * random.float() ** 2) * dayMs);
  if (approvedAt.getTime() > now) return;
  invoice.approvedAt = approvedAt;
  invoice.status = InvoiceStatus.APPROVED;
  const paidAt = plus(approvedAt, (5 + 80 * random.float() ** 1.5) * dayMs);
  if (paidAt.getTime() > now) return;
  if (random.chance(0.3)) {
    invoice.payments.push({
      at: paidAt,
      part: { percent: BigInt(random.int(30, 80)) },
      method: paymentMethod(invoice, random),
    });
    invoice.status = InvoiceStatus.PARTIALLY_PAID;
    const restAt = plus(paidAt, random.between(10, 60) * dayMs);
    if (restAt.getTime() > now) return;
    invoice.payments.push({ at: restAt, part: 'rest', method: paymentMethod(invoice, random) });
  } else {
    invoice.payments.push({ at: paidAt, part: 'all', method: paymentMethod(invoice, random) });
  }
  invoice.status = InvoiceStatus.PAID;
}

/** Gives each issued status to one invoice at least (the latest ones; PAID to the oldest), when there are five or more. */
function ensureEveryStatus(issued: PlannedInvoice[], world: World): void {
  if (issued.length < 5) return;
  const byAge = [...issued].sort((a, b) => b.submittedAt!.getTime() - a.submittedAt!.getTime());
  const wanted = [
    InvoiceStatus.REVISION_REQUESTED,
    InvoiceStatus.SUBMITTED,
    InvoiceStatus.APPROVED,
    InvoiceStatus.PARTIALLY_PAID,
    InvoiceStatus.PAID,
  ];
  const taken = new Set<PlannedInvoice>();
  for (const status of wanted) {
    if (issued.some((invoice) => invoice.status === status)) continue;
    const candidates = status === InvoiceStatus.PAID ? [...byAge].reverse() : byAge;
    // Never the only invoice of a status it would then leave empty.
    const invoice = candidates.find(
      (candidate) => !taken.has(candidate) && issued.filter((other) => other.status === candidate.status).length > 1,
    );
    if (!invoice) continue;
    taken.add(invoice);
    const submitted = invoice.submittedAt!.getTime();
    const at = (fraction: number) => new Date(submitted + (world.now.getTime() - submitted) * fraction);
    invoice.status = status;
    invoice.revisionAt = status === InvoiceStatus.REVISION_REQUESTED ? at(0.5) : null;
    invoice.approvedAt = [InvoiceStatus.APPROVED, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.PAID].includes(status)
      ? at(0.3)
      : null;
    invoice.payments =
      status === InvoiceStatus.PARTIALLY_PAID
        ? [{ at: at(0.6), part: { percent: 50n }, method: PaymentMethod.BANK_TRANSFER }]
        : status === InvoiceStatus.PAID
          ? [{ at: at(0.6), part: 'all', method: PaymentMethod.BANK_TRANSFER }]
          : [];
  }
}

/** Numbers the issued invoices in the order they were submitted, gapless per contractor and year of issue. */
function number(issued: PlannedInvoice[]): void {
  const last = new Map<string, number>();
  const inOrder = [...issued].sort(
    (a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime() || Number(BigInt(a.id) - BigInt(b.id)),
  );
  for (const invoice of inOrder) {
    const year = Number(algiersDate(invoice.submittedAt!).slice(0, 4));
    const key = `${invoice.contractor.id}:${year}`;
    const sequence = (last.get(key) ?? 0) + 1;
    last.set(key, sequence);
    invoice.number = { text: `FA-${year}-${String(sequence).padStart(5, '0')}`, year, sequence };
  }
}

/** The last number given per contractor and year: the document_sequence rows of the invoice series. */
export function documentSequences(
  invoices: readonly PlannedInvoice[],
): { contractorId: string; year: number; lastNumber: number }[] {
  const last = new Map<string, { contractorId: string; year: number; lastNumber: number }>();
  for (const invoice of invoices) {
    if (!invoice.number) continue;
    const key = `${invoice.contractor.id}:${invoice.number.year}`;
    const seen = last.get(key);
    if (!seen || seen.lastNumber < invoice.number.sequence)
      last.set(key, {
        contractorId: invoice.contractor.id,
        year: invoice.number.year,
        lastNumber: invoice.number.sequence,
      });
  }
  return [...last.values()];
}

/** One line as acceptance writes it: an item of the latest report, priced at the schedule and VAT rate of the installation date. */
export interface PricedLine extends InvoiceLineInput {
  readonly itemCode: string;
  readonly designation: string;
  readonly unit: string;
  readonly acceptedAt: Date;
  readonly subscriptionIndex: number;
}

/**
 * The lines acceptance wrote for one accepted customer subscription (acceptance.service.ts): each
 * line of its latest report, at the unit price of the schedule in force on the installation date
 * (Algiers) and the VAT rate of the item's tax code on that date.
 */
export function pricedLines(world: World, facts: SubscriptionFacts): PricedLine[] {
  const report = facts.reports[facts.reports.length - 1]!;
  const day = algiersDate(report.installedAt);
  const schedule = scheduleOn(world.schedules, day)!;
  return report.lines.map((line) => {
    const item = schedule.items.get(line.code)!;
    return {
      itemCode: item.code,
      designation: item.designation,
      unit: item.unit,
      quantity: line.quantity,
      unitPriceCentimes: BigInt(item.unitPriceCentimes),
      vatRatePercent: vatRateOn(world.taxRates, item.taxCode, day),
      acceptedAt: facts.acceptedAt!,
      subscriptionIndex: facts.index,
    };
  });
}

/** The invoice's totals by the app's own arithmetic, under its contractor's regime (VAT only for REAL). */
export function invoiceTotals(
  invoice: PlannedInvoice,
  lines: readonly InvoiceLineInput[],
  settings: InvoicingSettings,
): InvoiceTotals {
  return computeInvoiceTotals(lines, {
    chargesVat: invoice.contractor.values.fiscalRegime === FiscalRegime.REAL,
    retentionPercent: settings.retentionPercent,
  });
}

/** A payment's amount in centimes, from the invoice's net payable. */
export function paymentAmount(invoice: PlannedInvoice, payment: PlannedPayment): bigint {
  const net = invoice.totals!.netPayable;
  if (payment.part === 'all') return net;
  const first = invoice.payments[0]!;
  const part = typeof first.part === 'object' ? (net * first.part.percent) / 100n : net;
  return payment.part === 'rest' ? net - part : part;
}

/** The payment's reference, as on the bank statement. */
export function paymentReference(invoice: PlannedInvoice, payment: PlannedPayment, position: number): string {
  const prefix =
    payment.method === PaymentMethod.CHEQUE ? 'CHQ' : payment.method === PaymentMethod.CCP_TRANSFER ? 'CCP' : 'VIR';
  return `${prefix}-${algiersDate(payment.at).replaceAll('-', '')}-${invoice.number!.text}-${position + 1}`;
}

/** The lines a revision request rejected: the first one, and the second when there is one. */
export function rejectedLineOffsets(invoice: PlannedInvoice): number[] {
  return invoice.status === InvoiceStatus.REVISION_REQUESTED ? (invoice.lineCount > 1 ? [0, 1] : [0]) : [];
}

/** Why a line was rejected on revision. */
export function rejectionReason(offset: number): string {
  return lineRejections[offset % lineRejections.length]!;
}

/**
 * The invoice's audit events (its transitions), and its version, status reason and last change. The
 * payments' amounts in the events need the invoice's totals: until its lines are written they are
 * left null (the other figures do not depend on them).
 */
export function invoiceHistory(invoice: PlannedInvoice): {
  events: PlannedEvent[];
  version: number;
  statusReason: string | null;
  statusChangedAt: Date;
  updatedAt: Date;
} {
  const events: PlannedEvent[] = [];
  const created = new Date(invoice.acceptedAt[0]!);
  const lastAcceptance = new Date(invoice.acceptedAt[invoice.acceptedAt.length - 1]!);
  if (invoice.submittedAt) {
    events.push(
      transitionEvent(
        invoice.submittedAt,
        InvoiceStatus.DRAFT,
        InvoiceStatus.SUBMITTED,
        `clôture du mois ${invoice.period}`,
        [{ field: 'number', from: null, to: invoice.number!.text }],
      ),
    );
  }
  if (invoice.revisionAt) {
    const rejected = rejectedLineOffsets(invoice).map((offset) => ({
      id: String(invoice.firstLineId + BigInt(offset)),
      reason: rejectionReason(offset),
    }));
    events.push(
      transitionEvent(
        invoice.revisionAt,
        InvoiceStatus.SUBMITTED,
        InvoiceStatus.REVISION_REQUESTED,
        rejected.map((line) => `ligne ${line.id} : ${line.reason}`).join(' ; '),
        rejected.map((line) => ({ field: `line:${line.id}`, from: null, to: line.reason })),
      ),
    );
  }
  if (invoice.approvedAt)
    events.push(transitionEvent(invoice.approvedAt, InvoiceStatus.SUBMITTED, InvoiceStatus.APPROVED, null));
  let current = InvoiceStatus.APPROVED;
  invoice.payments.forEach((payment, position) => {
    const amount = invoice.totals ? paymentAmount(invoice, payment).toString() : null;
    const reference = paymentReference(invoice, payment, position);
    const to = payment.part === 'all' || payment.part === 'rest' ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
    events.push(
      transitionEvent(payment.at, current, to, `paiement ${payment.method} ${reference}`, [
        {
          field: 'payment',
          from: null,
          to: { paidOn: algiersDate(payment.at), amountCentimes: amount, method: payment.method, reference },
        },
      ]),
    );
    current = to;
  });
  const last = events[events.length - 1];
  return {
    events,
    version: 1 + invoice.subscriptions.length + events.length,
    statusReason: last?.reason ?? null,
    statusChangedAt: last?.at ?? created,
    updatedAt: last && last.at > lastAcceptance ? last.at : lastAcceptance,
  };
}

/** The due date of an issued invoice: its date of issue plus the payment terms. */
export function dueOn(invoice: PlannedInvoice, settings: InvoicingSettings): string | null {
  return invoice.submittedAt ? addDays(algiersDate(invoice.submittedAt), settings.paymentTermsDays) : null;
}
