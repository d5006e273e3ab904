// money.ts declares type-graphql types, whose decorators need the metadata polyfill that the app's
// entry points (app.ts, schema.ts) load first; this test loads no app, so it loads it itself.
import 'reflect-metadata';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { computeInvoiceTotals, invoiceClosingSentence } from './invoice-arithmetic.js';
import type { DocumentLine, InvoiceDocument, PartyIdentity } from './invoice-document.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { formatDzd } from './money.js';

/** No database: documents are built in memory and the PDF is read back with pdfjs. */

const seller: PartyIdentity = {
  name: 'Fibre Est Travaux',
  legalForm: 'SARL au capital de 1 000 000 DA',
  address: '12, rue Larbi Ben M’hidi, 25000 Constantine',
  rcNumber: '25/00-0987654 B 18',
  autoEntrepreneurCardNumber: null,
  nif: '001825098765432',
  nis: '098725010203040',
  taxArticle: '25016543210',
};

const buyer: PartyIdentity = {
  name: 'Algérie Télécom',
  legalForm: 'SPA au capital de 115 000 000 000 DA',
  address: 'Route nationale n° 5, Cinq Maisons, Mohammadia, 16130 Alger',
  rcNumber: '02 B 0018083',
  autoEntrepreneurCardNumber: null,
  nif: '000216001808337',
  nis: '000216290144157',
  taxArticle: '16290144157',
};

const autoEntrepreneur: PartyIdentity = {
  name: 'Karim Benali',
  legalForm: 'Auto-entrepreneur',
  address: 'Cité 500 logements, bât. 12, 31000 Oran',
  rcNumber: null,
  autoEntrepreneurCardNumber: 'AE-31-2025-004512',
  nif: '199931010045120',
  nis: '199931450012345',
  taxArticle: '31457700123',
};

interface LineSpec {
  readonly orderReference: string;
  readonly itemCode: string;
  readonly designation: string;
  readonly unit: string;
  readonly quantity: string;
  readonly unitPriceCentimes: bigint;
  readonly vatRatePercent: string;
}

function buildDocument(
  specs: readonly LineSpec[],
  overrides: Partial<Omit<InvoiceDocument, 'lines' | 'totals'>> = {},
): InvoiceDocument {
  const chargesVat = overrides.chargesVat ?? true;
  const retentionPercent = overrides.retentionPercent ?? '5';
  const totals = computeInvoiceTotals(specs, { chargesVat, retentionPercent });
  const lines: DocumentLine[] = specs.map((spec, index) => ({ ...spec, amountCentimes: totals.lineAmounts[index]! }));
  return {
    kind: 'INVOICE',
    number: 'FA-2026-00001',
    issuedOn: '2026-03-31',
    period: '2026-03',
    corrects: null,
    dueOn: '2026-04-30',
    seller,
    buyer,
    chargesVat,
    retentionPercent,
    ...overrides,
    lines,
    totals,
  };
}

const LONG_DESIGNATION =
  'Tirage de câble optique 48 FO en conduite existante, y compris aiguillage, lubrification, ' +
  'confection des lovages de réserve dans les chambres de tirage et étiquetage à chaque extrémité';

const sampleLines: LineSpec[] = [
  {
    orderReference: 'CMD-25-2026-000101',
    itemCode: 'GC-010',
    designation: 'Ouverture et remblai de tranchée en trottoir',
    unit: 'm',
    quantity: '42.5',
    unitPriceCentimes: 12_345n,
    vatRatePercent: '19',
  },
  {
    orderReference: 'CMD-25-2026-000101',
    itemCode: 'FO-120',
    designation: LONG_DESIGNATION,
    unit: 'm',
    quantity: '1250',
    unitPriceCentimes: 45_000n,
    vatRatePercent: '19',
  },
  {
    orderReference: 'CMD-25-2026-000102',
    itemCode: 'RAC-001',
    designation: 'Raccordement abonné FTTH (PTO posée et testée)',
    unit: 'u',
    quantity: '3',
    unitPriceCentimes: 33_333n,
    vatRatePercent: '9',
  },
  {
    orderReference: 'CMD-25-2026-000103',
    itemCode: 'ETU-900',
    designation: "Dossier d'études et plans de récolement",
    unit: 'forfait',
    quantity: '1',
    unitPriceCentimes: 4_500_000n,
    vatRatePercent: '19',
  },
];

