import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatDzd } from '../../lib/format.ts';
import { RequestInvoiceRevisionMutation, type InvoiceData } from './documents.ts';
import { unitLabels } from './labels.ts';
import { formatQuantity } from './quantities.ts';

/**
 * An invoice's lines, each named by the order number of the work it bills (a link to that work),
 * with why it was rejected and what is credited of it. While a revision request is written
 * (`rejected`: line id → why it is rejected; null otherwise), each line can be rejected with its
 * reason and the request sent (`requestInvoiceRevision`), after which `onRejectedChange(null)`.
 * Refusals go to `onProblems`.
 */
export function InvoiceLines({
  invoice,
  rejected,
  onRejectedChange: setRejected,
  onProblems,
}: {
  invoice: InvoiceData;
  rejected: Record<string, string> | null;
  onRejectedChange: (rejected: Record<string, string> | null) => void;
  onProblems: (problems: FieldProblem[]) => void;
}) {
  const { t } = useTranslation();
  const [revision, requestRevision] = useMutation(RequestInvoiceRevisionMutation);
  // Only the real regime carries VAT (IFU and auto-entrepreneurs invoice without it).
  const withVat = invoice.fiscalRegime === 'REAL';

  async function sendRevision(event: FormEvent) {
    event.preventDefault();
    if (!rejected) return;
    const rejectedLines = Object.entries(rejected).map(([lineId, reason]) => ({ lineId, reason: reason.trim() }));
    if (rejectedLines.length === 0 || rejectedLines.some((line) => line.reason === '')) {
      onProblems([
        { field: null, message: t('Cochez au moins une ligne et dites pour chacune pourquoi elle est refusée.') },
      ]);
      return;
    }
    const outcome = await requestRevision({
      input: { id: invoice.id, expectedVersion: invoice.version, rejectedLines },
    });
    if (outcome.error) {
      onProblems(problemsOf(outcome.error));
      return;
    }
    onProblems([]);
    setRejected(null);
  }

  return (
    <>
      <h2>{t('Lignes')}</h2>
      <form onSubmit={sendRevision} id="revision-form" />
      {rejected && (
        <p className="muted" role="status">
          {t(
            'Cochez les lignes refusées et donnez la raison de chacune ; le contractant les corrige et soumet à nouveau.',
          )}
        </p>
      )}
      {invoice.lines.length === 0 ? (
        <p className="state">{t('Aucune ligne : aucun travail réceptionné n’est encore facturé ce mois-ci.')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {rejected && <th scope="col">{t('Refuser')}</th>}
              <th scope="col">{t('Commande')}</th>
              <th scope="col">{t('Code')}</th>
              <th scope="col">{t('Désignation')}</th>
              <th scope="col" className="number">
                {t('Quantité')}
              </th>
              <th scope="col" className="number">
                {t('Prix unitaire HT')}
              </th>
              <th scope="col" className="number">
                {t('TVA')}
              </th>
              <th scope="col" className="number">
                {t('Montant HT')}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line) => (
              <tr key={line.id} data-testid="invoice-line">
                {rejected && (
                  <td>
                    <bdi>
                      <input
                        type="checkbox"
                        form="revision-form"
                        aria-label={t('Refuser la ligne {{code}} {{designation}} de la commande {{order}}', {
                          code: line.itemCode,
                          designation: line.designation,
                          order: line.orderReference,
                        })}
                        checked={line.id in rejected}
                        onChange={(event) => {
                          const next = { ...rejected };
                          if (event.target.checked) next[line.id] = '';
                          else delete next[line.id];
                          setRejected(next);
                        }}
                      />
                      {line.id in rejected && (
                        <input
                          dir="auto"
                          form="revision-form"
                          aria-label={t('Raison du refus de la ligne {{code}} de la commande {{order}}', {
                            code: line.itemCode,
                            order: line.orderReference,
                          })}
                          value={rejected[line.id]}
                          onChange={(event) => setRejected({ ...rejected, [line.id]: event.target.value })}
                        />
                      )}
                    </bdi>
                  </td>
                )}
                <td>
                  <Link to={`/raccordements/${line.customerSubscriptionId}`}>{line.orderReference}</Link>
                </td>
                <td>
                  <bdi>{line.itemCode}</bdi>
                </td>
                <td>
                  <bdi>
                    {line.designation}
                    {line.rejectionReason && (
                      <span className="field-problem">
                        {' '}
                        — {t('refusée : {{reason}}', { reason: line.rejectionReason })}
                      </span>
                    )}
                    {line.creditedQuantity !== '0' && (
                      <span className="muted">
                        {' '}
                        —{' '}
                        {t('crédité : {{quantity}}', {
                          quantity: `${formatQuantity(line.creditedQuantity)} ${t(unitLabels[line.unit] ?? line.unit)}`,
                        })}
                      </span>
                    )}
                  </bdi>
                </td>
                <td className="number">
                  <bdi>
                    {formatQuantity(line.quantity)} {t(unitLabels[line.unit] ?? line.unit)}
                  </bdi>
                </td>
                <td className="number">
                  <bdi>{formatDzd(line.unitPrice.centimes)}</bdi>
                </td>
                <td className="number">
                  <bdi>{withVat ? `${formatQuantity(line.vatRatePercent)} %` : '—'}</bdi>
                </td>
                <td className="number">
                  <bdi>{formatDzd(line.amount.centimes)}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rejected && (
        <div className="form-actions">
          <button type="submit" form="revision-form" disabled={revision.fetching}>
            {t('Envoyer la demande de révision')}
          </button>
        </div>
      )}
    </>
  );
}
