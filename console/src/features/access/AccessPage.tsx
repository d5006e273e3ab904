import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { MeQuery, PasswordResetAvailableQuery } from '../auth/documents.ts';
import { ContractorPicker } from '../../components/ContractorPicker.tsx';
import { FormField } from '../../components/FormField.tsx';
import { problemOf, ProblemsAlert, useFocusFirstProblem } from '../../components/FormProblems.tsx';
import { Pager } from '../../components/Pager.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import type { ApiKeyScope } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import {
  ApiKeysQuery,
  CreateApiKeyMutation,
  CreateUserMutation,
  DisableUserMutation,
  RevokeApiKeyMutation,
  SendPasswordResetMutation,
  UsersQuery,
} from './documents.ts';
import { EmptyState } from '../../components/EmptyState.tsx';

/** The roles, as the console names them. */
const roleLabels: Record<string, string> = {
  ADMIN: msg('Administrateur'),
  DOT_MANAGER: msg('Responsable DOT'),
  FINANCE: msg('Finance'),
  CONTRACTOR: msg('Contractant'),
  TECHNICIAN: msg('Technicien'),
  VIEWER: msg('Lecture seule'),
};

/** The roles of a firm's people, who belong to one firm: the form asks which firm. */
const firmRoles = ['CONTRACTOR', 'TECHNICIAN'];

/** Who may sign in and which applications may call the API: users and API keys, created and ended here. */
export function AccessPage() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  // Who manages access, as the API answers: an administrator, or a firm's admin for its own firm.
  const manages = me.data ? me.data.viewerCan.manageAccess : null;
  return (
    <section>
      <h1>{t('Utilisateurs et clés d’API')}</h1>
      <QueryState fetching={me.fetching && !me.data} error={me.error} retry={() => undefined} />
      {manages === false && (
        <p className="state">{t('Seuls un administrateur et l’administrateur d’une firme gèrent les accès.')}</p>
      )}
      {manages && (
        <>
          <Users />
          <ApiKeys />
        </>
      )}
    </section>
  );
}

const userFields = ['email', 'displayName', 'role', 'password', 'wilayaCodes', 'contractorId'] as const;

/** Users shown per page of the table. */
const usersPerPage = 50;

