import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { isValidNif, isValidRib } from '../../../../server/src/modules/contractor/identifiers.ts';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { WilayasQuery } from '../reference-data/documents.ts';
import { CommunesOfWilayaQuery, CreateContractorMutation } from './documents.ts';
import { fiscalRegimeLabels, legalFormLabels } from './labels.ts';

interface Values {
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

const empty: Values = {
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

const digits = (text: string) => text.replace(/\s/g, '');

/** The form's field for a field the server names (its first contact's fields are the form's contact fields). */
function fieldOf(serverField: string | null): string | null {
  if (serverField === 'contacts.0.name') return 'contactName';
  if (serverField === 'contacts.0.phone') return 'contactPhone';
  return serverField === null ? null : serverField.split('.')[0]!;
}
const codes = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/**
 * What the console checks before sending, the same rules as the server's (the NIF and RIB checks are
 * the server's own functions); the server checks everything again.
 */
function check(values: Values): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const required: (keyof Values)[] = ['legalName', 'nif', 'nis', 'taxArticle', 'address', 'bankAccount'];
  for (const field of required) if (values[field].trim() === '') problems.push({ field, message: 'est obligatoire' });
  // The commune is chosen in its wilaya: ask for the wilaya first.
  if (values.wilayaCode === '') problems.push({ field: 'wilayaCode', message: 'est obligatoire' });
  else if (values.communeId === '') problems.push({ field: 'communeId', message: 'est obligatoire' });
  if (values.nif.trim() && !isValidNif(digits(values.nif))) problems.push({ field: 'nif', message: 'doit compter 15 chiffres (20 pour un établissement secondaire)' });
  if (values.bankAccount.trim() && !isValidRib(digits(values.bankAccount))) {
    problems.push({ field: 'bankAccount', message: 'RIB ou RIP invalide : 20 chiffres dont la clé (les deux derniers) doit correspondre' });
  }
  if (values.legalForm !== 'AUTO_ENTREPRENEUR' && !values.rcNumber.trim()) problems.push({ field: 'rcNumber', message: 'est obligatoire, sauf pour un auto-entrepreneur' });
  if (values.legalForm === 'AUTO_ENTREPRENEUR' && !values.autoEntrepreneurCardNumber.trim()) {
    problems.push({ field: 'autoEntrepreneurCardNumber', message: 'est obligatoire pour un auto-entrepreneur' });
  }
  const wilayas = codes(values.operatingWilayaCodes);
  if (wilayas.length === 0 || wilayas.some((code) => !/^\d{2}$/.test(code))) {
    problems.push({ field: 'operatingWilayaCodes', message: 'au moins une wilaya, en codes à deux chiffres séparés par des virgules (ex. 16, 09)' });
  }
  if (!/^\d{1,3}$/.test(values.teamCapacity) || Number(values.teamCapacity) < 1) problems.push({ field: 'teamCapacity', message: 'doit être un nombre entier d’équipes, au moins 1' });
  return problems;
}

/** The new contractor form: checks as it is sent, shows each problem — its own or the server's — beside its field. */
export function NewContractorPage() {
  const [values, setValues] = useState<Values>(empty);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [created, create] = useMutation(CreateContractorMutation);
  const [wilayas] = useQuery({ query: WilayasQuery });
  const [communes] = useQuery({ query: CommunesOfWilayaQuery, variables: { wilayaCode: values.wilayaCode }, pause: !values.wilayaCode });
  const navigate = useNavigate();

  const set = (field: keyof Values) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));
  const problemOf = (field: string) => problems.find((problem) => fieldOf(problem.field) === field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(values);
    setProblems(found);
    if (found.length > 0) return;
    const result = await create({
      input: {
        legalName: values.legalName,
        tradeName: values.tradeName || null,
        legalForm: values.legalForm as never,
        fiscalRegime: values.fiscalRegime as never,
        nif: digits(values.nif),
        nis: values.nis,
        rcNumber: values.rcNumber || null,
        autoEntrepreneurCardNumber: values.autoEntrepreneurCardNumber || null,
        taxArticle: values.taxArticle,
        address: values.address,
        communeId: values.communeId,
        bankAccount: digits(values.bankAccount),
        operatingWilayaCodes: codes(values.operatingWilayaCodes),
        teamCapacity: Number(values.teamCapacity),
        contacts: values.contactName ? [{ name: values.contactName, phone: values.contactPhone || null }] : [],
      },
    });
    if (result.error) {
      setProblems(problemsOf(result.error));
      return;
    }
    navigate(`/contractants/${result.data!.createContractor.contractor.id}`);
  }

  const field = (name: keyof Values, label: string, control?: ReactNode) => {
    const problem = problemOf(name);
    const id = `contractor-${name}`;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {control ?? <input id={id} value={values[name]} onChange={set(name)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined} />}
        {problem && (
          <span id={`${id}-problem`} className="field-problem" role="alert">
            {problem.message}
          </span>
        )}
      </div>
    );
  };
  const general = problems.filter((problem) => problem.field === null || !(fieldOf(problem.field)! in empty));

  return (
    <section>
      <p>
        <Link to="/contractants">← Contractants</Link>
      </p>
      <h1>Nouveau contractant</h1>
      <form onSubmit={submit} noValidate className="form-grid">
        {field('legalName', 'Raison sociale')}
        {field('tradeName', 'Nom commercial (facultatif)')}
        {field(
          'legalForm',
          'Forme juridique',
          <select id="contractor-legalForm" value={values.legalForm} onChange={set('legalForm')}>
            {Object.entries(legalFormLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>,
        )}
        {field(
          'fiscalRegime',
          'Régime fiscal',
          <select id="contractor-fiscalRegime" value={values.fiscalRegime} onChange={set('fiscalRegime')}>
            {Object.entries(fiscalRegimeLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>,
        )}
        {field('nif', 'NIF')}
        {field('nis', 'NIS')}
        {values.legalForm === 'AUTO_ENTREPRENEUR' ? field('autoEntrepreneurCardNumber', 'N° de carte d’auto-entrepreneur') : field('rcNumber', 'N° de registre du commerce (RC)')}
        {field('taxArticle', 'Article d’imposition')}
        {field('address', 'Adresse')}
        {field(
          'wilayaCode',
          'Wilaya du siège',
          <select id="contractor-wilayaCode" value={values.wilayaCode} onChange={(event) => setValues((current) => ({ ...current, wilayaCode: event.target.value, communeId: '' }))}>
            <option value="">Choisir…</option>
            {(wilayas.data?.wilayas ?? []).map((wilaya) => (
              <option key={wilaya.code} value={wilaya.code}>
                {wilaya.code} — {wilaya.name}
              </option>
            ))}
          </select>,
        )}
        {field(
          'communeId',
          'Commune du siège',
          <select id="contractor-communeId" value={values.communeId} onChange={set('communeId')} disabled={!values.wilayaCode} aria-invalid={problemOf('communeId') ? true : undefined}>
            <option value="">{values.wilayaCode ? 'Choisir…' : 'Choisissez d’abord la wilaya'}</option>
            {(communes.data?.communes ?? []).map((commune) => (
              <option key={commune.id} value={commune.id}>
                {commune.name} — {commune.nameAr}
              </option>
            ))}
          </select>,
        )}
        {field('bankAccount', 'RIB ou RIP (20 chiffres)')}
        {field('operatingWilayaCodes', 'Wilayas d’intervention (codes, ex. 16, 09)')}
        {field('teamCapacity', 'Nombre d’équipes')}
        {field('contactName', 'Contact : nom (facultatif)')}
        {field('contactPhone', 'Contact : téléphone (facultatif)')}
        {general.length > 0 && (
          <div role="alert" className="state state-error">
            {general.map((problem) => (
              <p key={`${problem.field}-${problem.message}`}>{problem.field ? `${problem.field} : ${problem.message}` : problem.message}</p>
            ))}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" disabled={created.fetching}>
            {created.fetching ? 'Création…' : 'Créer le contractant'}
          </button>
        </div>
      </form>
    </section>
  );
}
