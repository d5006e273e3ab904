import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { visualOrder } from './bidi-text.js';
import { invoiceClosingSentence } from './invoice-arithmetic.js';
import type { DocumentLine, InvoiceDocument, PartyIdentity } from './invoice-document.js';
import { formatDzd, formatFrenchDecimal } from './money.js';

/*
 * Layout of the invoice PDF: A4 portrait, points (1/72 in). The text is set in DejaVu Sans Condensed
 * (npm dejavu-fonts-ttf), embedded: it prints French accents and Arabic alike (names and addresses in
 * Arabic are common in Algeria; fontkit joins and orders the letters), at about Helvetica's width.
 * Every amount goes through formatDzd and nothing else builds amounts.
 */

const fontFile = (name: string) =>
  readFileSync(createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`));
/** The three faces, read once. */
const FONTS = {
  Regular: fontFile('DejaVuSansCondensed'),
  Bold: fontFile('DejaVuSansCondensed-Bold'),
  Oblique: fontFile('DejaVuSansCondensed-Oblique'),
} as const;

const MARGIN = 42;
/** Room kept under the content on every page for the "Page i / n" footer. */
const FOOTER_SPACE = 30;
/** Room taken at the top of a continuation page by its "(suite)" reminder. */
const CONTINUATION_SPACE = 16;
const BODY_SIZE = 9;
const TABLE_SIZE = 8.5;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 3;
const BORDER_COLOR = '#9a9a9a';
const HEADER_FILL = '#e4e8ee';
const ZEBRA_FILL = '#f6f7f9';
const DRAFT_COLOR = '#b00020';

const NBSP = '\u00a0';

const DRAFT_NOTICE = 'BROUILLON — sans valeur fiscale, numéro attribué à la soumission';
const VAT_NOT_APPLICABLE = "TVA non applicable — contribuable soumis à l'IFU / auto-entrepreneur (loi 22-23)";

type Doc = PDFKit.PDFDocument;

interface Column {
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'right' | 'center';
  readonly cell: (line: DocumentLine, amountCentimes: bigint) => string;
}

/**
 * Renders an invoice or credit note (facture d'avoir) as a PDF, in French, with the mentions
 * décret exécutif 05-468 (art. 3) requires: both parties' name, legal form, address, RC number (or
 * auto-entrepreneur card number), NIF, NIS and article d'imposition; the number and date of issue;
 * each line's designation, quantity, unit price excluding tax and amount; the VAT by rate (or the
 * mention that VAT does not apply, law 22-23); the totals; and the amount in words ("Arrêtée la
 * présente facture à la somme de : …").
 *
 * Shape: A4 portrait, DejaVu Sans Condensed (embedded; Latin and Arabic); a lines table (Commande:
 * the order reference of the work billed, Code, Désignation, Unité, Quantité, Prix unitaire HT,
 * TVA % when VAT is charged, Montant HT) that flows onto as many pages as needed with its header row
 * repeated, then the totals, then the closing sentence; "Page i / n" at the bottom of every page. A DRAFT (number null) says "BROUILLON — sans valeur fiscale" on every page.
 *
 * Units: amounts are DZD centimes (bigint) printed with `formatDzd` ("1 234 567,89 DA"); quantities
 * and rates are decimal strings printed with a decimal comma; dates are YYYY-MM-DD (Algiers)
 * printed dd/mm/yyyy, the period YYYY-MM printed mm/yyyy. No figure is computed here: every amount
 * printed is `document.totals` (from `computeInvoiceTotals`) or a line's own field, so the PDF and
 * the API agree.
 *
 * The output is deterministic for a given document: the PDF creation date is the date of issue
 * (the first day of the period for a draft), so the same document renders to the same bytes.
 *
 * @param document the invoice or credit note to print
 * @returns the PDF file's bytes
 * @throws Error when `document.totals.lineAmounts` does not match `document.lines` (the document
 *   would then print lines that do not add up to its totals)
 */
export async function renderInvoicePdf(given: InvoiceDocument): Promise<Buffer> {
  assertConsistent(given);
  const document = forDisplay(given);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: {
      Title: metadataTitle(document),
      Author: given.seller.name,
      Subject: `${document.kind === 'CREDIT_NOTE' ? "Facture d'avoir" : 'Facture'} — période ${formatPeriod(document.period)} — ${given.buyer.name}`,
      Creator: 'Raccord',
      CreationDate: creationDate(document),
    },
  });
  for (const [name, data] of Object.entries(FONTS)) doc.registerFont(name, data);
  doc.font('Regular');
  const chunks: Buffer[] = [];
  const output = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(Buffer.from(chunk)));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  drawHeading(doc, document);
  drawParties(doc, document);
  drawLinesTable(doc, document);
  drawTotals(doc, document);
  drawClosing(doc, document);
  drawFooters(doc, document);

  doc.end();
  return output;
}

function assertConsistent(document: InvoiceDocument): void {
  const { lines, totals } = document;
  if (
    totals.lineAmounts.length !== lines.length ||
    lines.some((line, index) => line.amountCentimes !== totals.lineAmounts[index])
  ) {
    throw new Error('invoice document: the lines amounts do not match totals.lineAmounts');
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting (no money: amounts are formatDzd's)
// ---------------------------------------------------------------------------------------------

/** "2026-03-31" → "31/03/2026"; anything else is printed as given. */
function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** "2026-03" → "03/2026"; anything else is printed as given. */
function formatPeriod(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  return match ? `${match[2]}/${match[1]}` : period;
}

function documentLabel(document: InvoiceDocument): string {
  return document.kind === 'CREDIT_NOTE' ? "Facture d'avoir" : 'Facture';
}

function metadataTitle(document: InvoiceDocument): string {
  if (document.number === null)
    return `${documentLabel(document)} (brouillon) — période ${formatPeriod(document.period)}`;
  return `${documentLabel(document)} ${document.number}`;
}

function creationDate(document: InvoiceDocument): Date {
  const day = document.issuedOn ?? `${document.period}-01`;
  const date = new Date(`${day}T00:00:00+01:00`); // Africa/Algiers is UTC+1 all year
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

// ---------------------------------------------------------------------------------------------
// Page flow
// ---------------------------------------------------------------------------------------------

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Lowest y content may reach on the current page. */
function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page with a one-line reminder of which document it continues. */
function continueOnNewPage(doc: Doc, document: InvoiceDocument): void {
  doc.addPage();
  const reminder =
    document.number === null
      ? `${documentLabel(document)} — BROUILLON (suite)`
      : `${documentLabel(document)} n° ${document.number} (suite)`;
  doc.font('Oblique').fontSize(8).fillColor('#555555');
  doc.text(reminder, doc.page.margins.left, doc.page.margins.top, { width: contentWidth(doc), align: 'right' });
  doc.fillColor('black');
  doc.y = doc.page.margins.top + CONTINUATION_SPACE;
}

/** Moves to a new page unless `height` points fit below the current position. */
function ensureSpace(doc: Doc, document: InvoiceDocument, height: number): void {
  if (doc.y + height > bottomLimit(doc)) continueOnNewPage(doc, document);
}

// ---------------------------------------------------------------------------------------------
// Heading: title, number, dates, draft notice, credit note reference
// ---------------------------------------------------------------------------------------------

function drawHeading(doc: Doc, document: InvoiceDocument): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = doc.page.margins.top;
  const metaWidth = 220;
  const metaLeft = left + width - metaWidth;

  doc.font('Bold').fontSize(22).fillColor('black');
  doc.text(document.kind === 'CREDIT_NOTE' ? "FACTURE D'AVOIR" : 'FACTURE', left, top, {
    width: width - metaWidth - 10,
  });
  const titleBottom = doc.y;

  const meta: string[] = [
    document.number === null
      ? `${documentLabel(document)} n° : attribué à la soumission`
      : `${documentLabel(document)} n° ${document.number}`,
    `Date : ${document.issuedOn === null ? 'à la soumission' : formatDate(document.issuedOn)}`,
    `Période : ${formatPeriod(document.period)}`,
  ];
  if (document.dueOn !== null) meta.push(`Échéance : ${formatDate(document.dueOn)}`);
  doc.fontSize(BODY_SIZE + 1);
  meta.forEach((text, index) => {
    doc.font(index === 0 ? 'Bold' : 'Regular');
    doc.text(text, metaLeft, index === 0 ? top + 2 : doc.y + 1, { width: metaWidth, align: 'right' });
  });
  doc.y = Math.max(titleBottom, doc.y) + 10;

  if (document.number === null) {
    doc.font('Bold').fontSize(11);
    const height = doc.heightOfString(DRAFT_NOTICE, { width: width - 16 }) + 12;
    const y = doc.y;
    doc.lineWidth(1.5).rect(left, y, width, height).strokeColor(DRAFT_COLOR).stroke();
    doc.fillColor(DRAFT_COLOR).text(DRAFT_NOTICE, left + 8, y + 6, { width: width - 16, align: 'center' });
    doc.fillColor('black').strokeColor('black').lineWidth(1);
    doc.y = y + height + 10;
  }

  if (document.corrects !== null) {
    const text = `Avoir sur la facture n° ${document.corrects.number} — motif : ${document.corrects.reason}`;
    doc
      .font('Bold')
      .fontSize(BODY_SIZE + 1)
      .fillColor('black');
    doc.text(text, left, doc.y, { width });
    doc.y += 8;
  }
}

// ---------------------------------------------------------------------------------------------
// Parties
// ---------------------------------------------------------------------------------------------

function partyLines(party: PartyIdentity): string[] {
  const registration =
    party.rcNumber === null && party.autoEntrepreneurCardNumber !== null
      ? `Carte auto-entrepreneur n° ${party.autoEntrepreneurCardNumber}`
      : `RC n° ${party.rcNumber ?? '—'}`;
  return [
    party.legalForm,
    party.address,
    registration,
    `NIF : ${party.nif}`,
    `NIS : ${party.nis}`,
    `Article d'imposition : ${party.taxArticle}`,
  ];
}