function Users() {
  const { t } = useTranslation();
  const [me] = useQuery({ query: MeQuery });
  const [cursors, setCursors] = useState<string[]>([]);
  const [users, reexecute] = useQuery({
    query: UsersQuery,
    variables: { first: usersPerPage, after: cursors.at(-1) ?? null },
  });
  const [created, create] = useMutation(CreateUserMutation);
  const [, disable] = useMutation(DisableUserMutation);
  const [, sendReset] = useMutation(SendPasswordResetMutation);
  const [resets] = useQuery({ query: PasswordResetAvailableQuery });
  // What became of the last reset link sent from a row: sent, or why not.
  const [resetOutcome, setResetOutcome] = useState<{ sent: boolean; message: string } | null>(null);
  // The roles the viewer may give, as the API answers (a firm's admin: its firm's people, a technician by default).
  const offered: readonly string[] = me.data?.viewerCan.grantRoles ?? [];
  const [form, setForm] = useState({
    email: '',
    displayName: '',
    role: offered.includes('VIEWER') ? 'VIEWER' : 'TECHNICIAN',
    password: '',
    wilayaCodes: '',
    contractorId: '',
    isContractorAdmin: false,
  });
  const ofFirm = firmRoles.includes(form.role);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const { scope: formElement, alert } = useFocusFirstProblem(problems);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (ofFirm && !form.contractorId) {
      setProblems([{ field: 'contractorId', message: t('Choisissez la firme de l’utilisateur dans la liste.') }]);
      return;
    }
    const outcome = await create({
      input: {
        email: form.email,
        displayName: form.displayName,
        role: form.role as never,
        password: form.password,
        wilayaCodes: form.role === 'DOT_MANAGER' ? form.wilayaCodes.split(/[\s,;]+/).filter(Boolean) : null,
        contractorId: ofFirm ? form.contractorId || null : null,
        isContractorAdmin: form.role === 'CONTRACTOR' ? form.isContractorAdmin : null,
      },
    });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    setDone(form.email);
    setForm({ ...form, email: '', displayName: '', password: '' });
    reexecute({ requestPolicy: 'network-only' });
  }

  async function end(user: { id: string; version: number; email: string }) {
    const reason = window.prompt(t('Désactiver {{email}} : raison (gardée dans l’historique)', { email: user.email }));
    if (!reason) return;
    const outcome = await disable({ id: user.id, expectedVersion: user.version, reason });
    setProblems(outcome.error ? problemsOf(outcome.error) : []);
    reexecute({ requestPolicy: 'network-only' });
  }

  /** E-mails `user` a link to choose a new password itself: the manager never knows it. */
  async function sendResetLink(user: { id: string; email: string }) {
    setResetOutcome(null);
    if (
      !window.confirm(
        t(
          'Envoyer à {{email}} un lien pour choisir un nouveau mot de passe ? Son mot de passe actuel reste valable tant qu’il n’en a pas choisi un autre.',
          { email: user.email },
        ),
      )
    )
      return;
    const outcome = await sendReset({ id: user.id });
    setResetOutcome(
      outcome.data
        ? {
            sent: true,
            message: t('Lien envoyé à {{email}} : il sert une fois, pendant {{minutes}} minutes.', {
              email: user.email,
              minutes: outcome.data.sendPasswordReset.validMinutes,
            }),
          }
        : {
            sent: false,
            message: outcome.error
              ? problemsOf(outcome.error)
                  .map((p) => p.message)
                  .join(' ')
              : '',
          },
    );
  }

  const edges = users.data?.users.edges ?? [];
  return (
    <>
      <h2>{t('Utilisateurs')}</h2>
      {resets.data?.passwordResetAvailable === false && (
        <p className="state">
          {t(
            'Ce serveur n’envoie pas d’e-mails : les utilisateurs ne peuvent pas recevoir de lien pour choisir un nouveau mot de passe.',
          )}
        </p>
      )}
      {resetOutcome && (
        <p role={resetOutcome.sent ? 'status' : 'alert'} className={resetOutcome.sent ? 'state' : 'state state-error'}>
          {resetOutcome.message}
        </p>
      )}
      <QueryState
        shape="table"
        fetching={users.fetching && !users.data}
        error={users.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {users.data && edges.length === 0 && <p className="state">{t('Aucun utilisateur pour l’instant.')}</p>}
      {users.data && edges.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('Adresse e-mail')}</th>
              <th scope="col">{t('Nom')}</th>
              <th scope="col">{t('Rôle')}</th>
              <th scope="col">{t('Périmètre')}</th>
              <th scope="col">{t('État')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('Actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node }) => (
              <tr key={node.id} data-testid="user-row">
                <td>
                  <bdi>{node.email}</bdi>
                </td>
                <td>
                  <bdi>{node.displayName}</bdi>
                </td>
                <td>
                  <bdi>{roleLabels[node.role] ? t(roleLabels[node.role]!) : node.role}</bdi>
                </td>
                <td>
                  <bdi>
                    {node.role === 'DOT_MANAGER' ? node.wilayaCodes.join(', ') : (node.contractor?.legalName ?? '—')}
                    {node.isContractorAdmin ? ` ${t('(administrateur de la firme)')}` : ''}
                  </bdi>
                </td>
                <td>
                  <bdi>
                    {node.disabledAt
                      ? t('Désactivé le {{instant}}', { instant: formatAlgiersDateTime(node.disabledAt) })
                      : t('Actif')}
                  </bdi>
                </td>
                <td>
                  <bdi>
                    {!node.disabledAt && resets.data?.passwordResetAvailable && (
                      <button type="button" onClick={() => sendResetLink(node)}>
                        {t('Envoyer un lien de mot de passe')}
                      </button>
                    )}{' '}
                    {!node.disabledAt && node.id !== me.data?.me?.id && (
                      <button type="button" onClick={() => end(node)}>
                        {t('Désactiver')}
                      </button>
                    )}
                  </bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {users.data && edges.length > 0 && (
        <p className="muted" data-testid="users-shown">
          {t('Utilisateurs {{first}} à {{last}} sur {{total}}.', {
            first: cursors.length * usersPerPage + 1,
            last: cursors.length * usersPerPage + edges.length,
            total: users.data.users.totalCount,
          })}
        </p>
      )}
      {users.data && <Pager cursors={cursors} onChange={setCursors} pageInfo={users.data.users.pageInfo} />}
      <form ref={formElement} onSubmit={submit} className="form-grid" aria-labelledby="new-user-heading" noValidate>
        <h3 id="new-user-heading" className="form-title">
          {t('Nouvel utilisateur')}
        </h3>
        <FormField id="user-email" label={t('Adresse e-mail')} problem={problemOf(problems, 'email')}>
          {(attributes) => (
            <input
              dir="auto"
              {...attributes}
              type="email"
              value={form.email}
              onChange={(event) => setForm({ ...form, email: event.target.value })}
            />
          )}
        </FormField>
        <FormField id="user-name" label={t('Nom affiché')} problem={problemOf(problems, 'displayName')}>
          {(attributes) => (
            <input
              dir="auto"
              {...attributes}
              value={form.displayName}
              onChange={(event) => setForm({ ...form, displayName: event.target.value })}
            />
          )}
        </FormField>
        <FormField id="user-role" label={t('Rôle')} problem={problemOf(problems, 'role')}>
          {(attributes) => (
            <select
              {...attributes}
              value={form.role}
              onChange={(event) => setForm({ ...form, role: event.target.value, contractorId: '' })}
            >
              {offered.map((value) => (
                <option key={value} value={value}>
                  {t(roleLabels[value]!)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id="user-password"
          label={t('Mot de passe initial (12 caractères au moins)')}
          problem={problemOf(problems, 'password')}
        >
          {(attributes) => (
            <input
              {...attributes}
              type="password"
              value={form.password}
              onChange={(event) => setForm({ ...form, password: event.target.value })}
            />
          )}
        </FormField>
        {form.role === 'DOT_MANAGER' && (
          <FormField
            id="user-wilayas"
            label={t('Wilayas (codes, ex. 16, 09)')}
            problem={problemOf(problems, 'wilayaCodes')}
          >
            {(attributes) => (
              <input
                dir="auto"
                {...attributes}
                value={form.wilayaCodes}
                onChange={(event) => setForm({ ...form, wilayaCodes: event.target.value })}
              />
            )}
          </FormField>
        )}
        {ofFirm && (
          <FormField id="user-contractor" label={t('Firme')} problem={problemOf(problems, 'contractorId')}>
            {(attributes) => (
              <ContractorPicker
                {...attributes}
                value={form.contractorId}
                onChange={(contractorId) => setForm((current) => ({ ...current, contractorId }))}
              />
            )}
          </FormField>
        )}
        {form.role === 'CONTRACTOR' && (
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={form.isContractorAdmin}
              onChange={(event) => setForm({ ...form, isContractorAdmin: event.target.checked })}
            />{' '}
            {t('Administrateur de la firme')}
          </label>
        )}
        <ProblemsAlert ref={alert} problems={problems} fields={userFields} />
        {done && (
          <p role="status" className="form-title">
            {t('Utilisateur {{email}} créé.', { email: done })}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" disabled={created.fetching}>
            {t('Créer l’utilisateur')}
          </button>
        </div>
      </form>
    </>
  );
}

const keyFields = ['name', 'scopes'] as const;

function ApiKeys() {
  const { t } = useTranslation();
  const [keys, reexecute] = useQuery({ query: ApiKeysQuery });
  const [created, create] = useMutation(CreateApiKeyMutation);
  const [, revoke] = useMutation(RevokeApiKeyMutation);
  const [form, setForm] = useState({ name: '', scopes: 'READ_SITES, READ_CUSTOMER_SUBSCRIPTIONS' });
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const { scope: formElement, alert } = useFocusFirstProblem(problems);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Typed as the schema's ApiKeyScope, but typed by a person: the server refuses a name it does not know on `scopes.<n>`.
    const scopes = form.scopes.split(/[\s,;]+/).filter(Boolean) as ApiKeyScope[];
    const outcome = await create({ input: { name: form.name, scopes } });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    setCopied(false);
    setSecret(outcome.data!.createApiKey.secret);
    setForm({ ...form, name: '' });
    reexecute({ requestPolicy: 'network-only' });
  }

  const apiKeys = keys.data?.apiKeys ?? [];
  return (
    <>
      <h2>{t('Clés d’API')}</h2>
      {secret && (
        <div className="secret" role="status">
          <p>
            <strong>{t('Copiez cette clé maintenant :')}</strong> {t('elle ne sera plus jamais affichée.')}
          </p>
          <code data-testid="api-key-secret">{secret}</code>{' '}
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(secret);
              setCopied(true);
            }}
          >
            {copied ? t('Copiée') : t('Copier')}
          </button>{' '}
          <button type="button" onClick={() => setSecret(null)}>
            {t('Fermer')}
          </button>
        </div>
      )}
      <QueryState
        shape="table"
        fetching={keys.fetching && !keys.data}
        error={keys.error}
        retry={() => reexecute({ requestPolicy: 'network-only' })}
      />
      {keys.data && apiKeys.length === 0 && (
        <EmptyState
          title={t('Aucune clé d’API pour l’instant.')}
          next={t(
            'Une application qui passe par l’API a besoin d’une clé : créez-la avec le formulaire ci-dessous ; son secret ne s’affiche qu’une fois.',
          )}
        />
      )}
      {apiKeys.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('Nom')}</th>
              <th scope="col">{t('Début')}</th>
              <th scope="col">{t('Droits')}</th>
              <th scope="col">{t('Dernière utilisation')}</th>
              <th scope="col">{t('État')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('Actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {apiKeys.map((key) => (
              <tr key={key.id} data-testid="api-key-row">
                <td>
                  <bdi>{key.name}</bdi>
                </td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>
                  <bdi>{key.scopes.join(', ')}</bdi>
                </td>
                <td>
                  <bdi>{key.lastUsedAt ? formatAlgiersDateTime(key.lastUsedAt) : t('jamais')}</bdi>
                </td>
                <td>
                  <bdi>
                    {key.revokedAt
                      ? t('Révoquée le {{instant}}', { instant: formatAlgiersDateTime(key.revokedAt) })
                      : t('Active')}
                  </bdi>
                </td>
                <td>
                  <bdi>
                    {!key.revokedAt && (
                      <button
                        type="button"
                        onClick={async () => {
                          // An application using the key stops working for good: ask first.
                          if (
                            !window.confirm(
                              t(
                                'Révoquer la clé « {{name}} » ? Les applications qui l’utilisent n’auront plus accès, définitivement.',
                                { name: key.name },
                              ),
                            )
                          )
                            return;
                          const outcome = await revoke({ id: key.id });
                          setProblems(outcome.error ? problemsOf(outcome.error) : []);
                          reexecute({ requestPolicy: 'network-only' });
                        }}
                      >
                        {t('Révoquer')}
                      </button>
                    )}
                  </bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form ref={formElement} onSubmit={submit} className="form-grid" aria-labelledby="new-key-heading" noValidate>
        <h3 id="new-key-heading" className="form-title">
          {t('Nouvelle clé')}
        </h3>
        <FormField id="key-name" label={t('Nom (l’application qui l’utilise)')} problem={problemOf(problems, 'name')}>
          {(attributes) => (
            <input
              dir="auto"
              {...attributes}
              value={form.name}
              onChange={(event) => setForm({ ...form, name: event.target.value })}
            />
          )}
        </FormField>
        <FormField
          id="key-scopes"
          label={t('Droits (séparés par des virgules, ex. READ_SITES, WRITE_ACCEPT_INSTALLATION)')}
          problem={problemOf(problems, 'scopes')}
        >
          {(attributes) => (
            <input
              dir="auto"
              {...attributes}
              value={form.scopes}
              onChange={(event) => setForm({ ...form, scopes: event.target.value })}
            />
          )}
        </FormField>
        <ProblemsAlert ref={alert} problems={problems} fields={keyFields} />
        <div className="form-actions">
          <button type="submit" disabled={created.fetching}>
            {t('Créer la clé')}
          </button>
        </div>
      </form>
    </>
  );
}