interface Extracted {
  readonly pageCount: number;
  /** Each page's text, items joined with '' (end of lines as '\n'). */
  readonly pages: readonly string[];
  readonly title: unknown;
  readonly author: unknown;
}

async function extract(buffer: Buffer): Promise<Extracted> {
  const pdf = await getDocument({
    data: new Uint8Array(buffer),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    return { pageCount: pdf.numPages, pages, title: info['Title'], author: info['Author'] };
  } finally {
    await pdf.destroy();
  }
}

/** Every whitespace variant (space, U+00A0, U+202F, line ends) as one space. */
function spaced(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** No whitespace at all: for paragraphs the layout wraps, where a line end may fall anywhere. */
function compact(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, '');
}

describe('renderInvoicePdf', () => {
  it('prints the mentions of décret 05-468, every line and the exact totals', async () => {
    const document = buildDocument(sampleLines);
    const buffer = await renderInvoicePdf(document);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pdf = await extract(buffer);
    expect(pdf.pageCount).toBe(1);
    expect(pdf.title).toBe('Facture FA-2026-00001');
    expect(pdf.author).toBe('Fibre Est Travaux');
    const text = spaced(pdf.pages.join('\n'));

    expect(text).toContain('FACTURE');
    expect(text).toContain('Facture n° FA-2026-00001');
    expect(text).toContain('Date : 31/03/2026');
    expect(text).toContain('Période : 03/2026');
    expect(text).toContain('Échéance : 30/04/2026');
    expect(text).not.toContain('BROUILLON');
    expect(text).toContain('Prestataire'.toUpperCase());
    expect(text).toContain('Client'.toUpperCase());
    for (const party of [seller, buyer]) {
      expect(text).toContain(spaced(party.name));
      expect(text).toContain(spaced(party.legalForm));
      expect(text).toContain(`RC n° ${spaced(party.rcNumber!)}`);
      expect(text).toContain(`NIF : ${party.nif}`);
      expect(text).toContain(`NIS : ${party.nis}`);
      expect(text).toContain(`Article d'imposition : ${party.taxArticle}`);
    }

    for (const header of [
      'Commande',
      'Code',
      'Désignation',
      'Unité',
      'Quantité',
      'Prix unitaire HT',
      'TVA %',
      'Montant HT',
    ])
      expect(text).toContain(header);
    for (const line of sampleLines) {
      expect(text).toContain(line.orderReference);
      expect(text).toContain(line.itemCode);
      expect(compact(text)).toContain(compact(line.designation));
    }
    // Quantities with a decimal comma, unit prices and line amounts as formatDzd prints them.
    expect(text).toContain('42,5');
    expect(text).toContain(spaced('1\u00a0250'));
    expect(text).not.toContain('42.5');
    for (const line of document.lines) {
      expect(text).toContain(spaced(formatDzd(line.unitPriceCentimes)));
      expect(text).toContain(spaced(formatDzd(line.amountCentimes)));
    }

    const { totals } = document;
    expect(totals.vatByRate.map((vat) => vat.ratePercent)).toEqual(['9', '19']);
    expect(text).toContain(`Total HT ${spaced(formatDzd(totals.totalExcludingTax))}`);
    for (const vat of totals.vatByRate) {
      expect(text).toContain(
        `TVA ${vat.ratePercent} % sur ${spaced(formatDzd(vat.base))} ${spaced(formatDzd(vat.amount))}`,
      );
    }
    expect(text).toContain(`Total TVA ${spaced(formatDzd(totals.totalVat))}`);
    expect(text).toContain(`Total TTC ${spaced(formatDzd(totals.totalIncludingTax))}`);
    expect(text).toContain(`Retenue de garantie (5 %) ${spaced(formatDzd(totals.retention))}`);
    expect(text).toContain(`Net à payer ${spaced(formatDzd(totals.netPayable))}`);
    expect(text).not.toContain('TVA non applicable');

    const sentence = invoiceClosingSentence(totals.netPayable);
    expect(sentence).toMatch(/^Arrêtée la présente facture à la somme de : .+ dinars algériens/);
    expect(compact(text)).toContain(compact(sentence));
    expect(text).toContain('Page 1 / 1');
  });

  it('renders the same document to the same bytes', async () => {
    const document = buildDocument(sampleLines);
    const [first, second] = await Promise.all([renderInvoicePdf(document), renderInvoicePdf(document)]);
    expect(first.equals(second)).toBe(true);
  });

  it('prints no VAT for an auto-entrepreneur, and says why', async () => {
    const document = buildDocument(
      [
        {
          orderReference: 'CMD-31-2026-000007',
          itemCode: 'RAC-001',
          designation: 'Raccordement abonné FTTH',
          unit: 'u',
          quantity: '14',
          unitPriceCentimes: 250_000n,
          vatRatePercent: '19',
        },
        {
          orderReference: 'CMD-31-2026-000007',
          itemCode: 'FO-030',
          designation: 'Pose de câble de branchement',
          unit: 'm',
          quantity: '310.75',
          unitPriceCentimes: 8_050n,
          vatRatePercent: '19',
        },
      ],
      { seller: autoEntrepreneur, chargesVat: false, retentionPercent: '5' },
    );
    const text = spaced((await extract(await renderInvoicePdf(document))).pages.join('\n'));

    expect(document.totals.vatByRate).toEqual([]);
    expect(text).not.toContain('TVA 19');
    expect(text).not.toContain('TVA %');
    expect(text).toContain("TVA non applicable — contribuable soumis à l'IFU / auto-entrepreneur (loi 22-23)");
    expect(text).toContain(`Carte auto-entrepreneur n° ${autoEntrepreneur.autoEntrepreneurCardNumber}`);
    expect(text).toContain(`NIF : ${autoEntrepreneur.nif}`);
    expect(text).toContain(`Total TTC ${spaced(formatDzd(document.totals.totalIncludingTax))}`);
    expect(text).toContain(`Net à payer ${spaced(formatDzd(document.totals.netPayable))}`);
    expect(compact(text)).toContain(compact(invoiceClosingSentence(document.totals.netPayable)));
  });

  it('flows 250 lines onto several pages, repeating the header row and numbering the pages', async () => {
    const specs: LineSpec[] = Array.from({ length: 250 }, (_, index) => {
      const n = String(index + 1).padStart(3, '0');
      return {
        orderReference: `CMD-16-2026-000${n}`,
        itemCode: `L-${n}`,
        designation:
          index % 10 === 0 ? `Ligne ${n} : ${LONG_DESIGNATION}` : `Ligne ${n} : pose de câble optique, tronçon ${n}`,
        unit: 'm',
        quantity: `${index + 1}.25`,
        unitPriceCentimes: 10_000n + BigInt(index) * 137n,
        vatRatePercent: index % 3 === 0 ? '9' : '19',
      };
    });
    const document = buildDocument(specs);
    const pdf = await extract(await renderInvoicePdf(document));

    expect(pdf.pageCount).toBeGreaterThan(1);
    const pages = pdf.pages.map(spaced);
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} / ${pdf.pageCount}`));
    // Every page that carries lines starts its table with the header row.
    const pagesWithLines = pages.filter((page) => /L-\d{3}/.test(page));
    expect(pagesWithLines.length).toBeGreaterThan(1);
    for (const page of pagesWithLines)
      expect(page).toMatch(/Commande ?Code ?Désignation ?Unité ?Quantité ?Prix unitaire HT ?TVA % ?Montant HT/);

    const all = compact(pages.join(' '));
    for (const spec of specs) expect(all).toContain(compact(spec.designation));
    // Each line exactly once (no line printed twice across a page break), after the order number of its work.
    for (const spec of specs)
      expect(all.split(compact(`${spec.orderReference}${spec.itemCode}Ligne`)).length - 1).toBe(1);

    const last = pages.at(-1)!;
    for (const vat of document.totals.vatByRate) expect(last).toContain(spaced(formatDzd(vat.amount)));
    expect(last).toContain(`Total TTC ${spaced(formatDzd(document.totals.totalIncludingTax))}`);
    expect(last).toContain(`Net à payer ${spaced(formatDzd(document.totals.netPayable))}`);
  });

  it('keeps the layout when a designation is longer than a page', async () => {
    const huge = `Ligne démesurée : ${'tranchée, câble et chambre de tirage '.repeat(200)}fin`;
    const specs: LineSpec[] = [
      { ...sampleLines[0]!, designation: huge },
      { ...sampleLines[2]!, designation: 'Ligne suivante, intacte' },
    ];
    const document = buildDocument(specs);
    const pdf = await extract(await renderInvoicePdf(document));
    const text = spaced(pdf.pages.join('\n'));
    expect(pdf.pageCount).toBeLessThanOrEqual(3);
    expect(text).toContain('Ligne démesurée : tranchée');
    expect(text).toContain('…');
    expect(text).toContain('Ligne suivante, intacte');
    expect(text).toContain(`Net à payer ${spaced(formatDzd(document.totals.netPayable))}`);
    pdf.pages.forEach((page, index) => expect(spaced(page)).toContain(`Page ${index + 1} / ${pdf.pageCount}`));
  });

  it('marks a draft as such, without number nor date', async () => {
    const document = buildDocument(sampleLines, { number: null, issuedOn: null, dueOn: null });
    const pdf = await extract(await renderInvoicePdf(document));
    const text = spaced(pdf.pages.join('\n'));
    expect(text).toContain('BROUILLON — sans valeur fiscale, numéro attribué à la soumission');
    expect(text).not.toContain('FA-2026');
    expect(text).not.toContain('Échéance');
    expect(pdf.title).toBe('Facture (brouillon) — période 03/2026');
  });

  it('titles a credit note and names the invoice it corrects', async () => {
    const document = buildDocument(sampleLines.slice(0, 1), {
      kind: 'CREDIT_NOTE',
      number: 'AV-2026-00001',
      corrects: { number: 'FA-2026-00001', reason: 'métré surévalué sur le tronçon GC-010' },
    });
    const pdf = await extract(await renderInvoicePdf(document));
    const text = spaced(pdf.pages.join('\n'));
    expect(text).toContain("FACTURE D'AVOIR");
    expect(text).toContain("Facture d'avoir n° AV-2026-00001");
    expect(text).toContain('Avoir sur la facture n° FA-2026-00001 — motif : métré surévalué sur le tronçon GC-010');
    expect(compact(text)).toContain(compact('Arrêté le présent avoir à la somme de :'));
    expect(text).not.toContain('présente facture');
    expect(pdf.title).toBe("Facture d'avoir AV-2026-00001");
  });

  it('refuses a document whose lines do not match its totals', async () => {
    const document = buildDocument(sampleLines);
    const tampered: InvoiceDocument = {
      ...document,
      lines: document.lines.map((line, index) =>
        index === 0 ? { ...line, amountCentimes: line.amountCentimes + 1n } : line,
      ),
    };
    await expect(renderInvoicePdf(tampered)).rejects.toThrow(/lineAmounts/);
  });

  it('prints a seller named and addressed in Arabic legibly (embedded Unicode font), not as Latin-1 garbage', async () => {
    const name = 'شركة الساحل لأشغال الاتصالات';
    const address = 'حي 200 مسكن، باب الزوار، الجزائر';
    const document = buildDocument(sampleLines.slice(0, 1), { seller: { ...seller, name, address } });
    const pdf = await extract(await renderInvoicePdf(document));
    // Shaped Arabic comes back as presentation forms, in visual order: compare letters, NFKC-normalised, either way round
    // (words without the lam-alef ligature, whose two letters keep their logical order inside the glyph).
    const letters = (text: string) =>
      [...text.normalize('NFKC')].filter((character) => /\p{Script=Arabic}/u.test(character)).join('');
    const printed = letters(pdf.pages.join(''));
    for (const word of ['شركة', 'الساحل', 'مسكن', 'باب', 'الزوار', 'الجزائر']) {
      const wanted = letters(word);
      expect(printed.includes(wanted) || printed.includes([...wanted].reverse().join('')), word).toBe(true);
    }
  });
});
