import type { FormEvent } from 'react';
import { BackLink } from '../../components/BackLink.tsx';
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
import { CreateSiteMutation } from './documents.ts';
import { siteKindLabels } from './labels.ts';

/** What the form holds, as typed. */
interface SiteFormValues {
  code: string;
  name: string;
  kind: string;
  wilayaCode: string;
  communeId: string;
  targetConnections: string;
  latitude: string;
  longitude: string;
  plannedStart: string;
  plannedEnd: string;
}

const empty: SiteFormValues = {
  code: '',
  name: '',
  kind: 'HOUSING_ESTATE',
  wilayaCode: '',
  communeId: '',
  targetConnections: '',
  latitude: '',
  longitude: '',
  plannedStart: '',
  plannedEnd: '',
};

/** A coordinate typed the French way ("36,7538", "−3,05") as a number; null when empty, NaN when it is no decimal number. */
function coordinateOf(typed: string): number | null {
  const written = typed.trim().replace('−', '-').replace(',', '.');
  if (written === '') return null;
  return /^-?\d{1,3}(\.\d{1,8})?$/.test(written) ? Number(written) : Number.NaN;
}

/** What the console checks before sending; the server checks everything again (ranges, code format, the commune's wilaya). */
function check(values: SiteFormValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (values.code.trim() === '') problems.push({ field: 'code', message: t('est obligatoire') });
  if (values.name.trim() === '') problems.push({ field: 'name', message: t('est obligatoire') });
  // The commune is chosen in its wilaya: ask for the wilaya first.
  if (values.wilayaCode === '') problems.push({ field: 'wilayaCode', message: t('est obligatoire') });
  else if (values.communeId === '') problems.push({ field: 'communeId', message: t('est obligatoire') });
  if (!/^\d{1,6}$/.test(values.targetConnections.trim()) || Number(values.targetConnections) < 1) {
    problems.push({ field: 'targetConnections', message: t('doit être un nombre entier, au moins 1') });
  }
  const latitude = coordinateOf(values.latitude);
  const longitude = coordinateOf(values.longitude);
  if (Number.isNaN(latitude))
    problems.push({ field: 'latitude', message: t('doit être un nombre décimal, par exemple 36,7538') });
  if (Number.isNaN(longitude))
    problems.push({ field: 'longitude', message: t('doit être un nombre décimal, par exemple 3,0588') });
  if ((latitude === null) !== (longitude === null)) {
    problems.push({
      field: latitude === null ? 'latitude' : 'longitude',
      message: t('indiquez les deux coordonnées, ou aucune'),
    });
  }
  if (values.plannedStart && values.plannedEnd && values.plannedEnd < values.plannedStart) {
    problems.push({ field: 'plannedEnd', message: t('ne doit pas précéder le début prévu') });
  }
  return problems;
}

/** The fields of CreateSiteInput, for the problems the server names (a field of another name goes to the form's alert). */
const fields = [
  'code',
  'name',
  'kind',
  'wilayaCode',
  'communeId',
  'targetConnections',
  'latitude',
  'longitude',
  'plannedStart',
  'plannedEnd',
];

/**
 * A new site (administrators, and DOT managers in their wilayas): every field of CreateSiteInput,
 * checked as it is sent; each problem — the console's or the server's — beside its field, the focus
 * on the first; once created, the site's page.
 */
export function NewSitePage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const [creation, create] = useMutation(CreateSiteMutation);
  const { values, setValues, setProblems, form, alert, problemOf, general, text } = useRecordForm(empty, fields);
  const navigate = useNavigate();
  // Who creates sites, and the wilayas it is limited to (a DOT manager's), as the API answers.
  const limitedTo = me.data?.viewerCan.wilayas ?? undefined;

  if (me.data && !mayRun(me.data, 'Mutation.createSite')) {
    return (
      <section>
        <h1>{t('Nouveau site')}</h1>
        <p className="state">{t('Seuls un administrateur et un responsable DOT créent des sites.')}</p>
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
        code: values.code,
        name: values.name,
        kind: values.kind as never,
        communeId: values.communeId,
        targetConnections: Number(values.targetConnections),
        latitude: coordinateOf(values.latitude),
        longitude: coordinateOf(values.longitude),
        plannedStart: values.plannedStart || null,
        plannedEnd: values.plannedEnd || null,
      },
    });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    void navigate(`/sites/${outcome.data!.createSite.site.id}`);
  }

  return (
    <section>
      <p>
        <BackLink to="/sites">{t('Sites')}</BackLink>
      </p>
      <h1>{t('Nouveau site')}</h1>
      <form ref={form} onSubmit={submit} className="form-grid" noValidate>
        {text('code', 'site-code', t('Code (ex. ALG-BAB-0042)'))}
        {text('name', 'site-name', t('Nom'))}
        <FormField id="site-kind" label={t('Type de site')} problem={problemOf('kind')}>
          {(attributes) => (
            <select
              {...attributes}
              value={values.kind}
              onChange={(event) => setValues({ ...values, kind: event.target.value })}
            >
              {Object.entries(siteKindLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {t(label)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <CommuneFields
          idPrefix="site"
          wilayaCode={values.wilayaCode}
          communeId={values.communeId}
          onChange={(place) => setValues({ ...values, ...place })}
          wilayaCodes={limitedTo}
          problems={{ wilaya: problemOf('wilayaCode'), commune: problemOf('communeId') }}
        />
        {text('targetConnections', 'site-target', t('Raccordements à livrer (objectif)'))}
        {text('latitude', 'site-latitude', t('Latitude (facultative, ex. 36,7538)'))}
        {text('longitude', 'site-longitude', t('Longitude (facultative, ex. 3,0588)'))}
        {text('plannedStart', 'site-planned-start', t('Début prévu (facultatif)'), 'date')}
        {text('plannedEnd', 'site-planned-end', t('Fin prévue (facultative)'), 'date')}
        <ProblemsAlert ref={alert} problems={general} />
        <div className="form-actions">
          <button type="submit" disabled={creation.fetching}>
            {creation.fetching ? t('Création…') : t('Créer le site')}
          </button>
        </div>
      </form>
    </section>
  );
}
