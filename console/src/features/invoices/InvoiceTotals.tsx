import { useTranslation } from 'react-i18next';
import { formatDzd } from '../../lib/format.ts';
import type { InvoiceData } from './documents.ts';
import { formatQuantity } from './quantities.ts';

/** An invoice's figures: totals, VAT by rate (or why there is none), retention, net payable, credited, paid, due, and the amount in words. */
export function InvoiceTotals({ invoice }: { invoice: InvoiceData }) {
  const { t } = useTranslation();
  // Only the real regime carries VAT (IFU and auto-entrepreneurs invoice without it).
  const withVat = invoice.fiscalRegime === 'REAL';
  return (
    <>
      <dl className="details totals">
        <dt>{t('Total HT')}</dt>
        <dd data-testid="total-excluding-tax">
          <bdi>{formatDzd(invoice.totalExcludingTax.centimes)}</bdi>
        </dd>
        {!withVat && <TermAndValue term={t('TVA')} value={t('non applicable (IFU ou auto-entrepreneur)')} />}
        {invoice.vatByRate.map((vat) => (
          <TermAndValue
            key={vat.ratePercent}
            term={t('TVA {{rate}} %', { rate: formatQuantity(vat.ratePercent) })}
            value={formatDzd(vat.amount.centimes)}
          />
        ))}
        <dt>{t('Total TTC')}</dt>
        <dd>
          <bdi>{formatDzd(invoice.totalIncludingTax.centimes)}</bdi>
        </dd>
        <dt>{t('Retenue de garantie ({{percent}} %)', { percent: formatQuantity(invoice.retentionPercent) })}</dt>
        <dd>
          <bdi>− {formatDzd(invoice.retention.centimes)}</bdi>
        </dd>
        <dt>{t('Net à payer')}</dt>
        <dd data-testid="net-payable">
          <strong>{formatDzd(invoice.netPayable.centimes)}</strong>
        </dd>
        <dt>{t('Avoirs')}</dt>
        <dd data-testid="credited">
          <bdi>{formatDzd(invoice.credited.centimes)}</bdi>
        </dd>
        <dt>{t('Payé')}</dt>
        <dd>
          <bdi>{formatDzd(invoice.paid.centimes)}</bdi>
        </dd>
        <dt>{t('Reste dû')}</dt>
        <dd data-testid="balance-due">
          <bdi>{formatDzd(invoice.balanceDue.centimes)}</bdi>
        </dd>
      </dl>
      <p className="muted" lang="fr" dir="ltr">
        {invoice.amountInWords}
      </p>
    </>
  );
}

function TermAndValue({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>
        <bdi>{value}</bdi>
      </dd>
    </>
  );
}
