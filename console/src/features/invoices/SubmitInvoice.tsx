import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ProblemsAlert, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatCount, formatDzd } from '../../lib/format.ts';
import { startAttempt, useConfirmedAttempt } from './attempt.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { SubmitInvoiceMutation } from './documents.ts';

/** What is submitted, as the contractor confirmed it: the input (with its idempotency key) and the figures shown. */
interface PendingSubmission {
  readonly input: { id: string; expectedVersion: number; idempotencyKey: string };
  readonly netPayable: string;
  readonly lineCount: number;
}

/**
 * The DRAFT invoice submitted, after a confirmation showing what is submitted (lines and net payable,
 * as seen when asked): numbered by the server, the invoice goes to approval. The firm's own users are
 * spoken to as its issuer, anyone else who may submit it (an administrator) as acting for the firm
 * (`viewerIsIssuer`, the API's answer). The attempt keeps its idempotency key and version when it is
 * sent again after a network failure.
 */
export function SubmitInvoice({
  invoice,
  onSubmitted,
}: {
  invoice: {
    id: string;
    version: number;
    period: string;
    netPayable: { centimes: string };
    lines: readonly unknown[];
    viewerIsIssuer: boolean;
  };
  onSubmitted: (number: string | null) => void;
}) {
  const { t } = useTranslation();
  const [state, submit] = useMutation(SubmitInvoiceMutation);
  const attempt = useConfirmedAttempt<PendingSubmission>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const { alert } = useFocusFirstProblem(problems);

  function ask() {
    setProblems([]);
    attempt.confirm({
      input: startAttempt({ id: invoice.id, expectedVersion: invoice.version }),
      netPayable: invoice.netPayable.centimes,
      lineCount: invoice.lines.length,
    });
  }

  async function send() {
    const answer = await attempt.send((pending) => submit({ input: pending.input }));
    if (!answer) return;
    const { outcome } = answer;
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    onSubmitted(outcome.data?.submitInvoice.invoice.number ?? null);
  }

  return (
    <section className="invoice-step" aria-labelledby="submit-heading">
      <h2 id="submit-heading">{t('Soumettre la facture')}</h2>
      <p className="muted">
        {invoice.viewerIsIssuer
          ? t(
              'Ce brouillon s’enrichit à chaque réception de votre travail. Soumettez-le pour le faire approuver puis payer ; à défaut, il est soumis automatiquement à la fin du mois.',
            )
          : t(
              'Ce brouillon s’enrichit à chaque réception du travail de la firme. Le soumettre pour elle l’envoie en approbation puis au paiement ; à défaut, il est soumis automatiquement à la fin du mois.',
            )}
      </p>
      <button type="button" onClick={ask}>
        {t('Soumettre la facture…')}
      </button>
      <ProblemsAlert ref={alert} problems={problems} />
      {attempt.pending && (
        <ConfirmDialog
          title={t('Soumettre la facture du mois {{period}} ?', { period: invoice.period })}
          confirmLabel={t('Confirmer la soumission')}
          busy={state.fetching}
          unsent={attempt.unsent}
          onConfirm={() => void send()}
          onCancel={attempt.cancel}
        >
          <dl className="details">
            <dt>{t('Lignes')}</dt>
            <dd>
              <bdi>{formatCount(attempt.pending.lineCount)}</bdi>
            </dd>
            <dt>{t('Net à payer')}</dt>
            <dd data-testid="submit-net-payable">
              <strong>{formatDzd(attempt.pending.netPayable)}</strong>
            </dd>
          </dl>
          <p>
            {t(
              'Une fois soumise, la facture reçoit son numéro et ses lignes ne changent plus : le travail réceptionné ensuite ira sur une nouvelle facture.',
            )}
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
