import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime, formatCalendarDate, formatDzd } from '../../lib/format.ts';
import { session } from '../../lib/session.ts';
import { MeQuery } from '../auth/documents.ts';
import { ApproveInvoiceMutation, InvoiceChangedSubscription, InvoiceQuery, RecordInvoicePaymentMutation, RequestInvoiceRevisionMutation } from './documents.ts';
import { invoiceStatusLabels, paymentMethodLabels, unitLabels } from './labels.ts';

const approvers = ['ADMIN', 'DOT_MANAGER', 'FINANCE'];
const payers = ['ADMIN', 'FINANCE'];

/** Today in Algiers, YYYY-MM-DD (the default value date of a payment). */
function algiersToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Algiers' }).format(new Date());
}

/**
 * One invoice: lines, VAT, retention, net payable, payments; approve it, record a payment, download
 * its PDF. It follows `invoiceChanged` for this invoice, so a DRAFT grows on screen as work is accepted.
 */
export function InvoicePage() {
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
  const [form, setForm] = useState({ amount: '', paidOn: algiersToday(), method: 'BANK_TRANSFER', reference: '' });
  const invoice = result.data?.invoice;
  const role = me.data?.me?.role ?? '';
  // Only the real regime carries VAT (IFU and auto-entrepreneurs invoice without it).
  const withVat = invoice?.fiscalRegime === 'REAL';

  // Every change (and the RESYNC each subscription starts with) reads the invoice again as it now stands.
  useEffect(() => {
    if (live.data) reexecute({ requestPolicy: 'network-only' });
  }, [live.data, reexecute]);

  if (result.data && !invoice) {
    return (
      <section>
        <h1>Facture introuvable</h1>
        <p>
          Aucune facture n’a l’identifiant « {id} », ou elle est hors de votre périmètre. <Link to="/factures">Retour aux factures</Link>
        </p>
      </section>
    );
  }

  async function downloadPdf() {
    if (!invoice) return;
    const response = await fetch(invoice.pdfPath, { headers: { authorization: `Bearer ${session.token() ?? ''}` } });
    if (!response.ok) {
      setProblems([{ field: null, message: `Le PDF n’a pas pu être obtenu (${response.status}).` }]);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = `facture-${invoice.number ?? `brouillon-${invoice.id}`}.pdf`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function approveIt() {
    if (!invoice) return;
    const outcome = await approve({ input: { id: invoice.id, expectedVersion: invoice.version } });
    setProblems(outcome.error ? problemsOf(outcome.error) : []);
  }

  async function sendRevision(event: FormEvent) {
    event.preventDefault();
    if (!invoice || !rejected) return;
    const rejectedLines = Object.entries(rejected).map(([lineId, reason]) => ({ lineId, reason: reason.trim() }));
    if (rejectedLines.length === 0 || rejectedLines.some((line) => line.reason === '')) {
      setProblems([{ field: null, message: 'Cochez au moins une ligne et dites pour chacune pourquoi elle est refusée.' }]);
      return;
    }
    const outcome = await requestRevision({ input: { id: invoice.id, expectedVersion: invoice.version, rejectedLines } });
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
    // Amounts are typed the French way ("1 500,50"); the API takes "1500.50".
    const amount = form.amount.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    const found: FieldProblem[] = [];
    if (!/^\d{1,13}(\.\d{1,2})?$/.test(amount) || Number(amount) === 0) found.push({ field: 'amount', message: 'Montant invalide : écrivez par exemple 1 500,50 (deux décimales au plus).' });
    if (form.reference.trim() === '') found.push({ field: 'reference', message: 'est obligatoire' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.paidOn)) found.push({ field: 'paidOn', message: 'est obligatoire' });
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const outcome = await pay({ input: { invoiceId: invoice.id, expectedVersion: invoice.version, ...form, amount, method: form.method as never } });
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

  return (
    <section>
      <p>
        <Link to="/factures">← Factures</Link>
      </p>
      <QueryState fetching={result.fetching && !invoice} error={result.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {invoice && (
        <>
          <h1>{invoice.number ? `Facture ${invoice.number}` : `Facture en cours — ${invoice.period}`}</h1>
          <p>
            <span className="status" data-testid="invoice-status">
              {invoiceStatusLabels[invoice.status] ?? invoice.status}
            </span>{' '}
            <span className="muted">
              {invoice.contractor?.legalName} · mois {invoice.period}
              {invoice.issuedOn && ` · émise le ${formatCalendarDate(invoice.issuedOn)}`}
              {invoice.dueOn && ` · échéance ${formatCalendarDate(invoice.dueOn)}`}
              {invoice.approvedAt && ` · approuvée le ${formatAlgiersDateTime(invoice.approvedAt)}`}
              {invoice.daysOverdue ? ` · en retard de ${invoice.daysOverdue} j` : ''}
            </span>
          </p>
          {invoice.statusReason && <p className="muted">Motif : {invoice.statusReason}</p>}
          <div className="actions">
            <button type="button" onClick={downloadPdf}>
              Télécharger le PDF
            </button>
            {invoice.status === 'SUBMITTED' && approvers.includes(role) && (
              <>
                <button type="button" onClick={approveIt} disabled={approval.fetching}>
                  Approuver pour paiement
                </button>
                <button type="button" onClick={() => setRejected(rejected ? null : {})} aria-pressed={rejected !== null}>
                  Demander une révision
                </button>
              </>
            )}
          </div>

          <h2>Lignes</h2>
          <form onSubmit={sendRevision} id="revision-form" />
          {rejected && (
            <p className="muted" role="status">
              Cochez les lignes refusées et donnez la raison de chacune ; le contractant les corrige et soumet à nouveau.
            </p>
          )}
          <table>
            <thead>
              <tr>
                {rejected && <th scope="col">Refuser</th>}
                <th scope="col">Code</th>
                <th scope="col">Désignation</th>
                <th scope="col" className="number">
                  Quantité
                </th>
                <th scope="col" className="number">
                  Prix unitaire HT
                </th>
                <th scope="col" className="number">
                  TVA
                </th>
                <th scope="col" className="number">
                  Montant HT
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
                        aria-label={`Refuser la ligne ${line.itemCode} ${line.designation}`}
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
                          aria-label={`Raison du refus de la ligne ${line.itemCode}`}
                          value={rejected[line.id]}
                          onChange={(event) => setRejected({ ...rejected, [line.id]: event.target.value })}
                        />
                      )}
                    </td>
                  )}
                  <td>{line.itemCode}</td>
                  <td>
                    {line.designation}
                    {line.rejectionReason && <span className="field-problem"> — refusée : {line.rejectionReason}</span>}
                  </td>
                  <td className="number">
                    {line.quantity.replace('.', ',')} {unitLabels[line.unit] ?? line.unit}
                  </td>
                  <td className="number">{formatDzd(line.unitPrice.centimes)}</td>
                  <td className="number">{withVat ? `${line.vatRatePercent.replace('.', ',')} %` : '—'}</td>
                  <td className="number">{formatDzd(line.amount.centimes)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          {rejected && (
            <div className="form-actions">
              <button type="submit" form="revision-form" disabled={revision.fetching}>
                Envoyer la demande de révision
              </button>
            </div>
          )}
          <dl className="details totals">
            <dt>Total HT</dt>
            <dd data-testid="total-excluding-tax">{formatDzd(invoice.totalExcludingTax.centimes)}</dd>
            {!withVat && <FragmentPair term="TVA" value="non applicable (IFU ou auto-entrepreneur)" />}
            {invoice.vatByRate.map((vat) => (
              <FragmentPair key={vat.ratePercent} term={`TVA ${vat.ratePercent.replace('.', ',')} %`} value={formatDzd(vat.amount.centimes)} />
            ))}
            <dt>Total TTC</dt>
            <dd>{formatDzd(invoice.totalIncludingTax.centimes)}</dd>
            <dt>Retenue de garantie ({invoice.retentionPercent.replace('.', ',')} %)</dt>
            <dd>− {formatDzd(invoice.retention.centimes)}</dd>
            <dt>Net à payer</dt>
            <dd data-testid="net-payable">
              <strong>{formatDzd(invoice.netPayable.centimes)}</strong>
            </dd>
            <dt>Avoirs</dt>
            <dd>{formatDzd(invoice.credited.centimes)}</dd>
            <dt>Payé</dt>
            <dd>{formatDzd(invoice.paid.centimes)}</dd>
            <dt>Reste dû</dt>
            <dd data-testid="balance-due">{formatDzd(invoice.balanceDue.centimes)}</dd>
          </dl>
          <p className="muted">{invoice.amountInWords}</p>

          <h2>Paiements</h2>
          {invoice.payments.length === 0 ? (
            <p className="state">Aucun paiement enregistré.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Date de valeur</th>
                  <th scope="col">Mode</th>
                  <th scope="col">Référence</th>
                  <th scope="col" className="number">
                    Montant
                  </th>
                </tr>
              </thead>
              <tbody>
                {invoice.payments.map((paid) => (
                  <tr key={paid.id} data-testid="payment-row">
                    <td>{formatCalendarDate(paid.paidOn)}</td>
                    <td>{paymentMethodLabels[paid.method] ?? paid.method}</td>
                    <td>{paid.reference}</td>
                    <td className="number">{formatDzd(paid.amount.centimes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(invoice.status === 'APPROVED' || invoice.status === 'PARTIALLY_PAID') && payers.includes(role) && (
            <form onSubmit={recordPayment} className="form-grid" aria-labelledby="payment-heading">
              <h3 id="payment-heading" className="form-title">
                Enregistrer un paiement
              </h3>
              {paymentField('amount', 'Montant (DA, ex. 1500,00)')}
              {paymentField('paidOn', 'Date de valeur', 'date')}
              <div className="field">
                <label htmlFor="payment-method">Mode</label>
                <select id="payment-method" value={form.method} onChange={(event) => setForm({ ...form, method: event.target.value })}>
                  {Object.entries(paymentMethodLabels).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
              {paymentField('reference', 'Référence (n° de virement ou de chèque)')}
              <div className="form-actions">
                <button type="submit" disabled={payment.fetching}>
                  Enregistrer le paiement
                </button>
              </div>
            </form>
          )}
          {problems
            .filter((problem) => !['amount', 'paidOn', 'reference'].includes(problem.field ?? ''))
            .map((problem) => (
              <p key={`${problem.field}-${problem.message}`} role="alert" className="state state-error">
                {problem.message}
              </p>
            ))}
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