function drawParties(doc: Doc, document: InvoiceDocument): void {
  const left = doc.page.margins.left;
  const gap = 14;
  const boxWidth = (contentWidth(doc) - gap) / 2;
  const textWidth = boxWidth - 16;
  const blocks = [
    { caption: 'Prestataire', party: document.seller, x: left },
    { caption: 'Client', party: document.buyer, x: left + boxWidth + gap },
  ];

  const heightOf = (party: PartyIdentity): number => {
    doc.font('Bold').fontSize(8);
    let height = doc.heightOfString('Prestataire', { width: textWidth }) + 3;
    doc.fontSize(BODY_SIZE + 1);
    height += doc.heightOfString(party.name, { width: textWidth }) + 2;
    doc.font('Regular').fontSize(BODY_SIZE);
    for (const text of partyLines(party)) height += doc.heightOfString(text, { width: textWidth }) + 1;
    return height + 16;
  };
  const boxHeight = Math.max(...blocks.map((block) => heightOf(block.party)));
  ensureSpace(doc, document, boxHeight);
  const top = doc.y;

  for (const { caption, party, x } of blocks) {
    doc.lineWidth(0.75).strokeColor(BORDER_COLOR).rect(x, top, boxWidth, boxHeight).stroke();
    doc.font('Bold').fontSize(8).fillColor('#555555');
    doc.text(caption.toUpperCase(), x + 8, top + 8, { width: textWidth, characterSpacing: 0.5 });
    doc.y += 3;
    doc.fontSize(BODY_SIZE + 1).fillColor('black');
    doc.text(party.name, x + 8, doc.y, { width: textWidth });
    doc.y += 2;
    doc.font('Regular').fontSize(BODY_SIZE);
    for (const text of partyLines(party)) {
      doc.text(text, x + 8, doc.y, { width: textWidth });
      doc.y += 1;
    }
  }
  doc.strokeColor('black');
  doc.x = left;
  doc.y = top + boxHeight + 16;
}

