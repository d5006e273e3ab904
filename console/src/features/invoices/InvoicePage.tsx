import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime, formatCalendarDate, formatDays, formatDzd } from '../../lib/format.ts';
import { MeQuery } from '../auth/documents.ts';
import { CreditNotes } from './CreditNotes.tsx';
import {
  ApproveInvoiceMutation,
  InvoiceChangedSubscription,
  InvoiceQuery,
  RecordInvoicePaymentMutation,
  RequestInvoiceRevisionMutation,
} from './documents.ts';
import { algiersToday } from './dates.ts';
import { IssueCreditNote } from './IssueCreditNote.tsx';
import { invoiceStatusLabels, paymentMethodLabels, unitLabels } from './labels.ts';
import { downloadPdf } from './pdf.ts';
import { formatQuantity } from './quantities.ts';
import { statusReasonInWords } from './reasons.ts';
import { ResubmitInvoice } from './ResubmitInvoice.tsx';
import { SubmitInvoice } from './SubmitInvoice.tsx';

// Who may do what (server/src/modules/auth/permissions.ts); the services narrow further (a firm its
// own invoices, a DOT manager those whose work lies in its wilayas).
const approvers = ['ADMIN', 'DOT_MANAGER', 'FINANCE'];
const payers = ['ADMIN', 'FINANCE'];
const issuers = ['ADMIN', 'CONTRACTOR'];

const paymentFields = ['amount', 'paidOn', 'reference'];

/**
 * One invoice: lines, VAT, retention, net payable, payments, credit notes, and the actions the
 * viewer's role allows in its status — the contractor submits its draft or answers a revision
 * request; AT approves or sends it back line by line; finance records payments; an administrator
 * (or the firm) corrects an issued invoice with a credit note. It follows
 * `invoiceChanged` for this invoice, so a DRAFT grows on screen as work is accepted.
 */
