import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, ProblemsAlert, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import type { FieldProblem } from '../../lib/errors.ts';
import { startAttempt, useConfirmedAttempt } from './attempt.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ResubmitInvoiceMutation } from './documents.ts';
import { unitLabels } from './labels.ts';
import { checkLineQuantity, LineQuantityInput, problemsByLine, remainingQuantity } from './LineQuantities.tsx';
import { formatQuantity, subtractQuantities } from './quantities.ts';
import { lineInWords } from './reasons.ts';

/** A line of the invoice as this form needs it. */
interface RevisableLine {
  readonly id: string;
  readonly orderReference: string;
  readonly itemCode: string;
  readonly designation: string;
  readonly unit: string;
  readonly quantity: string;
  readonly creditedQuantity: string;
  readonly rejectionReason?: string | null | undefined;
}

/** A revised line as confirmed: what is now claimed and what is withdrawn (credited). */
interface Revision {
  readonly line: RevisableLine;
  readonly claimed: string;
  readonly withdrawn: string;
}

/** What is resubmitted, as the contractor confirmed it: the input (with its idempotency key) and the revisions shown. */
interface PendingResubmission {
  readonly input: {
    id: string;
    expectedVersion: number;
    revisedLines: { lineId: string; quantity: string }[];
    idempotencyKey: string;
  };
  readonly revisions: readonly Revision[];
}

/**
 * The contractor answers a revision request: for each line AT rejected (shown with AT's reason) the
 * quantity it now claims, from 0 (withdrawn) to what was invoiced (maintained); after a confirmation
 * showing what is withdrawn, it resubmits. The server credits what is withdrawn by a credit note;
 * the invoice keeps its number. A network failure sends the same attempt (same key) again.
 */
