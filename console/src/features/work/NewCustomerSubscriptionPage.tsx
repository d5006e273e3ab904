import { BackLink } from '../../components/BackLink.tsx';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CommuneFields } from '../../components/CommuneFields.tsx';
import { FormField, useRecordForm } from '../../components/FormField.tsx';
import { ProblemsAlert } from '../../components/FormProblems.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { translate as t } from '../../lib/i18n.ts';
import { mayRun } from '../../lib/viewer.ts';
import { MeQuery } from '../auth/documents.ts';
import { siteStatusLabels } from '../sites/labels.ts';
import { algiersLocalToIso } from './algiers-time.ts';
import { CreateCustomerSubscriptionMutation, SiteChoicesQuery } from './documents.ts';

/** Sites that take no more work: an order cannot join them. */
const finishedSites = ['COMPLETED', 'CLOSED'];

/** What the form holds, as typed; the order time in Algiers, as a `datetime-local` field gives it. */
interface OrderFormValues {
  orderReference: string;
  customerName: string;
  customerPhone: string;
  customerAddress: string;
  wilayaCode: string;
  communeId: string;
  offer: string;
  siteId: string;
  orderedAt: string;
}

const empty: OrderFormValues = {
  orderReference: '',
  customerName: '',
  customerPhone: '',
  customerAddress: '',
  wilayaCode: '',
  communeId: '',
  offer: '',
  siteId: '',
  orderedAt: '',
};

/** What the console checks before sending; the server checks everything again (the reference's form, the phone number, the site's wilaya). */
function check(values: OrderFormValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const required: (keyof OrderFormValues)[] = [
    'orderReference',
    'customerName',
    'customerPhone',
    'customerAddress',
    'offer',
  ];
  for (const field of required)
    if (values[field].trim() === '') problems.push({ field, message: t('est obligatoire') });
  // The commune is chosen in its wilaya: ask for the wilaya first.
  if (values.wilayaCode === '') problems.push({ field: 'wilayaCode', message: t('est obligatoire') });
  else if (values.communeId === '') problems.push({ field: 'communeId', message: t('est obligatoire') });
  if (values.orderedAt) {
    const instant = algiersLocalToIso(values.orderedAt);
    if (!instant) problems.push({ field: 'orderedAt', message: t('Cette date et heure n’existe pas à Alger.') });
    else if (new Date(instant).getTime() > Date.now())
      problems.push({ field: 'orderedAt', message: t('La commande ne peut pas être dans le futur.') });
  }
  return problems;
}

/** The fields of CreateCustomerSubscriptionInput (and the wilaya), for the problems the server names; others go to the form's alert. */
const fields = [
  'orderReference',
  'customerName',
  'customerPhone',
  'customerAddress',
  'wilayaCode',
  'communeId',
  'offer',
  'siteId',
  'orderedAt',
];

/**
 * Records a customer's order one by one (administrators, and DOT managers in their wilayas): the
 * customer, the home's commune (a wilaya, then its commune), the offer, the site it belongs to if
 * any (among the wilaya's sites still taking work) and when AT took it (Algiers time; now when left
 * empty). Each problem is said beside its field; once recorded, the order's page.
 */
export function NewCustomerSubscriptionPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const [creation, create] = useMutation(CreateCustomerSubscriptionMutation);
  const { values, setValues, setProblems, form, alert, problemOf, general, text } = useRecordForm(empty, fields);
  const [sites] = useQuery({
    query: SiteChoicesQuery,
    variables: { wilayaCode: values.wilayaCode },
    pause: !values.wilayaCode,
  });
  const navigate = useNavigate();
  // Who records orders, and the wilayas it is limited to (a DOT manager's), as the API answers.
  const limitedTo = me.data?.viewerCan.wilayas ?? undefined;
  const openSites = (sites.data?.sites.edges ?? [])
    .map((edge) => edge.node)
    .filter((site) => !finishedSites.includes(site.status));

  if (me.data && !mayRun(me.data, 'Mutation.createCustomerSubscription')) {
    return (
      <section>
        <h1>{t('Nouvelle commande')}</h1>
        <p className="state">{t('Seuls un administrateur et un responsable DOT enregistrent des commandes.')}</p>
      </section>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(values);
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const outcome = await create({
      input: {
        orderReference: values.orderReference,
        customerName: values.customerName,
        customerPhone: values.customerPhone,
        customerAddress: values.customerAddress,
        communeId: values.communeId,
        offer: values.offer,
        siteId: values.siteId || null,
        orderedAt: values.orderedAt ? algiersLocalToIso(values.orderedAt) : null,
      },
    });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    void navigate(`/raccordements/${outcome.data!.createCustomerSubscription.customerSubscription.id}`);
  }

  return (
    <section>
      <p>
        <BackLink to="/raccordements">{t('Raccordements')}</BackLink>
      </p>
      <h1>{t('Nouvelle commande')}</h1>
      <form ref={form} onSubmit={submit} className="form-grid" noValidate>
        {text('orderReference', 'order-reference', t('Référence de la commande (AT)'))}
        {text('customerName', 'order-customer-name', t('Nom du client'))}
        {text('customerPhone', 'order-customer-phone', t('Téléphone du client'), 'tel')}
        {text('customerAddress', 'order-customer-address', t('Adresse du logement'))}
        <CommuneFields
          idPrefix="order"
          wilayaCode={values.wilayaCode}
          communeId={values.communeId}
          onChange={(place) =>
            setValues({ ...values, ...place, siteId: place.wilayaCode === values.wilayaCode ? values.siteId : '' })
          }
          wilayaCodes={limitedTo}
          problems={{ wilaya: problemOf('wilayaCode'), commune: problemOf('communeId') }}
        />
        {text('offer', 'order-offer', t('Offre (ex. IDOOM FIBRE 300 Mbps)'))}
        <FormField id="order-site" label={t('Site (facultatif)')} problem={problemOf('siteId')}>
          {(attributes) => (
            <select
              {...attributes}
              value={values.siteId}
              onChange={(event) => setValues({ ...values, siteId: event.target.value })}
              disabled={!values.wilayaCode}
            >
              <option value="">{values.wilayaCode ? t('Aucun site') : t('Choisissez d’abord la wilaya')}</option>
              {openSites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.code} — {site.name} ({t(siteStatusLabels[site.status] ?? site.status)})
                </option>
              ))}
            </select>
          )}
        </FormField>
        {sites.data?.sites.pageInfo.hasNextPage && (
          <p className="muted">{t('Seuls les 100 premiers sites de la wilaya, par code, sont proposés.')}</p>
        )}
        {text('orderedAt', 'order-ordered-at', t('Commandé le (heure d’Alger ; vide : maintenant)'), 'datetime-local')}
        <ProblemsAlert ref={alert} problems={general} />
        <div className="form-actions">
          <button type="submit" disabled={creation.fetching}>
            {creation.fetching ? t('Enregistrement…') : t('Enregistrer la commande')}
          </button>
        </div>
      </form>
    </section>
  );
}
