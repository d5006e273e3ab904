import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  problemOf,
  problemProps,
  ProblemNote,
  ProblemsAlert,
  useFocusFirstProblem,
} from '../../components/FormProblems.tsx';
import type { FieldProblem } from '../../lib/errors.ts';
import { startAttempt, useConfirmedAttempt } from './attempt.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { IssueCreditNoteMutation } from './documents.ts';
import { unitLabels } from './labels.ts';
import { checkLineQuantity, LineQuantityInput, problemsByLine, remainingQuantity } from './LineQuantities.tsx';
import { compareQuantities, formatQuantity } from './quantities.ts';
import { lineInWords } from './reasons.ts';

/** A line of the invoice as this form needs it. */
interface CreditableLine {
  readonly id: string;
  readonly orderReference: string;
  readonly itemCode: string;
  readonly designation: string;
  readonly unit: string;
  readonly quantity: string;
  readonly creditedQuantity: string;
}

/** What is credited, as confirmed: the input (with its idempotency key) and each line with its quantity. */
interface PendingCredit {
  readonly input: {
    invoiceId: string;
    expectedVersion: number;
    reason: string;
    lines: { lineId: string; quantity: string }[];
    idempotencyKey: string;
  };
  readonly credits: readonly { line: CreditableLine; quantity: string }[];
}

/**
 * Corrects an issued invoice with a credit note (administrators, and the firm on its own invoices):
 * the lines to credit, ticked, each with its quantity (at most what is invoiced and not yet
 * credited), and the reason printed on the credit note; after a confirmation showing what is
 * credited, it is issued at the invoiced prices. A network failure sends the same attempt (same key)
 * again; the API's refusals are said beside the line or the reason they concern.
 */
