import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { FormField } from '../../components/FormField.tsx';
import { problemOf, ProblemsAlert, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatCalendarDate, formatDzd } from '../../lib/format.ts';
import { algiersToday } from './dates.ts';
import { RecordInvoicePaymentMutation, type InvoiceData } from './documents.ts';
import { paymentMethodLabels } from './labels.ts';

const paymentFields = ['amount', 'paidOn', 'reference'];

/**
 * An invoice's payments, and the form that records one when the API says the viewer may
 * (`viewerCan.recordPayment`): the amount typed the French way, the value date, the method and the
 * reference, checked here first; the API's refusals beside their fields, the focus on the first.
 */
export function InvoicePayments({ invoice }: { invoice: InvoiceData }) {
  const { t } = useTranslation();
  const [payment, pay] = useMutation(RecordInvoicePaymentMutation);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [form, setForm] = useState({ amount: '', paidOn: algiersToday(), method: 'BANK_TRANSFER', reference: '' });
  const { scope: formElement, alert } = useFocusFirstProblem(problems);

  async function recordPayment(event: FormEvent) {
    event.preventDefault();
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

  const paymentField = (name: 'amount' | 'paidOn' | 'reference', label: string, type = 'text') => (
    <FormField id={`payment-${name}`} label={label} problem={problemOf(problems, name)}>
      {(attributes) => (
        <input
          dir="auto"
          {...attributes}
          type={type}
          value={form[name]}
          onChange={(event) => setForm({ ...form, [name]: event.target.value })}
        />
      )}
    </FormField>
  );

  return (
    <>
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
                <td>
                  <bdi>{formatCalendarDate(paid.paidOn)}</bdi>
                </td>
                <td>
                  <bdi>{t(paymentMethodLabels[paid.method] ?? paid.method)}</bdi>
                </td>
                <td>
                  <bdi>{paid.reference}</bdi>
                </td>
                <td className="number">
                  <bdi>{formatDzd(paid.amount.centimes)}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {invoice.viewerCan.recordPayment && (
        <form
          ref={formElement}
          onSubmit={recordPayment}
          className="form-grid"
          aria-labelledby="payment-heading"
          noValidate
        >
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
          <ProblemsAlert ref={alert} problems={problems} fields={paymentFields} />
        </form>
      )}
    </>
  );
}