// ---------------------------------------------------------------------------------------------
// Lines table
// ---------------------------------------------------------------------------------------------

/** Width of the Commande column: its longest order reference on one line (at most a quarter of the table), or its header. */
function orderColumnWidth(doc: Doc, lines: readonly DocumentLine[]): number {
  doc.font('Bold').fontSize(TABLE_SIZE);
  const header = doc.widthOfString('Commande');
  doc.font('Regular');
  const widest = Math.max(header, ...lines.map((line) => doc.widthOfString(line.orderReference)));
  return Math.min(Math.ceil(widest) + 2 * CELL_PAD_X, contentWidth(doc) / 4);
}

function tableColumns(doc: Doc, document: InvoiceDocument): Column[] {
  const fixed: Column[] = [
    {
      header: 'Commande',
      width: orderColumnWidth(doc, document.lines),
      align: 'left',
      cell: (line) => line.orderReference,
    },
    { header: 'Code', width: 52, align: 'left', cell: (line) => line.itemCode },
    { header: 'Désignation', width: 0, align: 'left', cell: (line) => line.designation },
    { header: 'Unité', width: 40, align: 'center', cell: (line) => line.unit },
    { header: 'Quantité', width: 50, align: 'right', cell: (line) => formatFrenchDecimal(line.quantity) },
    { header: 'Prix unitaire HT', width: 74, align: 'right', cell: (line) => formatDzd(line.unitPriceCentimes) },
    ...(document.chargesVat
      ? [
          {
            header: 'TVA %',
            width: 40,
            align: 'right' as const,
            cell: (line: DocumentLine) => formatFrenchDecimal(line.vatRatePercent),
          },
        ]
      : []),
    { header: 'Montant HT', width: 84, align: 'right', cell: (_line, amount) => formatDzd(amount) },
  ];
  const designationWidth = contentWidth(doc) - fixed.reduce((sum, column) => sum + column.width, 0);
  return fixed.map((column) => (column.header === 'Désignation' ? { ...column, width: designationWidth } : column));
}

