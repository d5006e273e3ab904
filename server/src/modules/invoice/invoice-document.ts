import { z } from 'zod';
import type { InvoiceTotals } from './invoice-arithmetic.js';

declare module '../../context.js' {
  interface Settings {
    /** Retention (retenue de garantie) in percent of invoices' totals including tax (RETENTION_PERCENT). */
    readonly retentionPercent: string;
    /** Days from an invoice's date of issue to its due date (PAYMENT_TERMS_DAYS). */
    readonly paymentTermsDays: number;
    /** The buyer printed on invoices (INVOICE_BUYER). */
    readonly buyer: PartyIdentity;
  }
}

/**
 * The identity of a party to an invoice, as décret exécutif 05-468 (art. 3) requires it on the
 * document: name or company name, legal form, address, RC number (or, for an auto-entrepreneur, its
 * card number), NIF, NIS and article d'imposition.
 */
export interface PartyIdentity {
  readonly name: string;
  readonly legalForm: string;
  readonly address: string;
  readonly rcNumber: string | null;
  readonly autoEntrepreneurCardNumber: string | null;
  readonly nif: string;
  readonly nis: string;
  readonly taxArticle: string;
}

const identityText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

/** A party's identity in configuration (INVOICE_BUYER): every mention, RC or card number nullable. */
export const partyIdentitySchema = z.object({
  name: identityText(200),
  legalForm: identityText(60),
  address: identityText(300),
  rcNumber: identityText(40).nullable().default(null),
  autoEntrepreneurCardNumber: identityText(40).nullable().default(null),
  nif: identityText(20),
  nis: identityText(40),
  taxArticle: identityText(40),
});

/**
 * The buyer when INVOICE_BUYER is not configured (development and demo only; production requires
 * it): Algérie Télécom's name and head-office address, and its registration numbers marked as not
 * configured rather than invented.
 */
export const defaultBuyer: PartyIdentity = {
  name: 'Algérie Télécom',
  legalForm: 'SPA',
  address: 'Route Nationale n° 5, Cinq Maisons, Mohammadia, Alger',
  rcNumber: 'non configuré (INVOICE_BUYER)',
  autoEntrepreneurCardNumber: null,
  nif: 'non configuré (INVOICE_BUYER)',
  nis: 'non configuré (INVOICE_BUYER)',
  taxArticle: 'non configuré (INVOICE_BUYER)',
};

/** One line as printed: the work it bills, designation, quantity in its unit, unit price excluding tax, amount (centimes). */
export interface DocumentLine {
  /** AT's order reference of the work the line bills, e.g. "CMD-16-2026-000123": how people know that work. */
  readonly orderReference: string;
  readonly itemCode: string;
  readonly designation: string;
  /** `u`, `m` or `forfait`. */
  readonly unit: string;
  /** Decimal string, e.g. "42.5". */
  readonly quantity: string;
  readonly unitPriceCentimes: bigint;
  /** e.g. "19"; printed only when the document carries VAT. */
  readonly vatRatePercent: string;
  readonly amountCentimes: bigint;
}

/**
 * Everything an invoice or credit note document shows. Its figures are `totals`, computed by
 * `computeInvoiceTotals` — the function the API's figures come from — so the PDF and the API agree.
 */
export interface InvoiceDocument {
  readonly kind: 'INVOICE' | 'CREDIT_NOTE';
  /** e.g. "FA-2026-00001"; null while a DRAFT (a draft has no number and says so). */
  readonly number: string | null;
  /** Date of issue (submission), YYYY-MM-DD in Algiers; null while a DRAFT. */
  readonly issuedOn: string | null;
  /** Month of the work, YYYY-MM. */
  readonly period: string;
  /** For a credit note: the number of the invoice it corrects, and why. */
  readonly corrects: { readonly number: string; readonly reason: string } | null;
  /** Due date YYYY-MM-DD (Algiers), when issued. */
  readonly dueOn: string | null;
  readonly seller: PartyIdentity;
  readonly buyer: PartyIdentity;
  /** Whether the seller invoices VAT (régime réel); IFU and auto-entrepreneurs do not (law 22-23). */
  readonly chargesVat: boolean;
  readonly retentionPercent: string;
  readonly lines: readonly DocumentLine[];
  readonly totals: InvoiceTotals;
}