export function IssueCreditNote({
  invoice,
  onIssued,
}: {
  invoice: { id: string; version: number; lines: readonly CreditableLine[] };
  onIssued: (number: string) => void;
}) {
  const { t } = useTranslation();
  const [state, issue] = useMutation(IssueCreditNoteMutation);
  const [open, setOpen] = useState(false);
  // Line id → the quantity typed, for the lines ticked.
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  // What is wrong, each tied to a line's id, to 'reason', or to nothing (the credit note as a whole).
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const attempt = useConfirmedAttempt<PendingCredit>();
  const lines = invoice.lines.filter((line) => compareQuantities(remainingQuantity(line), '0') > 0);
  // After a refusal (and only then), focus goes to the first line refused, else the reason, else the alert.
  const { scope, alert } = useFocusFirstProblem<HTMLElement>(problems);

  if (lines.length === 0) return null;

  function review(event: FormEvent) {
    event.preventDefault();
    const found: FieldProblem[] = [];
    const credits: { line: CreditableLine; quantity: string }[] = [];
    for (const line of lines) {
      const typed = chosen[line.id];
      if (typed === undefined) continue;
      const most = remainingQuantity(line);
      const checked = checkLineQuantity(t, typed, line, {
        most,
        tooMuch: t('Au plus {{quantity}} : ce qui reste à créditer.', { quantity: formatQuantity(most) }),
        zeroAllowed: false,
      });
      if (checked.problem !== undefined) found.push({ field: line.id, message: checked.problem });
      else credits.push({ line, quantity: checked.quantity });
    }
    if (Object.keys(chosen).length === 0)
      found.push({ field: null, message: t('Cochez au moins une ligne à créditer.') });
    if (reason.trim() === '')
      found.push({ field: 'reason', message: t('Indiquez le motif : il est imprimé sur l’avoir.') });
    setProblems(found);
    if (found.length > 0) return;
    attempt.confirm({
      input: startAttempt({
        invoiceId: invoice.id,
        expectedVersion: invoice.version,
        reason: reason.trim(),
        lines: credits.map(({ line, quantity }) => ({ lineId: line.id, quantity })),
      }),
      credits,
    });
  }

  async function send() {
    const answer = await attempt.send((pending) => issue({ input: pending.input }));
    if (!answer) return;
    const { outcome, sent } = answer;
    if (outcome.error) {
      // Quantities over what remains to credit: the API says how much remains, by the field refused.
      const remaining = new Map(
        outcome.error.graphQLErrors
          .filter((e) => e.extensions?.['code'] === 'AMOUNT_EXCEEDS_BALANCE')
          .map((e) => [String(e.extensions?.['field']), String(e.extensions?.['remainingQuantity'])]),
      );
      // The API names a credited line's field by its place in the input: lines.N.quantity.
      setProblems(
        problemsByLine(
          outcome.error,
          'lines',
          sent.input.lines.map((line) => line.lineId),
          {
            otherKey: (field) => (field === 'reason' ? 'reason' : null),
            message: (problem) => {
              const most = problem.field ? remaining.get(problem.field) : undefined;
              return most
                ? t('Au plus {{quantity}} : ce qui reste à créditer.', { quantity: formatQuantity(most) })
                : problem.message;
            },
          },
        ),
      );
      return;
    }
    setChosen({});
    setReason('');
    setProblems([]);
    setOpen(false);
    onIssued(outcome.data!.issueCreditNote.creditNote.number);
  }

  const unit = (line: CreditableLine) => t(unitLabels[line.unit] ?? line.unit);

  if (!open) {
    return (
      <div className="actions">
        <button type="button" onClick={() => setOpen(true)}>
          {t('Émettre un avoir…')}
        </button>
      </div>
    );
  }

  return (
    <section ref={scope} className="invoice-step" aria-labelledby="credit-note-heading">
      <h2 id="credit-note-heading">{t('Émettre un avoir')}</h2>
      <p>
        {t(
          'Un avoir corrige cette facture sans la modifier : cochez les lignes à créditer et la quantité de chacune. Il est émis aux prix facturés, avec la TVA et la retenue de la facture, et déduit de son reste dû.',
        )}
      </p>
      <form onSubmit={review} noValidate>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('Créditer')}</th>
              <th scope="col">{t('Commande')}</th>
              <th scope="col">{t('Code')}</th>
              <th scope="col">{t('Désignation')}</th>
              <th scope="col" className="number">
                {t('Reste à créditer')}
              </th>
              <th scope="col">{t('Quantité créditée')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const typed = chosen[line.id];
              return (
                <tr key={line.id} data-testid="creditable-line">
                  <td>
                    <input
                      type="checkbox"
                      checked={typed !== undefined}
                      onChange={(event) => {
                        const next = { ...chosen };
                        if (event.target.checked) next[line.id] = formatQuantity(remainingQuantity(line));
                        else delete next[line.id];
                        setChosen(next);
                      }}
                      aria-label={t('Créditer la ligne {{code}} {{designation}} de la commande {{order}}', {
                        code: line.itemCode,
                        designation: line.designation,
                        order: line.orderReference,
                      })}
                    />
                  </td>
                  <td>
                    <bdi>{line.orderReference}</bdi>
                  </td>
                  <td>
                    <bdi>{line.itemCode}</bdi>
                  </td>
                  <td>
                    <bdi>{line.designation}</bdi>
                  </td>
                  <td className="number">
                    <bdi>
                      {formatQuantity(remainingQuantity(line))} {unit(line)}
                    </bdi>
                  </td>
                  <td>
                    <bdi>
                      {typed !== undefined && (
                        <LineQuantityInput
                          id={`credit-${line.id}`}
                          label={t('Quantité créditée pour la ligne {{code}} de la commande {{order}}', {
                            code: line.itemCode,
                            order: line.orderReference,
                          })}
                          unit={unit(line)}
                          value={typed}
                          problem={problemOf(problems, line.id)}
                          onChange={(value) => setChosen({ ...chosen, [line.id]: value })}
                        />
                      )}
                    </bdi>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="reason-form">
          <label htmlFor="credit-reason">{t('Motif (imprimé sur l’avoir)')}</label>
          <textarea
            dir="auto"
            id="credit-reason"
            rows={2}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            {...problemProps('credit-reason', problemOf(problems, 'reason'))}
          />
          <ProblemNote id="credit-reason" problem={problemOf(problems, 'reason')} />
        </div>
        <div className="form-actions">
          <button type="submit">{t('Émettre l’avoir…')}</button>
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              setProblems([]);
            }}
          >
            {t('Annuler')}
          </button>
        </div>
      </form>
      <ProblemsAlert ref={alert} problems={problems} fields={[...lines.map((line) => line.id), 'reason']} />
      {attempt.pending && (
        <ConfirmDialog
          title={t('Émettre un avoir sur cette facture ?')}
          confirmLabel={t('Confirmer l’avoir')}
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
                  {t('Crédité')}
                </th>
              </tr>
            </thead>
            <tbody>
              {attempt.pending.credits.map(({ line, quantity }) => (
                <tr key={line.id} data-testid="credit-summary">
                  <td>
                    <bdi>{lineInWords(line)}</bdi>
                  </td>
                  <td className="number">
                    <bdi>
                      {formatQuantity(quantity)} {unit(line)}
                    </bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t('Motif : {{reason}}', { reason: attempt.pending.input.reason })}</p>
          <p>{t('Un avoir émis ne s’annule pas : il reçoit son numéro et il est déduit du reste dû de la facture.')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