export function ResubmitInvoice({
  invoice,
  onResubmitted,
}: {
  invoice: {
    id: string;
    version: number;
    number?: string | null | undefined;
    lines: readonly RevisableLine[];
    viewerIsIssuer: boolean;
  };
  onResubmitted: (creditNoteNumber: string | null) => void;
}) {
  const { t } = useTranslation();
  const [state, resubmit] = useMutation(ResubmitInvoiceMutation);
  const rejected = invoice.lines.filter((line) => line.rejectionReason);
  // Line id → the quantity typed; a line not typed yet claims all it may.
  const [typed, setTyped] = useState<Record<string, string>>({});
  // What is wrong, each tied to a line's id or to nothing (the invoice as a whole).
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const attempt = useConfirmedAttempt<PendingResubmission>();
  // After a refusal (and only then), focus goes to the first line refused, else to the alert.
  const { scope, alert } = useFocusFirstProblem<HTMLElement>(problems);

  const valueOf = (line: RevisableLine) => typed[line.id] ?? formatQuantity(remainingQuantity(line));

  function review(event: FormEvent) {
    event.preventDefault();
    const found: FieldProblem[] = [];
    const revisions: Revision[] = [];
    for (const line of rejected) {
      const most = remainingQuantity(line);
      const checked = checkLineQuantity(t, valueOf(line), line, {
        most,
        tooMuch: t('Au plus {{quantity}} : la quantité facturée.', { quantity: formatQuantity(most) }),
        zeroAllowed: true,
      });
      if (checked.problem !== undefined) found.push({ field: line.id, message: checked.problem });
      else revisions.push({ line, claimed: checked.quantity, withdrawn: subtractQuantities(most, checked.quantity) });
    }
    setProblems(found);
    if (found.length > 0) return;
    attempt.confirm({
      input: startAttempt({
        id: invoice.id,
        expectedVersion: invoice.version,
        revisedLines: revisions.map(({ line, claimed }) => ({ lineId: line.id, quantity: claimed })),
      }),
      revisions,
    });
  }

  async function send() {
    const answer = await attempt.send((pending) => resubmit({ input: pending.input }));
    if (!answer) return;
    const { outcome, sent } = answer;
    if (outcome.error) {
      // The API names a revised line's field by its place in the input: revisedLines.N.quantity.
      setProblems(
        problemsByLine(
          outcome.error,
          'revisedLines',
          sent.input.revisedLines.map((line) => line.lineId),
        ),
      );
      return;
    }
    setTyped({});
    setProblems([]);
    const withdrawn = sent.revisions.some((revision) => revision.withdrawn !== '0');
    onResubmitted(withdrawn ? (outcome.data?.resubmitInvoice.invoice.creditNotes.at(-1)?.number ?? null) : null);
  }

  const unit = (line: RevisableLine) => t(unitLabels[line.unit] ?? line.unit);

  return (
    <section ref={scope} className="invoice-step" aria-labelledby="resubmit-heading">
      <h2 id="resubmit-heading">{t('Répondre à la demande de révision')}</h2>
      <p>
        {invoice.viewerIsIssuer
          ? t(
              'Algérie Télécom a refusé les lignes ci-dessous. Pour chacune, indiquez la quantité que vous réclamez maintenant : de 0 (ligne retirée) à la quantité facturée (ligne maintenue). Ce que vous retirez est crédité par un avoir émis sur cette facture, qui garde son numéro et repart en approbation.',
            )
          : t(
              'Algérie Télécom a refusé les lignes ci-dessous. Pour chacune, indiquez la quantité que la firme réclame maintenant : de 0 (ligne retirée) à la quantité facturée (ligne maintenue). Ce qui est retiré est crédité par un avoir émis sur cette facture, qui garde son numéro et repart en approbation.',
            )}
      </p>
      <form onSubmit={review} noValidate>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('Commande')}</th>
              <th scope="col">{t('Code')}</th>
              <th scope="col">{t('Désignation')}</th>
              <th scope="col">{t('Motif du refus')}</th>
              <th scope="col" className="number">
                {t('Facturé')}
              </th>
              <th scope="col">{t('Quantité réclamée')}</th>
            </tr>
          </thead>
          <tbody>
            {rejected.map((line) => (
              <tr key={line.id} data-testid="rejected-line">
                <td>
                  <bdi>{line.orderReference}</bdi>
                </td>
                <td>
                  <bdi>{line.itemCode}</bdi>
                </td>
                <td>
                  <bdi>{line.designation}</bdi>
                </td>
                <td>
                  <bdi>{line.rejectionReason}</bdi>
                </td>
                <td className="number">
                  <bdi>
                    {formatQuantity(remainingQuantity(line))} {unit(line)}
                  </bdi>
                </td>
                <td>
                  <LineQuantityInput
                    id={`claim-${line.id}`}
                    label={t('Quantité réclamée pour la ligne {{code}} de la commande {{order}}', {
                      code: line.itemCode,
                      order: line.orderReference,
                    })}
                    unit={unit(line)}
                    value={valueOf(line)}
                    problem={problemOf(problems, line.id)}
                    onChange={(value) => setTyped({ ...typed, [line.id]: value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <button type="submit">{t('Soumettre à nouveau…')}</button>
        </div>
      </form>
      <ProblemsAlert ref={alert} problems={problems} fields={rejected.map((line) => line.id)} />
      {attempt.pending && (
        <ConfirmDialog
          title={
            invoice.number
              ? t('Soumettre à nouveau la facture {{number}} ?', { number: invoice.number })
              : t('Soumettre à nouveau la facture ?')
          }
          confirmLabel={t('Confirmer la nouvelle soumission')}
          busy={state.fetching}
          unsent={attempt.unsent}
          onConfirm={() => void send()}
          onCancel={attempt.cancel}
        >
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Ligne')}</th>
                <th scope="col" className="number">
                  {t('Réclamé')}
                </th>
                <th scope="col" className="number">
                  {t('Retiré (crédité)')}
                </th>
              </tr>
            </thead>
            <tbody>
              {attempt.pending.revisions.map(({ line, claimed, withdrawn }) => (
                <tr key={line.id} data-testid="revision-summary">
                  <td>
                    <bdi>{lineInWords(line)}</bdi>
                  </td>
                  <td className="number">
                    <bdi>
                      {formatQuantity(claimed)} {unit(line)}
                    </bdi>
                  </td>
                  <td className="number">
                    <bdi>
                      {formatQuantity(withdrawn)} {unit(line)}
                    </bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {attempt.pending.revisions.some((revision) => revision.withdrawn !== '0')
              ? t(
                  'Un avoir sera émis sur cette facture pour ce qui est retiré, aux prix facturés ; il est déduit du reste dû.',
                )
              : t('Toutes les lignes sont maintenues : aucun avoir ne sera émis.')}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
