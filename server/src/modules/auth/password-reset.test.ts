import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { activeContractor, mustQuery } from '../../../test/api.js';
import { contextAt } from '../../../test/contexts.js';
import { eventually } from '../../../test/eventually.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { startSmtpReceiver, type Received, type SmtpReceiver } from '../../../test/smtp.js';
import { resetPassword } from './password-reset.service.js';

const publicUrl = 'https://raccord.example.dz';
let smtp: SmtpReceiver;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: publicUrl, MAIL_FROM: 'Raccord <raccord@example.dz>' });
});
afterAll(async () => {
  await t?.stop();
  await smtp?.close();
});
// Every request of this file comes from 127.0.0.1: each test starts with no request counted.
beforeEach(async () => {
  await t.sql(`delete from login_rate_limit where key like 'reset_%'`);
});

const anonymous = { authorization: '' };
let made = 0;

/** A new enabled user (of `contractorId`'s firm, else a reader), signed in once: its id, e-mail, password and token. */
async function newUser(contractorId?: string) {
  made += 1;
  const email = `reset-${made}-${Math.random().toString(36).slice(2, 8)}@raccord.test`;
  const password = 'the first password';
  const { createUser } = await mustQuery<{ createUser: { id: string } }>(
    t,
    'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
    {
      input: {
        email,
        displayName: 'Amina Ould Ali',
        role: contractorId ? 'CONTRACTOR' : 'VIEWER',
        contractorId: contractorId ?? null,
        password,
      },
    },
  );
  return { id: createUser.id, email, password, token: await signIn(t.url, email, password) };
}

const requestReset = (email: string) =>
  t.graphql<{ requestPasswordReset: { validMinutes: number } }>(
    'mutation ($email: String!) { requestPasswordReset(email: $email) { validMinutes } }',
    { email },
    anonymous,
  );

const reset = (token: string, newPassword: string) =>
  t.graphql<{ resetPassword: boolean }>(
    'mutation ($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }',
    { token, newPassword },
    anonymous,
  );

/** The mails received by `email`, once there are `count`. */
async function mailsTo(email: string, count = 1): Promise<Received[]> {
  const found = () => smtp.mails.filter((mail) => mail.to.includes(email));
  await eventually(() => expect(found().length).toBeGreaterThanOrEqual(count));
  return found();
}

/** The token of the reset link in a mail. */
function tokenIn(mail: Received): string {
  const match = /https:\/\/raccord\.example\.dz\/nouveau-mot-de-passe#([A-Za-z0-9_-]+)/.exec(mail.message);
  expect(match).not.toBeNull();
  return match![1]!;
}

const whoAmI = (token: string) =>
  t.graphql<{ me: { id: string } | null }>('{ me { id } }', {}, { authorization: `Bearer ${token}` });

