import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import {
  isPlausibleRcNumber,
  isPlausibleRegistrationNumber,
  isValidNif,
  isValidNis,
  isValidRib,
} from '../../../../shared/identifiers.ts';
import { problemProps, ProblemNote, ProblemsAlert, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import { reasonMessage, type FieldProblem } from '../../lib/errors.ts';
import { translate as t } from '../../lib/i18n.ts';
import { WilayasQuery } from '../reference-data/documents.ts';
import { CommunesOfWilayaQuery } from './documents.ts';
import { fiscalRegimeLabels, legalFormLabels } from './labels.ts';

/** What the contractor form holds: every field as typed, the first contact's name and phone included. */
export interface ContractorFormValues {
  legalName: string;
  tradeName: string;
  legalForm: string;
  fiscalRegime: string;
  nif: string;
  nis: string;
  rcNumber: string;
  autoEntrepreneurCardNumber: string;
  taxArticle: string;
  address: string;
  wilayaCode: string;
  communeId: string;
  bankAccount: string;
  operatingWilayaCodes: string;
  teamCapacity: string;
  contactName: string;
  contactPhone: string;
}

/** The form of a new contractor, before anything is typed. */
export const emptyContractorValues: ContractorFormValues = {
  legalName: '',
  tradeName: '',
  legalForm: 'SARL',
  fiscalRegime: 'REAL',
  nif: '',
  nis: '',
  rcNumber: '',
  autoEntrepreneurCardNumber: '',
  taxArticle: '',
  address: '',
  wilayaCode: '',
  communeId: '',
  bankAccount: '',
  operatingWilayaCodes: '',
  teamCapacity: '1',
  contactName: '',
  contactPhone: '',
};

/** A contractor as the API gives it, in the fields the form shows. */
export interface ContractorOnRecord {
  legalName: string;
  tradeName?: string | null | undefined;
  legalForm: string;
  fiscalRegime: string;
  nif: string;
  nis: string;
  rcNumber?: string | null | undefined;
  autoEntrepreneurCardNumber?: string | null | undefined;
  taxArticle: string;
  address: string;
  bankAccount?: string | null | undefined;
  teamCapacity: number;
  commune: { id: string; wilaya: { code: string } };
  operatingWilayas: readonly { code: string }[];
  contacts: readonly ContractorContact[];
}

/** The form prefilled with a contractor's current values, to change them. */
export function contractorFormValuesOf(contractor: ContractorOnRecord): ContractorFormValues {
  return {
    legalName: contractor.legalName,
    tradeName: contractor.tradeName ?? '',
    legalForm: contractor.legalForm,
    fiscalRegime: contractor.fiscalRegime,
    nif: contractor.nif,
    nis: contractor.nis,
    rcNumber: contractor.rcNumber ?? '',
    autoEntrepreneurCardNumber: contractor.autoEntrepreneurCardNumber ?? '',
    taxArticle: contractor.taxArticle,
    address: contractor.address,
    wilayaCode: contractor.commune.wilaya.code,
    communeId: contractor.commune.id,
    bankAccount: contractor.bankAccount ?? '',
    operatingWilayaCodes: contractor.operatingWilayas.map((wilaya) => wilaya.code).join(', '),
    teamCapacity: String(contractor.teamCapacity),
    contactName: contractor.contacts[0]?.name ?? '',
    contactPhone: contractor.contacts[0]?.phone ?? '',
  };
}

/** A contact as the API reads and takes it. */
export interface ContractorContact {
  name: string;
  role?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
}

const digits = (text: string) => text.replace(/\s/g, '');
const codes = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/**
 * The API's input for the form's values (CreateContractorInput, whose fields UpdateContractorInput
 * shares): identifiers without spaces, wilaya codes sorted as the server keeps them, the RC number or
 * the auto-entrepreneur card (never both); the form edits the first of `contacts`, the others are kept.
 */
export function contractorInputOf(values: ContractorFormValues, contacts: readonly ContractorContact[] = []) {
  const autoEntrepreneur = values.legalForm === 'AUTO_ENTREPRENEUR';
  const [first, ...others] = contacts;
  const edited = values.contactName.trim()
    ? [
        {
          name: values.contactName,
          role: first?.role ?? null,
          phone: values.contactPhone || null,
          email: first?.email ?? null,
        },
      ]
    : [];
  return {
    legalName: values.legalName,
    tradeName: values.tradeName || null,
    legalForm: values.legalForm as never,
    fiscalRegime: values.fiscalRegime as never,
    nif: digits(values.nif),
    nis: values.nis,
    rcNumber: autoEntrepreneur ? null : values.rcNumber || null,
    autoEntrepreneurCardNumber: autoEntrepreneur ? values.autoEntrepreneurCardNumber || null : null,
    taxArticle: values.taxArticle,
    address: values.address,
    communeId: values.communeId,
    bankAccount: digits(values.bankAccount),
    operatingWilayaCodes: [...new Set(codes(values.operatingWilayaCodes))].sort(),
    teamCapacity: Number(values.teamCapacity),
    contacts: [
      ...edited,
      ...others.map(({ name, role, phone, email }) => ({
        name,
        role: role ?? null,
        phone: phone ?? null,
        email: email ?? null,
      })),
    ],
  };
}

/** The form's field for a field the server names (its first contact's fields are the form's contact fields). */
function fieldOf(serverField: string | null): keyof ContractorFormValues | null {
  if (serverField === 'contacts.0.name') return 'contactName';
  if (serverField === 'contacts.0.phone') return 'contactPhone';
  const name = serverField?.split('.')[0];
  return name !== undefined && name in emptyContractorValues ? (name as keyof ContractorFormValues) : null;
}

/**
 * What the console checks before sending, the same rules as the server's (the NIF and RIB checks are
 * the server's own functions); the server checks everything again.
 */
function check(values: ContractorFormValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const required: (keyof ContractorFormValues)[] = ['legalName', 'nif', 'nis', 'taxArticle', 'address', 'bankAccount'];
  for (const field of required)
    if (values[field].trim() === '') problems.push({ field, message: t('est obligatoire') });
  // The commune is chosen in its wilaya: ask for the wilaya first.
  if (values.wilayaCode === '') problems.push({ field: 'wilayaCode', message: t('est obligatoire') });
  else if (values.communeId === '') problems.push({ field: 'communeId', message: t('est obligatoire') });
  if (values.nif.trim() && !isValidNif(digits(values.nif)))
    problems.push({ field: 'nif', message: t('doit compter 15 chiffres (20 pour un établissement secondaire)') });
  if (values.nis.trim() && !isValidNis(digits(values.nis)))
    problems.push({ field: 'nis', message: reasonMessage({ reasonCode: 'NIS' }) });
  const spaced = (text: string) => text.trim().replace(/\s+/g, ' ');
  if (values.rcNumber.trim() && !isPlausibleRcNumber(spaced(values.rcNumber))) {
    problems.push({ field: 'rcNumber', message: reasonMessage({ reasonCode: 'RC_NUMBER' }) });
  }
  for (const field of ['taxArticle', 'autoEntrepreneurCardNumber'] as const) {
    if (values[field].trim() && !isPlausibleRegistrationNumber(spaced(values[field]))) {
      problems.push({ field, message: reasonMessage({ reasonCode: 'REGISTRATION_NUMBER' }) });
    }
  }
  if (values.bankAccount.trim() && !isValidRib(digits(values.bankAccount))) {
    problems.push({
      field: 'bankAccount',
      message: t('RIB ou RIP invalide : 20 chiffres dont la clé (les deux derniers) doit correspondre'),
    });
  }
  const autoEntrepreneur = values.legalForm === 'AUTO_ENTREPRENEUR';
  if (autoEntrepreneur !== (values.fiscalRegime === 'AUTO_ENTREPRENEUR')) {
    problems.push({
      field: 'fiscalRegime',
      message: t('un auto-entrepreneur, et lui seul, relève du régime de l’auto-entrepreneur'),
    });
  }
  if (!autoEntrepreneur && !values.rcNumber.trim())
    problems.push({ field: 'rcNumber', message: t('est obligatoire, sauf pour un auto-entrepreneur') });
  if (autoEntrepreneur && !values.autoEntrepreneurCardNumber.trim()) {
    problems.push({ field: 'autoEntrepreneurCardNumber', message: t('est obligatoire pour un auto-entrepreneur') });
  }
  const wilayas = codes(values.operatingWilayaCodes);
  if (wilayas.length === 0 || wilayas.some((code) => !/^\d{2}$/.test(code))) {
    problems.push({
      field: 'operatingWilayaCodes',
      message: t('au moins une wilaya, en codes à deux chiffres séparés par des virgules (ex. 16, 09)'),
    });
  }
  if (!/^\d{1,3}$/.test(values.teamCapacity) || Number(values.teamCapacity) < 1)
    problems.push({ field: 'teamCapacity', message: t('doit être un nombre entier d’équipes, au moins 1') });
  return problems;
}

/**
 * The contractor form, for a new contractor and for a change: each field labelled, the console's
 * checks run as it is sent, then `onSubmit` (which answers the server's problems, none on success);
 * every problem shows beside its field, the others in an alert, and focus moves to the first of them.
 * `notice` is shown above the buttons (e.g. why a change could not be saved).
 */
export function ContractorForm({
  initial,
  submitLabel,
  pendingLabel,
  onSubmit,
  notice,
}: {
  initial: ContractorFormValues;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: ContractorFormValues) => Promise<FieldProblem[]>;
  notice?: ReactNode;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<ContractorFormValues>(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [sending, setSending] = useState(false);
  const [wilayas] = useQuery({ query: WilayasQuery });
  const [communes] = useQuery({
    query: CommunesOfWilayaQuery,
    variables: { wilayaCode: values.wilayaCode },
    pause: !values.wilayaCode,
  });

  // After a refused attempt, focus the first field at fault, else the alert that says what went wrong.
  const { scope: form, alert } = useFocusFirstProblem(problems);

  const set = (field: keyof ContractorFormValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));
  const problemOf = (field: keyof ContractorFormValues) =>
    problems.find((problem) => fieldOf(problem.field) === field)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    let found = check(values);
    if (found.length === 0) {
      setSending(true);
      found = await onSubmit(values);
      setSending(false);
    }
    setProblems(found);
  }

  /** The attributes tying a control to its problem, when it has one. */
  const described = (name: keyof ContractorFormValues) => ({
    id: `contractor-${name}`,
    ...problemProps(`contractor-${name}`, problemOf(name)),
  });

  const field = (name: keyof ContractorFormValues, label: string, control?: ReactNode) => (
    <div className="field">
      <label htmlFor={`contractor-${name}`}>{label}</label>
      {control ?? <input dir="auto" {...described(name)} value={values[name]} onChange={set(name)} />}
      <ProblemNote id={`contractor-${name}`} problem={problemOf(name)} />
    </div>
  );
  // The problems of no field of the form, each said with the field the server names, if any.
  const general = problems
    .filter((problem) => fieldOf(problem.field) === null)
    .map((problem) => ({
      field: problem.field,
      message: problem.field
        ? t('{{label}} : {{value}}', { label: problem.field, value: problem.message })
        : problem.message,
    }));

  return (
    <form ref={form} onSubmit={submit} noValidate className="form-grid">
      {field('legalName', t('Raison sociale'))}
      {field('tradeName', t('Nom commercial (facultatif)'))}
      {field(
        'legalForm',
        t('Forme juridique'),
        <select {...described('legalForm')} value={values.legalForm} onChange={set('legalForm')}>
          {Object.entries(legalFormLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>,
      )}
      {field(
        'fiscalRegime',
        t('Régime fiscal'),
        <select {...described('fiscalRegime')} value={values.fiscalRegime} onChange={set('fiscalRegime')}>
          {Object.entries(fiscalRegimeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>,
      )}
      {field('nif', t('NIF'))}
      {field('nis', t('NIS (15 chiffres)'))}
      {values.legalForm === 'AUTO_ENTREPRENEUR'
        ? field('autoEntrepreneurCardNumber', t('N° de carte d’auto-entrepreneur'))
        : field('rcNumber', t('N° de registre du commerce (RC), par exemple 16/00-0123456 B 15'))}
      {field('taxArticle', t('Article d’imposition'))}
      {field('address', t('Adresse'))}
      {field(
        'wilayaCode',
        t('Wilaya du siège'),
        <select
          {...described('wilayaCode')}
          value={values.wilayaCode}
          onChange={(event) => setValues((current) => ({ ...current, wilayaCode: event.target.value, communeId: '' }))}
        >
          <option value="">{t('Choisir…')}</option>
          {(wilayas.data?.wilayas ?? []).map((wilaya) => (
            <option key={wilaya.code} value={wilaya.code}>
              {wilaya.code} — {wilaya.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        'communeId',
        t('Commune du siège'),
        <select
          {...described('communeId')}
          value={values.communeId}
          onChange={set('communeId')}
          disabled={!values.wilayaCode}
        >
          <option value="">{values.wilayaCode ? t('Choisir…') : t('Choisissez d’abord la wilaya')}</option>
          {(communes.data?.communes ?? []).map((commune) => (
            <option key={commune.id} value={commune.id}>
              {commune.name} — {commune.nameAr}
            </option>
          ))}
        </select>,
      )}
      {field('bankAccount', t('RIB ou RIP (20 chiffres)'))}
      {field('operatingWilayaCodes', t('Wilayas d’intervention (codes, ex. 16, 09)'))}
      {field('teamCapacity', t('Nombre d’équipes'))}
      {field('contactName', t('Contact : nom (facultatif)'))}
      {field('contactPhone', t('Contact : téléphone (facultatif)'))}
      <ProblemsAlert ref={alert} problems={general} />
      {notice}
      <div className="form-actions">
        <button type="submit" disabled={sending}>
          {sending ? pendingLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
