import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime, formatCalendarDate, formatDays } from '../../lib/format.ts';
import { ApproveInvoiceMutation, type InvoiceData } from './documents.ts';
import { downloadPdf } from './pdf.ts';
import { statusReasonInWords } from './reasons.ts';
import { StatusBadge } from '../../components/StatusBadge.tsx';

/**
 * The head of an invoice's page: its number (or month, for a draft), status, firm, dates and the
 * reason of its status; the last action's outcome (`notice`); the PDF, and the approval and revision
 * request when the API says the viewer may (`viewerCan`). Refusals go to `onProblems`.
 */
export function InvoiceHeader({
  invoice,
  notice,
  revising,
  onRevisingChange,
  onProblems,
}: {
  invoice: InvoiceData;
  notice: string | null;
  revising: boolean;
  onRevisingChange: (revising: boolean) => void;
  onProblems: (problems: FieldProblem[]) => void;
}) {
  const { t } = useTranslation();
  const [approval, approve] = useMutation(ApproveInvoiceMutation);

  async function downloadInvoicePdf() {
    const refused = await downloadPdf(invoice.pdfPath, `facture-${invoice.number ?? `brouillon-${invoice.id}`}.pdf`);
    onProblems(
      refused === null
        ? []
        : [{ field: null, message: t('Le PDF n’a pas pu être obtenu ({{status}}).', { status: refused }) }],
    );
  }

  async function approveIt() {
    const outcome = await approve({ input: { id: invoice.id, expectedVersion: invoice.version } });
    onProblems(outcome.error ? problemsOf(outcome.error) : []);
  }

  return (
    <>
      <h1>
        {invoice.number
          ? t('Facture {{number}}', { number: invoice.number })
          : t('Facture en cours — {{period}}', { period: invoice.period })}
      </h1>
      <p>
        <StatusBadge family="invoice" status={invoice.status} testId="invoice-status" />{' '}
        <span className="muted">
          {[
            invoice.contractor?.legalName,
            t('mois {{period}}', { period: invoice.period }),
            invoice.issuedOn && t('émise le {{date}}', { date: formatCalendarDate(invoice.issuedOn) }),
            invoice.dueOn && t('échéance {{date}}', { date: formatCalendarDate(invoice.dueOn) }),
            invoice.approvedAt && t('approuvée le {{date}}', { date: formatAlgiersDateTime(invoice.approvedAt) }),
            invoice.daysOverdue ? t('en retard de {{days}}', { days: formatDays(invoice.daysOverdue) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </p>
      {invoice.statusReason && (
        <p className="muted" data-testid="invoice-status-reason">
          {t('Motif : {{reason}}', {
            reason: statusReasonInWords(
              invoice.statusReason,
              invoice.lines.filter((line) => line.rejectionReason !== null),
            ),
          })}
        </p>
      )}
      {notice && (
        <p role="status" className="state state-success">
          {notice}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void downloadInvoicePdf()}>
          {t('Télécharger le PDF')}
        </button>
        {invoice.viewerCan.approve && (
          <button type="button" onClick={() => void approveIt()} disabled={approval.fetching}>
            {t('Approuver pour paiement')}
          </button>
        )}
        {invoice.viewerCan.requestRevision && (
          <button type="button" onClick={() => onRevisingChange(!revising)} aria-pressed={revising}>
            {t('Demander une révision')}
          </button>
        )}
      </div>
    </>
  );
}