describe('a forgotten password', () => {
  it('is reset with the link e-mailed in the user’s language, once: the user’s sessions end, the old password stops working, the change is audited', async () => {
    const user = await newUser();
    const other = await signIn(t.url, user.email, user.password);
    const chosen = await t.graphql<{ setMyLanguage: { language: string } }>(
      'mutation { setMyLanguage(language: AR) { language } }',
      {},
      { authorization: `Bearer ${user.token}` },
    );
    expect(chosen.body.data?.setMyLanguage.language).toBe('AR');

    const asked = await requestReset(user.email.toUpperCase());
    expect(asked.body).toEqual({ data: { requestPasswordReset: { validMinutes: 60 } } });
    const [mail] = await mailsTo(user.email);
    expect(mail!.message).toContain('Subject: Raccord: اختيار كلمة مرور جديدة');
    expect(mail!.message).toContain('<html lang="ar" dir="rtl">');
    expect(mail!.message).toContain('يصلح هذا الرابط مرة واحدة، لمدة 60 دقيقة');
    // The name is isolated from the Arabic sentence's direction.
    expect(mail!.exact).toContain('مرحبًا \u2068Amina Ould Ali\u2069،');
    const token = tokenIn(mail!);
    // The database keeps only the token's hash, nowhere the token.
    const [row] = await t.sql<{ token_hash: string }>(`select token_hash from password_reset where user_id = $1`, [
      user.id,
    ]);
    expect(row!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const everything = await t.sql(
      `select (select json_agg(r) from password_reset r)::text || (select coalesce(json_agg(j), '[]') from graphile_worker._private_jobs j)::text as text`,
    );
    expect(JSON.stringify(everything)).not.toContain(token);

    const short = await reset(token, 'short');
    expect(short.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'newPassword',
      reasonCode: 'MIN_CHARACTERS',
    });
    expect((await whoAmI(user.token)).body.data?.me?.id).toBe(user.id);

    expect((await reset(token, 'a brand new password')).body).toEqual({ data: { resetPassword: true } });
    for (const session of [user.token, other])
      expect((await whoAmI(session)).body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    await expect(signIn(t.url, user.email, user.password)).rejects.toThrow(/UNAUTHENTICATED/);
    await signIn(t.url, user.email, 'a brand new password');

    const again = await reset(token, 'yet another password');
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'token',
      reasonCode: 'RESET_LINK_USED',
    });
    const audited = await t.sql<{ actor_type: string; actor_id: string; changes: unknown }>(
      `select actor_type, actor_id, changes from audit_event where entity_type = 'USER' and entity_id = $1 and action = 'UPDATE'`,
      [user.id],
    );
    expect(audited).toEqual([
      { actor_type: 'USER', actor_id: user.id, changes: [{ field: 'password', from: null, to: null }] },
    ]);
  });

  it('gets the same answer for an address nobody has, or a disabled user’s, and e-mails nobody', async () => {
    const disabled = await newUser();
    await mustQuery(t, 'mutation ($id: ID!) { disableUser(id: $id, expectedVersion: 1, reason: "départ") { id } }', {
      id: disabled.id,
    });
    const known = await newUser();
    const answers = [];
    for (const email of ['personne@raccord.test', disabled.email, known.email])
      answers.push((await requestReset(email)).body);
    expect(answers[0]).toEqual({ data: { requestPasswordReset: { validMinutes: 60 } } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // The known user's mail, asked for last, arrived: the others, asked for before, had theirs added before it, had there been any.
    await mailsTo(known.email);
    expect(
      smtp.mails.filter((mail) => mail.to.includes('personne@raccord.test') || mail.to.includes(disabled.email)),
    ).toEqual([]);
    expect(await t.sql(`select id from password_reset where user_id = $1`, [disabled.id])).toEqual([]);
  });

  it('refuses a link past its hour on the rules’ clock, and a token that is no link', async () => {
    const user = await newUser();
    await requestReset(user.email);
    const token = tokenIn((await mailsTo(user.email))[0]!);
    const [row] = await t.sql<{ expires_at: Date }>(`select expires_at from password_reset where user_id = $1`, [
      user.id,
    ]);
    const expiresAt = row!.expires_at.getTime();
    await expect(
      resetPassword(contextAt(t.app.orm, new Date(expiresAt).toISOString()), {
        token,
        newPassword: 'too late a password',
      }),
    ).rejects.toMatchObject({ extensions: { field: 'token', reasonCode: 'RESET_LINK_EXPIRED' } });
    await resetPassword(contextAt(t.app.orm, new Date(expiresAt - 1000).toISOString()), {
      token,
      newPassword: 'just in time password',
    });
    await signIn(t.url, user.email, 'just in time password');

    for (const garbage of ['not-a-link', 'x'.repeat(43)])
      expect((await reset(garbage, 'whatever password')).body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'token',
        reasonCode: 'RESET_LINK_INVALID',
      });
  });

  it('is asked for at most 3 times an hour for one address, known or not, then TOO_MANY_ATTEMPTS', async () => {
    for (const email of ['limite@raccord.test', (await newUser()).email]) {
      for (let attempt = 0; attempt < 3; attempt += 1) expect((await requestReset(email)).body.errors).toBeUndefined();
      const refused = (await requestReset(email)).body.errors?.[0]?.extensions;
      expect(refused?.['code']).toBe('TOO_MANY_ATTEMPTS');
      expect(refused?.['retryAfterSeconds']).toBeGreaterThan(3500);
    }
  });
});

