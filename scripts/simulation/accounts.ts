import { createHmac } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ApiError, TransportError, type GraphQLClient } from './api.js';

/** The simulation cannot start: the server is unreachable, a sign-in was refused, or the data does not allow it. */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}

/** A user the simulation acts as, made by it (or the administrator it was given). */
export interface UserSpec {
  readonly email: string;
  readonly displayName: string;
  readonly role: 'DOT_MANAGER' | 'FINANCE' | 'CONTRACTOR';
  readonly wilayaCodes?: readonly string[];
  readonly contractorId?: string;
}

/** Where the simulation's users live: a domain reserved never to receive mail (RFC 2606). */
const domain = 'raccord-simulation.invalid';

/** The DOT manager of one wilaya. */
export function dotManager(wilayaCode: string, wilayaName: string): UserSpec {
  return {
    email: `dot-${wilayaCode}@${domain}`,
    displayName: `DOT ${wilayaCode} ${wilayaName} (simulation)`,
    role: 'DOT_MANAGER',
    wilayaCodes: [wilayaCode],
  };
}

/** AT's finance user. */
export function financeUser(): UserSpec {
  return { email: `finance@${domain}`, displayName: 'Finance (simulation)', role: 'FINANCE' };
}

/** A user of contractor firm `contractorId`. */
export function firmUser(contractorId: string, legalName: string): UserSpec {
  return {
    email: `firm-${contractorId}@${domain}`,
    displayName: `${legalName.slice(0, 180)} (simulation)`,
    role: 'CONTRACTOR',
    contractorId,
  };
}

/**
 * The password of a simulation user: HMAC-SHA256 of its email keyed by the administrator's password
 * (base64url, 43 characters). The same on every run, so users made once are signed in again, and
 * known only to whoever holds the administrator's password.
 */
export function derivedPassword(adminPassword: string, email: string): string {
  return createHmac('sha256', adminPassword).update(`raccord-simulation:${email}`).digest('base64url');
}

interface StoredSession {
  token: string;
  expiresAt: string;
}

/**
 * Sessions kept between runs in a JSON file (mode 0600: it holds bearer tokens), as any client
 * keeps its sign-in: a run signs in one user per firm and per wilaya, each sign-in an argon2 check
 * on the server. Without a file, every run signs in again.
 */
export class SessionStore {
  private sessions: Record<string, StoredSession> = {};

  constructor(private readonly file: string | null) {}

  /** Reads the file; a missing or unreadable one counts as empty. */
  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object') this.sessions = parsed as Record<string, StoredSession>;
    } catch {
      this.sessions = {};
    }
  }

  /** A stored session of `email` on `url` that is valid for at least ten more minutes, if any. */
  get(url: string, email: string): string | null {
    const session = this.sessions[`${url} ${email}`];
    if (!session || typeof session.token !== 'string' || !(Date.parse(session.expiresAt) > Date.now() + 600_000))
      return null;
    return session.token;
  }

  /** Keeps the session of `email` on `url`, expiring at `expiresAt` (ISO 8601). */
  set(url: string, email: string, token: string, expiresAt: string): void {
    this.sessions[`${url} ${email}`] = { token, expiresAt };
  }

  /** Writes the sessions to the file (mode 0600), making its folder if needed. */
  async save(): Promise<void> {
    if (!this.file) return;
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(this.file, `${JSON.stringify(this.sessions, null, 2)}\n`, { mode: 0o600 });
  }
}

const loginMutation = `mutation SimulationSignIn($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { token expiresAt user { role } }
}`;

/** A signed-in user: its token and role. */
export interface SignedIn {
  readonly email: string;
  readonly token: string;
  readonly role: string;
}

/**
 * Signs `email` in, reusing its stored session while the server still takes it (checked with `me`).
 * @throws SetupError when the server is unreachable or refuses the sign-in (wrong password, locked, disabled)
 */
export async function signIn(
  client: GraphQLClient,
  store: SessionStore,
  email: string,
  password: string,
): Promise<SignedIn> {
  const stored = store.get(client.url, email);
  try {
    if (stored) {
      const me = await client
        .request<{ me: { email: string; role: string } | null }>(
          'query SimulationWhoAmI { me { email role } }',
          {},
          stored,
          { quiet: ['UNAUTHENTICATED'] },
        )
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return { me: null };
          throw error;
        });
      if (me.me?.email === email.toLowerCase()) return { email, token: stored, role: me.me.role };
    }
    const data = await client.request<{ login: { token: string; expiresAt: string; user: { role: string } } }>(
      loginMutation,
      { email, password },
      null,
    );
    store.set(client.url, email, data.login.token, data.login.expiresAt);
    return { email, token: data.login.token, role: data.login.user.role };
  } catch (error) {
    if (error instanceof TransportError)
      throw new SetupError(
        `${error.message}: is the server running? Start it with npm start, or give its address with --url`,
      );
    if (error instanceof ApiError) throw new SetupError(`sign-in refused for ${email}: ${error.message}`);
    throw error;
  }
}

const usersQuery = `query SimulationUsers($after: String) {
  users(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { email role disabledAt wilayaCodes contractor { id } } } }
}`;

const createUserMutation = `mutation SimulationCreateUser($input: CreateUserInput!) { createUser(input: $input) { id } }`;

interface ExistingUser {
  email: string;
  role: string;
  disabledAt: string | null;
  wilayaCodes: string[];
  contractor: { id: string } | null;
}

/**
 * Makes sure every user of `wanted` exists, as an administrator (`adminToken`) would in the console:
 * creates the missing ones with their derived password, reuses the others. Returns the emails of each.
 * @throws SetupError when a user of that email exists with another role, firm or wilaya, or is disabled
 */
export async function ensureUsers(
  client: GraphQLClient,
  adminToken: string,
  adminPassword: string,
  wanted: readonly UserSpec[],
): Promise<{ created: string[]; reused: string[] }> {
  const existing = new Map<string, ExistingUser>();
  for (let after: string | null = null; ;) {
    const page: {
      users: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ExistingUser }[] };
    } = await client.request(usersQuery, { after }, adminToken);
    for (const { node } of page.users.edges) existing.set(node.email, node);
    if (!page.users.pageInfo.hasNextPage) break;
    after = page.users.pageInfo.endCursor;
  }
  const created: string[] = [];
  const reused: string[] = [];
  for (const user of wanted) {
    const found = existing.get(user.email);
    if (found) {
      if (found.disabledAt) throw new SetupError(`user ${user.email} is disabled: the simulation cannot act as it`);
      const sameWork =
        found.role === user.role &&
        (found.contractor?.id ?? undefined) === user.contractorId &&
        [...found.wilayaCodes].sort().join() === [...(user.wilayaCodes ?? [])].sort().join();
      if (!sameWork)
        throw new SetupError(
          `user ${user.email} exists with another role, firm or wilayas: disable it (console, /acces), then run again`,
        );
      reused.push(user.email);
      continue;
    }
    await client.request(
      createUserMutation,
      {
        input: {
          email: user.email,
          displayName: user.displayName,
          role: user.role,
          password: derivedPassword(adminPassword, user.email),
          ...(user.wilayaCodes ? { wilayaCodes: user.wilayaCodes } : {}),
          ...(user.contractorId ? { contractorId: user.contractorId } : {}),
        },
      },
      adminToken,
    );
    created.push(user.email);
  }
  return { created, reused };
}
