import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { QueryState } from '../../components/QueryState.tsx';
import { problemsOf, type FieldProblem } from '../../lib/errors.ts';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import { ActiveContractorsQuery, ApiKeysQuery, CreateApiKeyMutation, CreateUserMutation, DisableUserMutation, RevokeApiKeyMutation, UsersQuery } from './documents.ts';

const roleLabels: Record<string, string> = {
  ADMIN: 'Administrateur',
  DOT_MANAGER: 'Responsable DOT',
  FINANCE: 'Finance',
  CONTRACTOR: 'Contractant',
  VIEWER: 'Lecture seule',
};

/** Who may sign in and which applications may call the API: users and API keys, created and ended here. */
export function AccessPage() {
  return (
    <section>
      <h1>Utilisateurs et clés d’API</h1>
      <Users />
      <ApiKeys />
    </section>
  );
}

function Problems({ problems }: { problems: FieldProblem[] }) {
  return (
    <>
      {problems.map((problem) => (
        <p key={`${problem.field}-${problem.message}`} role="alert" className="field-problem">
          {problem.field ? `${problem.field} : ` : ''}
          {problem.message}
        </p>
      ))}
    </>
  );
}

function Users() {
  const [users, reexecute] = useQuery({ query: UsersQuery });
  const [contractors] = useQuery({ query: ActiveContractorsQuery });
  const [created, create] = useMutation(CreateUserMutation);
  const [, disable] = useMutation(DisableUserMutation);
  const [form, setForm] = useState({ email: '', displayName: '', role: 'VIEWER', password: '', wilayaCodes: '', contractorId: '', isContractorAdmin: false });
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await create({
      input: {
        email: form.email,
        displayName: form.displayName,
        role: form.role as never,
        password: form.password,
        wilayaCodes: form.role === 'DOT_MANAGER' ? form.wilayaCodes.split(/[\s,;]+/).filter(Boolean) : null,
        contractorId: form.role === 'CONTRACTOR' ? form.contractorId || null : null,
        isContractorAdmin: form.role === 'CONTRACTOR' ? form.isContractorAdmin : null,
      },
    });
    if (outcome.error) {
      setProblems(problemsOf(outcome.error));
      return;
    }
    setProblems([]);
    setForm({ ...form, email: '', displayName: '', password: '' });
    reexecute({ requestPolicy: 'network-only' });
  }

  async function end(user: { id: string; version: number; email: string }) {
    const reason = window.prompt(`Désactiver ${user.email} : raison (gardée dans l’historique)`);
    if (!reason) return;
    const outcome = await disable({ id: user.id, expectedVersion: user.version, reason });
    setProblems(outcome.error ? problemsOf(outcome.error) : []);
    reexecute({ requestPolicy: 'network-only' });
  }

  return (
    <>
      <h2>Utilisateurs</h2>
      <QueryState fetching={users.fetching && !users.data} error={users.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {users.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Adresse e-mail</th>
              <th scope="col">Nom</th>
              <th scope="col">Rôle</th>
              <th scope="col">Périmètre</th>
              <th scope="col">État</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.edges.map(({ node }) => (
              <tr key={node.id} data-testid="user-row">
                <td>{node.email}</td>
                <td>{node.displayName}</td>
                <td>{roleLabels[node.role] ?? node.role}</td>
                <td>{node.role === 'DOT_MANAGER' ? node.wilayaCodes.join(', ') : (node.contractor?.legalName ?? '—')}{node.isContractorAdmin ? ' (administrateur de la firme)' : ''}</td>
                <td>{node.disabledAt ? `Désactivé le ${formatAlgiersDateTime(node.disabledAt)}` : 'Actif'}</td>
                <td>
                  {!node.disabledAt && (
                    <button type="button" onClick={() => end(node)}>
                      Désactiver
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={submit} className="form-grid" aria-labelledby="new-user-heading">
        <h3 id="new-user-heading" className="form-title">
          Nouvel utilisateur
        </h3>
        <div className="field">
          <label htmlFor="user-email">Adresse e-mail</label>
          <input id="user-email" type="email" value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="user-name">Nom affiché</label>
          <input id="user-name" value={form.displayName} onChange={(event) => setForm({ ...form, displayName: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="user-role">Rôle</label>
          <select id="user-role" value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value })}>
            {Object.entries(roleLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-password">Mot de passe initial (12 caractères au moins)</label>
          <input id="user-password" type="password" value={form.password} onChange={(event) => setForm({ ...form, password: event.target.value })} />
        </div>
        {form.role === 'DOT_MANAGER' && (
          <div className="field">
            <label htmlFor="user-wilayas">Wilayas (codes, ex. 16, 09)</label>
            <input id="user-wilayas" value={form.wilayaCodes} onChange={(event) => setForm({ ...form, wilayaCodes: event.target.value })} />
          </div>
        )}
        {form.role === 'CONTRACTOR' && (
          <>
            <div className="field">
              <label htmlFor="user-contractor">Firme</label>
              <select id="user-contractor" value={form.contractorId} onChange={(event) => setForm({ ...form, contractorId: event.target.value })}>
                <option value="">Choisir…</option>
                {(contractors.data?.contractors.edges ?? []).map(({ node }) => (
                  <option key={node.id} value={node.id}>
                    {node.legalName}
                  </option>
                ))}
              </select>
            </div>
            <label className="field checkbox">
              <input type="checkbox" checked={form.isContractorAdmin} onChange={(event) => setForm({ ...form, isContractorAdmin: event.target.checked })} /> Administrateur de la firme
            </label>
          </>
        )}
        <Problems problems={problems} />
        <div className="form-actions">
          <button type="submit" disabled={created.fetching}>
            Créer l’utilisateur
          </button>
        </div>
      </form>
    </>
  );
}

function ApiKeys() {
  const [keys, reexecute] = useQuery({ query: ApiKeysQuery });
  const [, create] = useMutation(CreateApiKeyMutation);
  const [, revoke] = useMutation(RevokeApiKeyMutation);
  const [form, setForm] = useState({ name: '', scopes: 'read:sites, read:customerSubscriptions' });
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await create({ input: { name: form.name, scopes: form.scopes.split(/[\s,;]+/).filter(Boolean) } });
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

  return (
    <>
      <h2>Clés d’API</h2>
      {secret && (
        <div className="secret" role="status">
          <p>
            <strong>Copiez cette clé maintenant :</strong> elle ne sera plus jamais affichée.
          </p>
          <code data-testid="api-key-secret">{secret}</code>{' '}
          <button
            type="button"
            onClick={async () => {
              await navigator.clipboard.writeText(secret);
              setCopied(true);
            }}
          >
            {copied ? 'Copiée' : 'Copier'}
          </button>{' '}
          <button type="button" onClick={() => setSecret(null)}>
            Fermer
          </button>
        </div>
      )}
      <QueryState fetching={keys.fetching && !keys.data} error={keys.error} retry={() => reexecute({ requestPolicy: 'network-only' })} />
      {keys.data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Début</th>
              <th scope="col">Droits</th>
              <th scope="col">Dernière utilisation</th>
              <th scope="col">État</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.data.apiKeys.map((key) => (
              <tr key={key.id} data-testid="api-key-row">
                <td>{key.name}</td>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.scopes.join(', ')}</td>
                <td>{key.lastUsedAt ? formatAlgiersDateTime(key.lastUsedAt) : 'jamais'}</td>
                <td>{key.revokedAt ? `Révoquée le ${formatAlgiersDateTime(key.revokedAt)}` : 'Active'}</td>
                <td>
                  {!key.revokedAt && (
                    <button
                      type="button"
                      onClick={async () => {
                        const outcome = await revoke({ id: key.id });
                        setProblems(outcome.error ? problemsOf(outcome.error) : []);
                        reexecute({ requestPolicy: 'network-only' });
                      }}
                    >
                      Révoquer
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={submit} className="form-grid" aria-labelledby="new-key-heading">
        <h3 id="new-key-heading" className="form-title">
          Nouvelle clé
        </h3>
        <div className="field">
          <label htmlFor="key-name">Nom (l’application qui l’utilise)</label>
          <input id="key-name" value={form.name} onChange={(event) => setForm({ ...form, name: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="key-scopes">Droits (séparés par des virgules, ex. read:sites, write:acceptInstallation)</label>
          <input id="key-scopes" value={form.scopes} onChange={(event) => setForm({ ...form, scopes: event.target.value })} />
        </div>
        <Problems problems={problems} />
        <div className="form-actions">
          <button type="submit">Créer la clé</button>
        </div>
      </form>
    </>
  );
}