describe('a link sent by who manages access', () => {
  const send = (id: string, authorization?: string) =>
    t.graphql<{ sendPasswordReset: { validMinutes: number } }>(
      'mutation ($id: ID!) { sendPasswordReset(id: $id) { validMinutes } }',
      { id },
      authorization ? { authorization } : {},
    );

  it('reaches the user in its language (French by default), tells the admin nothing of the token, and is audited', async () => {
    const user = await newUser();
    expect((await send(user.id)).body).toEqual({ data: { sendPasswordReset: { validMinutes: 60 } } });
    const [mail] = await mailsTo(user.email);
    expect(mail!.message).toContain('Subject: Raccord : choisir un nouveau mot de passe');
    expect(mail!.message).toContain('<html lang="fr">');
    expect(mail!.message).toContain('L’administrateur de vos accès vous invite à choisir un nouveau mot de passe');
    expect((await reset(tokenIn(mail!), 'the password I chose')).body.data?.resetPassword).toBe(true);
    const [audit] = await t.sql<{ actor_type: string; reason: string }>(
      `select actor_type, reason from audit_event where entity_type = 'USER' and entity_id = $1 order by id limit 1 offset 1`,
      [user.id],
    );
    expect(audit).toEqual({ actor_type: 'USER', reason: 'Password reset link sent by e-mail' });
  });

  it("is sent by a firm's admin to its firm's users only", async () => {
    const firm = await activeContractor(t);
    const otherFirm = await activeContractor(t);
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: {
        email: `firm-admin-${firm.id}@raccord.test`,
        displayName: 'Admin firme',
        role: 'CONTRACTOR',
        contractorId: firm.id,
        isContractorAdmin: true,
        password: 'firm admin password',
      },
    });
    const firmAdmin = `Bearer ${await signIn(t.url, `firm-admin-${firm.id}@raccord.test`, 'firm admin password')}`;
    const own = await newUser(firm.id);
    const foreign = await newUser(otherFirm.id);
    expect((await send(own.id, firmAdmin)).body.errors).toBeUndefined();
    expect((await send(foreign.id, firmAdmin)).body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect((await send(own.id, `Bearer ${own.token}`)).body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('with mail off (no SMTP_URL)', () => {
  it('says so before anyone asks, and refuses both ways of sending a link with MAIL_OFF, writing nothing', async () => {
    const off = await startTestApp({ PUBLIC_URL: publicUrl });
    try {
      const available = await off.graphql<{ passwordResetAvailable: boolean }>(
        '{ passwordResetAvailable }',
        {},
        anonymous,
      );
      expect(available.body).toEqual({ data: { passwordResetAvailable: false } });
      const asked = await off.graphql(
        'mutation { requestPasswordReset(email: "admin@raccord.test") { validMinutes } }',
        {},
        anonymous,
      );
      expect(asked.body.errors?.[0]?.extensions?.['code']).toBe('MAIL_OFF');
      const [admin] = await off.sql<{ id: string }>(`select id from app_user limit 1`);
      const sent = await off.graphql(`mutation { sendPasswordReset(id: "${admin!.id}") { validMinutes } }`);
      expect(sent.body.errors?.[0]?.extensions?.['code']).toBe('MAIL_OFF');
      expect(await off.sql(`select id from password_reset`)).toEqual([]);
    } finally {
      await off.stop();
    }
    expect((await t.graphql('{ passwordResetAvailable }', {}, anonymous)).body).toEqual({
      data: { passwordResetAvailable: true },
    });
  });
});