/** Height of a row whose cells hold `texts`, at most `maxHeight` (a longer cell is cut, with an ellipsis). */
function rowHeight(doc: Doc, columns: readonly Column[], texts: readonly string[], maxHeight = Infinity): number {
  let height = 0;
  columns.forEach((column, index) => {
    height = Math.max(height, doc.heightOfString(texts[index]!, { width: column.width - 2 * CELL_PAD_X }));
  });
  return Math.min(height + 2 * CELL_PAD_Y, maxHeight);
}

function drawRow(
  doc: Doc,
  columns: readonly Column[],
  texts: readonly string[],
  y: number,
  height: number,
  fill: string | null,
): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  if (fill !== null) doc.rect(left, y, width, height).fill(fill);
  doc.fillColor('black');
  let x = left;
  columns.forEach((column, index) => {
    doc.text(texts[index]!, x + CELL_PAD_X, y + CELL_PAD_Y, {
      width: column.width - 2 * CELL_PAD_X,
      height: height - 2 * CELL_PAD_Y,
      ellipsis: true,
      align: column.align,
    });
    x += column.width;
  });
  doc
    .lineWidth(0.5)
    .strokeColor(BORDER_COLOR)
    .moveTo(left, y + height)
    .lineTo(left + width, y + height)
    .stroke();
  doc.strokeColor('black');
}

