import { useState } from 'react';
import { BackLink } from '../../components/BackLink.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ProblemsAlert, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { ServiceLevelClocks } from '../../components/ServiceLevelClocks.tsx';
import type { FieldProblem } from '../../lib/errors.ts';
import { useReadAgainOnChange } from '../../lib/live.ts';
import { CreditNotes } from './CreditNotes.tsx';
import { InvoiceChangedSubscription, InvoiceQuery } from './documents.ts';
import { InvoiceHeader } from './InvoiceHeader.tsx';
import { InvoiceLines } from './InvoiceLines.tsx';
import { InvoicePayments } from './InvoicePayments.tsx';
import { InvoiceTotals } from './InvoiceTotals.tsx';
import { IssueCreditNote } from './IssueCreditNote.tsx';
import { ResubmitInvoice } from './ResubmitInvoice.tsx';
import { SubmitInvoice } from './SubmitInvoice.tsx';

/**
 * One invoice, in panels: its head and actions (InvoiceHeader), lines (InvoiceLines), figures
 * (InvoiceTotals), payments (InvoicePayments) and credit notes (CreditNotes, IssueCreditNote). Each
 * action is offered when the API says the viewer may do it (`viewerCan`): the contractor (or an
 * administrator for it, addressed as such: `viewerIsIssuer`) submits its draft or answers a revision
 * request; AT approves or sends it back line by line; finance records
 * payments; an administrator (or the firm) corrects an issued invoice with a credit note. It follows
 * `invoiceChanged` for this invoice, so a DRAFT grows on screen as work is accepted.
 */
export function InvoicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [result, reexecute] = useQuery({ query: InvoiceQuery, variables: { id } });
  useReadAgainOnChange({ query: InvoiceChangedSubscription, variables: { invoiceId: id } }, reexecute);
  // Line id → why it is rejected, while a revision request is being written (null otherwise).
  const [rejected, setRejected] = useState<Record<string, string> | null>(null);
  // The refusals of the head's actions and of the revision request (the payment form keeps its own).
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // After a refusal, focus goes to the alert that says why.
  const { alert } = useFocusFirstProblem(problems);
  const invoice = result.data?.invoice;

  if (result.data && !invoice) {
    return (
      <section>
        <h1>{t('Facture introuvable')}</h1>
        <p>
          {t('Aucune facture n’a l’identifiant « {{id}} », ou elle est hors de votre périmètre.', { id })}{' '}
          <Link to="/factures">{t('Retour aux factures')}</Link>
        </p>
      </section>
    );
  }

  const report = (found: FieldProblem[]) => {
    setNotice(null);
    setProblems(found);
  };

  return (
    <section>
      <p>
        <BackLink to="/factures">{t('Factures')}</BackLink>
      </p>
      <QueryState
        shape="details"
        fetching={result.fetching && !invoice}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {invoice && (
        <>
          <InvoiceHeader
            invoice={invoice}
            notice={notice}
            revising={rejected !== null}
            onRevisingChange={(revising) => setRejected(revising ? {} : null)}
            onProblems={report}
          />
          {invoice.viewerCan.submit && (
            <SubmitInvoice
              invoice={invoice}
              onSubmitted={(number) =>
                setNotice(
                  number
                    ? t('Facture soumise sous le numéro {{number}} : elle part en approbation.', { number })
                    : t('Facture soumise : elle part en approbation.'),
                )
              }
            />
          )}
          {invoice.viewerCan.resubmit && (
            <ResubmitInvoice
              invoice={invoice}
              onResubmitted={(creditNote) =>
                setNotice(
                  creditNote
                    ? t('Facture soumise à nouveau ; ce qui est retiré est crédité par l’avoir {{number}}.', {
                        number: creditNote,
                      })
                    : t('Facture soumise à nouveau, toutes les lignes maintenues.'),
                )
              }
            />
          )}
          <InvoiceLines invoice={invoice} rejected={rejected} onRejectedChange={setRejected} onProblems={report} />
          <InvoiceTotals invoice={invoice} />
          <InvoicePayments invoice={invoice} />
          <ProblemsAlert ref={alert} problems={problems} />
          <CreditNotes creditNotes={invoice.creditNotes} lines={invoice.lines} />
          {invoice.viewerCan.issueCreditNote && (
            <IssueCreditNote
              key={invoice.id}
              invoice={invoice}
              onIssued={(number) => {
                setNotice(t('Avoir {{number}} émis : il est déduit du reste dû de la facture.', { number }));
                reexecute({ requestPolicy: 'network-only' });
              }}
            />
          )}
          <ServiceLevelClocks clocks={invoice.serviceLevelClocks} />
        </>
      )}
    </section>
  );
}