export function InvoicePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [me] = useQuery({ query: MeQuery });
  const [result, reexecute] = useQuery({ query: InvoiceQuery, variables: { id } });
  const [live] = useSubscription({ query: InvoiceChangedSubscription, variables: { invoiceId: id } });
  const [approval, approve] = useMutation(ApproveInvoiceMutation);
  const [payment, pay] = useMutation(RecordInvoicePaymentMutation);
  const [revision, requestRevision] = useMutation(RequestInvoiceRevisionMutation);
  // Line id → why it is rejected, while a revision request is being written (null otherwise).
  const [rejected, setRejected] = useState<Record<string, string> | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [form, setForm] = useState({ amount: '', paidOn: algiersToday(), method: 'BANK_TRANSFER', reference: '' });
  const alert = useRef<HTMLDivElement>(null);
  const invoice = result.data?.invoice;
  const role = me.data?.me?.role ?? '';
  // A DOT manager approves only an invoice whose work lies wholly in its wilayas (the API refuses the others).
  const mayApprove =
    approvers.includes(role) &&
    (role !== 'DOT_MANAGER' || (invoice?.wilayaCodes ?? []).every((code) => me.data?.me?.wilayaCodes.includes(code)));
  // Only the real regime carries VAT (IFU and auto-entrepreneurs invoice without it).
  const withVat = invoice?.fiscalRegime === 'REAL';

  // Every change (and the RESYNC each subscription starts with) reads the invoice again as it now stands.
  useEffect(() => {
    if (live.data) reexecute({ requestPolicy: 'network-only' });
  }, [live.data, reexecute]);

  // After a refusal, focus goes to the first field refused, else to the alert that says why.
  useEffect(() => {
    if (problems.length === 0) return;
    const field = problems.find((problem) => paymentFields.includes(problem.field ?? ''))?.field;
    if (field) document.getElementById(`payment-${field}`)?.focus();
    else alert.current?.focus();
  }, [problems]);

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

  async function downloadInvoicePdf() {
    if (!invoice) return;
    const refused = await downloadPdf(invoice.pdfPath, `facture-${invoice.number ?? `brouillon-${invoice.id}`}.pdf`);
    setProblems(
      refused === null
        ? []
        : [{ field: null, message: t('Le PDF n’a pas pu être obtenu ({{status}}).', { status: refused }) }],
    );
  }

  async function approveIt() {
    if (!invoice) return;
    setNotice(null);
    const outcome = await approve({ input: { id: invoice.id, expectedVersion: invoice.version } });
    setProblems(outcome.error ? problemsOf(outcome.error) : []);
  }

  async function sendRevision(event: FormEvent) {
    event.preventDefault();
    if (!invoice || !rejected) return;
    setNotice(null);
    const rejectedLines = Object.entries(rejected).map(([lineId, reason]) => ({ lineId, reason: reason.trim() }));
    if (rejectedLines.length === 0 || rejectedLines.some((line) => line.reason === '')) {
      setProblems([
        { field: null, message: t('Cochez au moins une ligne et dites pour chacune pourquoi elle est refusée.') },
      ]);
      return;
    }
    const outcome = await requestRevision({
      input: { id: invoice.id, expectedVersion: invoice.version, rejectedLines },
    });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    setRejected(null);
  }

  async function recordPayment(event: FormEvent) {
    event.preventDefault();
    if (!invoice) return;
    setNotice(null);
    // Amounts are typed the French way ("1 500,50"); the API takes "1500.50".
    const amount = form.amount.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    const found: FieldProblem[] = [];
    if (!/^\d{1,13}(\.\d{1,2})?$/.test(amount) || Number(amount) === 0)
      found.push({
        field: 'amount',
        message: t('Montant invalide : écrivez par exemple 1 500,50 (deux décimales au plus).'),
      });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.paidOn)) found.push({ field: 'paidOn', message: t('est obligatoire') });
    if (form.reference.trim() === '') found.push({ field: 'reference', message: t('est obligatoire') });
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const outcome = await pay({
      input: { invoiceId: invoice.id, expectedVersion: invoice.version, ...form, amount, method: form.method as never },
    });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    setForm({ ...form, amount: '', reference: '' });
  }

  const problemOf = (field: string) => problems.find((problem) => problem.field === field);
  const paymentField = (name: 'amount' | 'paidOn' | 'reference', label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`payment-${name}`}>{label}</label>
      <input
        id={`payment-${name}`}
        type={type}
        value={form[name]}
        onChange={(event) => setForm({ ...form, [name]: event.target.value })}
        aria-invalid={problemOf(name) ? true : undefined}
        aria-describedby={problemOf(name) ? `payment-${name}-problem` : undefined}
      />
      {problemOf(name) && (
        <span id={`payment-${name}-problem`} className="field-problem" role="alert">
          {problemOf(name)!.message}
        </span>
      )}
    </div>
  );
  const general = problems.filter((problem) => !paymentFields.includes(problem.field ?? ''));

  return (
    <section>
      <p>
        <Link to="/factures">← {t('Factures')}</Link>
      </p>
      <QueryState
        fetching={result.fetching && !invoice}
        error={result.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {invoice && (
        <>
          <h1>
            {invoice.number
              ? t('Facture {{number}}', { number: invoice.number })
              : t('Facture en cours — {{period}}', { period: invoice.period })}
          </h1>
          <p>
            <span className="status" data-testid="invoice-status">
              {t(invoiceStatusLabels[invoice.status] ?? invoice.status)}
            </span>{' '}
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
            {invoice.status === 'SUBMITTED' && mayApprove && (
              <>
                <button type="button" onClick={() => void approveIt()} disabled={approval.fetching}>
                  {t('Approuver pour paiement')}
                </button>
                <button
                  type="button"
                  onClick={() => setRejected(rejected ? null : {})}
                  aria-pressed={rejected !== null}
                >
                  {t('Demander une révision')}
                </button>
              </>
            )}
          </div>
          {invoice.status === 'DRAFT' && issuers.includes(role) && (
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
          {invoice.status === 'REVISION_REQUESTED' && issuers.includes(role) && (
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
                  <th scope="col">{t('Code')}</th>
                  <th scope="col">{t('Désignation')}</th>
                  <th scope="col">{t('Raccordement')}</th>
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
                        <input
                          type="checkbox"
                          form="revision-form"
                          aria-label={t('Refuser la ligne {{code}} {{designation}}', {
                            code: line.itemCode,
                            designation: line.designation,
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
                            form="revision-form"
                            aria-label={t('Raison du refus de la ligne {{code}}', { code: line.itemCode })}
                            value={rejected[line.id]}
                            onChange={(event) => setRejected({ ...rejected, [line.id]: event.target.value })}
                          />
                        )}
                      </td>
                    )}
                    <td>{line.itemCode}</td>
                    <td>
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
                    </td>
                    <td>
                      <Link to={`/raccordements/${line.customerSubscriptionId}`}>
                        {t('n° {{id}}', { id: line.customerSubscriptionId })}
                      </Link>
                    </td>
                    <td className="number">
                      {formatQuantity(line.quantity)} {t(unitLabels[line.unit] ?? line.unit)}
                    </td>
                    <td className="number">{formatDzd(line.unitPrice.centimes)}</td>
                    <td className="number">{withVat ? `${formatQuantity(line.vatRatePercent)} %` : '—'}</td>
                    <td className="number">{formatDzd(line.amount.centimes)}</td>
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
          <dl className="details totals">
            <dt>{t('Total HT')}</dt>
            <dd data-testid="total-excluding-tax">{formatDzd(invoice.totalExcludingTax.centimes)}</dd>
            {!withVat && <FragmentPair term={t('TVA')} value={t('non applicable (IFU ou auto-entrepreneur)')} />}
            {invoice.vatByRate.map((vat) => (
              <FragmentPair
                key={vat.ratePercent}
                term={t('TVA {{rate}} %', { rate: formatQuantity(vat.ratePercent) })}
                value={formatDzd(vat.amount.centimes)}
              />
            ))}
            <dt>{t('Total TTC')}</dt>
            <dd>{formatDzd(invoice.totalIncludingTax.centimes)}</dd>
            <dt>{t('Retenue de garantie ({{percent}} %)', { percent: formatQuantity(invoice.retentionPercent) })}</dt>
            <dd>− {formatDzd(invoice.retention.centimes)}</dd>
            <dt>{t('Net à payer')}</dt>
            <dd data-testid="net-payable">
              <strong>{formatDzd(invoice.netPayable.centimes)}</strong>
            </dd>
            <dt>{t('Avoirs')}</dt>
            <dd data-testid="credited">{formatDzd(invoice.credited.centimes)}</dd>
            <dt>{t('Payé')}</dt>
            <dd>{formatDzd(invoice.paid.centimes)}</dd>
            <dt>{t('Reste dû')}</dt>
            <dd data-testid="balance-due">{formatDzd(invoice.balanceDue.centimes)}</dd>
          </dl>
          <p className="muted" lang="fr">
            {invoice.amountInWords}
          </p>

          <h2>{t('Paiements')}</h2>
          {invoice.payments.length === 0 ? (
            <p className="state">{t('Aucun paiement enregistré.')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Date de valeur')}</th>
                  <th scope="col">{t('Mode')}</th>
                  <th scope="col">{t('Référence')}</th>
                  <th scope="col" className="number">
                    {t('Montant')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {invoice.payments.map((paid) => (
                  <tr key={paid.id} data-testid="payment-row">
                    <td>{formatCalendarDate(paid.paidOn)}</td>
                    <td>{t(paymentMethodLabels[paid.method] ?? paid.method)}</td>
                    <td>{paid.reference}</td>
                    <td className="number">{formatDzd(paid.amount.centimes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(invoice.status === 'APPROVED' || invoice.status === 'PARTIALLY_PAID') && payers.includes(role) && (
            <form onSubmit={recordPayment} className="form-grid" aria-labelledby="payment-heading" noValidate>
              <h3 id="payment-heading" className="form-title">
                {t('Enregistrer un paiement')}
              </h3>
              {paymentField('amount', t('Montant (DA, ex. 1500,00)'))}
              {paymentField('paidOn', t('Date de valeur'), 'date')}
              <div className="field">
                <label htmlFor="payment-method">{t('Mode')}</label>
                <select
                  id="payment-method"
                  value={form.method}
                  onChange={(event) => setForm({ ...form, method: event.target.value })}
                >
                  {Object.entries(paymentMethodLabels).map(([value, label]) => (
                    <option key={value} value={value}>
                      {t(label)}
                    </option>
                  ))}
                </select>
              </div>
              {paymentField('reference', t('Référence (n° de virement ou de chèque)'))}
              <div className="form-actions">
                <button type="submit" disabled={payment.fetching}>
                  {t('Enregistrer le paiement')}
                </button>
              </div>
            </form>
          )}
          {general.length > 0 && (
            <div role="alert" tabIndex={-1} ref={alert} className="state state-error">
              {general.map((problem) => (
                <p key={`${problem.field}-${problem.message}`}>{problem.message}</p>
              ))}
            </div>
          )}

          <CreditNotes creditNotes={invoice.creditNotes} lines={invoice.lines} />
          {invoice.status !== 'DRAFT' && issuers.includes(role) && (
            <IssueCreditNote
              key={invoice.id}
              invoice={invoice}
              onIssued={(number) => {
                setNotice(t('Avoir {{number}} émis : il est déduit du reste dû de la facture.', { number }));
                reexecute({ requestPolicy: 'network-only' });
              }}
            />
          )}
        </>
      )}
    </section>
  );
}

function FragmentPair({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}