function drawLinesTable(doc: Doc, document: InvoiceDocument): void {
  const columns = tableColumns(doc, document);
  const headers = columns.map((column) => column.header);
  const left = doc.page.margins.left;

  const drawHeader = (): void => {
    doc.font('Bold').fontSize(TABLE_SIZE);
    const height = rowHeight(doc, columns, headers);
    const y = doc.y;
    doc
      .lineWidth(0.5)
      .strokeColor(BORDER_COLOR)
      .moveTo(left, y)
      .lineTo(left + contentWidth(doc), y)
      .stroke();
    drawRow(doc, columns, headers, y, height, HEADER_FILL);
    doc.font('Regular').fontSize(TABLE_SIZE);
    doc.x = left;
    doc.y = y + height;
  };

  doc.font('Bold').fontSize(TABLE_SIZE);
  const headerHeight = rowHeight(doc, columns, headers);
  doc.font('Regular').fontSize(TABLE_SIZE);
  // A row never exceeds what a continuation page holds under its header row (a designation of
  // several thousand characters would be cut with an ellipsis rather than break the layout).
  const maxRowHeight =
    doc.page.height - doc.page.margins.top - CONTINUATION_SPACE - headerHeight - doc.page.margins.bottom;
  const firstRowHeight = document.lines[0]
    ? rowHeight(doc, columns, cellTexts(columns, document.lines[0], document.totals.lineAmounts[0]!), maxRowHeight)
    : 0;
  ensureSpace(doc, document, headerHeight + firstRowHeight);
  drawHeader();

  document.lines.forEach((line, index) => {
    doc.font('Regular').fontSize(TABLE_SIZE);
    const texts = cellTexts(columns, line, document.totals.lineAmounts[index]!);
    const height = rowHeight(doc, columns, texts, maxRowHeight);
    if (doc.y + height > bottomLimit(doc)) {
      continueOnNewPage(doc, document);
      drawHeader();
    }
    const y = doc.y;
    drawRow(doc, columns, texts, y, height, index % 2 === 1 ? ZEBRA_FILL : null);
    doc.x = left;
    doc.y = y + height;
  });

  if (document.lines.length === 0) {
    doc
      .font('Oblique')
      .fontSize(TABLE_SIZE)
      .text('Aucune ligne.', left + CELL_PAD_X, doc.y + CELL_PAD_Y);
  }
  doc.x = left;
  doc.y += 12;
}

function cellTexts(columns: readonly Column[], line: DocumentLine, amountCentimes: bigint): string[] {
  return columns.map((column) => column.cell(line, amountCentimes));
}

// ---------------------------------------------------------------------------------------------
// Totals and closing sentence
// ---------------------------------------------------------------------------------------------

function drawTotals(doc: Doc, document: InvoiceDocument): void {
  const { totals } = document;
  const rows: { label: string; value: string; strong?: boolean }[] = [
    { label: 'Total HT', value: formatDzd(totals.totalExcludingTax) },
  ];
  if (document.chargesVat) {
    for (const vat of totals.vatByRate) {
      rows.push({
        label: `TVA ${formatFrenchDecimal(vat.ratePercent)}${NBSP}% sur ${formatDzd(vat.base)}`,
        value: formatDzd(vat.amount),
      });
    }
    if (totals.vatByRate.length > 1) rows.push({ label: 'Total TVA', value: formatDzd(totals.totalVat) });
  }
  rows.push({ label: 'Total TTC', value: formatDzd(totals.totalIncludingTax), strong: true });
  rows.push({
    label: `Retenue de garantie (${formatFrenchDecimal(document.retentionPercent)}${NBSP}%)`,
    value: formatDzd(totals.retention),
  });
  rows.push({ label: 'Net à payer', value: formatDzd(totals.netPayable), strong: true });

  const width = contentWidth(doc);
  const boxWidth = 320;
  const valueWidth = 110;
  const labelWidth = boxWidth - valueWidth - 3 * CELL_PAD_X;
  const boxLeft = doc.page.margins.left + width - boxWidth;
  const heights = rows.map((row) => {
    doc.font(row.strong ? 'Bold' : 'Regular').fontSize(BODY_SIZE + 0.5);
    return (
      Math.max(
        doc.heightOfString(row.label, { width: labelWidth }),
        doc.heightOfString(row.value, { width: valueWidth }),
      ) +
      2 * CELL_PAD_Y +
      1
    );
  });

  doc.font('Regular').fontSize(BODY_SIZE);
  const mentionHeight = document.chargesVat ? 0 : doc.heightOfString(VAT_NOT_APPLICABLE, { width }) + 8;
  ensureSpace(doc, document, heights.reduce((sum, height) => sum + height, 0) + mentionHeight);

  let y = doc.y;
  rows.forEach((row, index) => {
    const height = heights[index]!;
    if (row.strong) doc.rect(boxLeft, y, boxWidth, height).fill(HEADER_FILL);
    doc
      .fillColor('black')
      .font(row.strong ? 'Bold' : 'Regular')
      .fontSize(BODY_SIZE + 0.5);
    doc.text(row.label, boxLeft + CELL_PAD_X, y + CELL_PAD_Y + 0.5, { width: labelWidth });
    doc.text(row.value, boxLeft + boxWidth - valueWidth - CELL_PAD_X, y + CELL_PAD_Y + 0.5, {
      width: valueWidth,
      align: 'right',
    });
    doc
      .lineWidth(0.5)
      .strokeColor(BORDER_COLOR)
      .moveTo(boxLeft, y + height)
      .lineTo(boxLeft + boxWidth, y + height)
      .stroke();
    y += height;
  });
  doc.strokeColor('black');
  doc.x = doc.page.margins.left;
  doc.y = y + 8;

  if (!document.chargesVat) {
    doc.font('Oblique').fontSize(BODY_SIZE).fillColor('black');
    doc.text(VAT_NOT_APPLICABLE, doc.page.margins.left, doc.y, { width });
    doc.y += 4;
  }
}

