import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatDzd } from '../../lib/format.ts';
import { unitLabels } from './labels.ts';
import { downloadPdf } from './pdf.ts';
import { formatQuantity } from './quantities.ts';
import { creditNoteReasonInWords, type LineRef } from './reasons.ts';

/** A credit note as the invoice page reads it. */
interface CreditNoteRow {
  readonly id: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly reason: string;
  readonly pdfPath: string;
  readonly netPayable: { readonly centimes: string };
  readonly lines: readonly {
    readonly id: string;
    readonly invoiceLineId: string;
    readonly itemCode: string;
    readonly quantity: string;
    readonly unit: string;
  }[];
}

/**
 * The credit notes issued on an invoice: number, date, why, what is credited (each line named by the
 * order number of its work, among the invoice's `lines`), the net credited, and each one's PDF.
 */
export function CreditNotes({
  creditNotes,
  lines,
}: {
  creditNotes: readonly CreditNoteRow[];
  lines: readonly LineRef[];
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);

  async function download(creditNote: CreditNoteRow) {
    const refused = await downloadPdf(creditNote.pdfPath, `avoir-${creditNote.number}.pdf`);
    setFailure(refused === null ? null : t('Le PDF n’a pas pu être obtenu ({{status}}).', { status: refused }));
  }

  return (
    <>
      <h2>{t('Avoirs')}</h2>
      {creditNotes.length === 0 ? (
        <p className="state">{t('Aucun avoir émis sur cette facture.')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('Numéro')}</th>
              <th scope="col">{t('Émis le')}</th>
              <th scope="col">{t('Motif')}</th>
              <th scope="col">{t('Crédité')}</th>
              <th scope="col" className="number">
                {t('Net crédité')}
              </th>
              <th scope="col">{t('PDF')}</th>
            </tr>
          </thead>
          <tbody>
            {creditNotes.map((creditNote) => (
              <tr key={creditNote.id} data-testid="credit-note-row">
                <td>
                  <bdi>{creditNote.number}</bdi>
                </td>
                <td>
                  <bdi>{formatCalendarDate(creditNote.issuedOn)}</bdi>
                </td>
                <td>
                  <bdi>{creditNoteReasonInWords(creditNote.reason, lines)}</bdi>
                </td>
                <td>
                  <bdi>
                    {creditNote.lines
                      .map((line) => {
                        // A credit note credits lines of its own invoice: each is among `lines`.
                        const credited = lines.find((invoiceLine) => invoiceLine.id === line.invoiceLineId)!;
                        return `${credited.orderReference} ${line.itemCode} × ${formatQuantity(line.quantity)} ${t(unitLabels[line.unit] ?? line.unit)}`;
                      })
                      .join(', ')}
                  </bdi>
                </td>
                <td className="number">
                  <bdi>{formatDzd(creditNote.netPayable.centimes)}</bdi>
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => void download(creditNote)}
                    aria-label={t('Télécharger l’avoir {{number}} en PDF', { number: creditNote.number })}
                  >
                    {t('PDF')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {failure && (
        <p role="alert" className="state state-error">
          {failure}
        </p>
      )}
    </>
  );
}