function drawClosing(doc: Doc, document: InvoiceDocument): void {
  const sentence = invoiceClosingSentence(document.totals.netPayable, document.kind);
  const width = contentWidth(doc);
  doc.font('Bold').fontSize(BODY_SIZE + 0.5);
  const height = doc.heightOfString(sentence, { width });
  doc.y += 8;
  ensureSpace(doc, document, height);
  doc.text(sentence, doc.page.margins.left, doc.y, { width });
}

// ---------------------------------------------------------------------------------------------
// Footers: "Page i / n" (needs every page buffered, hence bufferPages)
// ---------------------------------------------------------------------------------------------

function drawFooters(doc: Doc, document: InvoiceDocument): void {
  const range = doc.bufferedPageRange();
  const count = range.count;
  const leftLabel =
    document.number === null ? 'BROUILLON — sans valeur fiscale' : `${documentLabel(document)} n° ${document.number}`;
  for (let index = range.start; index < range.start + count; index++) {
    doc.switchToPage(index);
    const { page } = doc;
    const bottom = page.margins.bottom;
    // Text below the bottom margin would open a new page: lift the margin while writing the footer.
    page.margins.bottom = 0;
    const left = page.margins.left;
    const width = page.width - page.margins.left - page.margins.right;
    const y = page.height - MARGIN - 8;
    doc
      .lineWidth(0.5)
      .strokeColor(BORDER_COLOR)
      .moveTo(left, y - 6)
      .lineTo(left + width, y - 6)
      .stroke();
    doc.font(document.number === null ? 'Bold' : 'Regular').fontSize(8);
    doc
      .fillColor(document.number === null ? DRAFT_COLOR : '#555555')
      .text(leftLabel, left, y, { width: width / 2, lineBreak: false });
    doc.font('Regular').fillColor('#555555');
    doc.text(`Page ${index - range.start + 1} / ${count}`, left + width / 2, y, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
    page.margins.bottom = bottom;
  }
  doc.fillColor('black').strokeColor('black');
}

/** A party's identity with each text in the order pdfkit prints legibly (`visualOrder`). */
function partyForDisplay(party: PartyIdentity): PartyIdentity {
  const shown = (text: string | null) => (text === null ? null : visualOrder(text));
  return {
    name: visualOrder(party.name),
    legalForm: visualOrder(party.legalForm),
    address: visualOrder(party.address),
    rcNumber: shown(party.rcNumber),
    autoEntrepreneurCardNumber: shown(party.autoEntrepreneurCardNumber),
    nif: visualOrder(party.nif),
    nis: visualOrder(party.nis),
    taxArticle: visualOrder(party.taxArticle),
  };
}

/** The document with its free texts (parties, designations, reason) in the order pdfkit prints legibly. */
function forDisplay(document: InvoiceDocument): InvoiceDocument {
  return {
    ...document,
    seller: partyForDisplay(document.seller),
    buyer: partyForDisplay(document.buyer),
    corrects:
      document.corrects === null ? null : { ...document.corrects, reason: visualOrder(document.corrects.reason) },
    lines: document.lines.map((line) => ({ ...line, designation: visualOrder(line.designation) })),
  };
}
