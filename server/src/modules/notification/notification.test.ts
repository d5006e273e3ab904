import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createSite,
  firmInvoice,
  installedCustomerSubscription,
  mustQuery,
} from '../../../test/api.js';
import { eventually } from '../../../test/eventually.js';
import { startTestApp, testAdmin, type TestApp } from '../../../test/harness.js';
import { subscribe } from '../../../test/live.js';
import { startSmtpReceiver, type Received, type SmtpReceiver } from '../../../test/smtp.js';
import {
  consume,
  firmUser,
  rejectInstallation,
  rejected,
  settled,
  type UnloggedEvent,
} from '../../../test/notifications.js';
import { NotificationKind, NotificationSubject } from './notification.entity.js';
import { notifyExpiringApiKeys } from './notification.expiry.js';
import { renderNotificationSms } from './notification.sms.js';

let smtp: SmtpReceiver;

/** A request the test's SMS gateway received: its headers, its JSON body, and whether it was answered 200. */
interface GatewayRequest {
  readonly headers: IncomingHttpHeaders;
  readonly body: { to: string; text: string };
  readonly accepted: boolean;
}

const smsRequests: GatewayRequest[] = [];
/** Requests the SMS gateway answers 500 (down for a while) before it accepts again. */
let gatewayFailures = 0;
const smsApiKey = 'test-sms-gateway-key';
const gateway = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const accepted = gatewayFailures === 0;
    if (!accepted) gatewayFailures -= 1;
    smsRequests.push({
      headers: request.headers,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as GatewayRequest['body'],
      accepted,
    });
    response.writeHead(accepted ? 200 : 500, { 'content-type': 'application/json' });
    response.end(accepted ? '{"status":"queued"}' : '{"error":"gateway down"}');
  });
});

let t: TestApp;
const publicUrl = 'https://raccord.example.dz';

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  const { port: gatewayPort } = gateway.address() as AddressInfo;
  t = await startTestApp({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Raccord <raccord@example.dz>',
    PUBLIC_URL: publicUrl,
    SMS_URL: `http://127.0.0.1:${gatewayPort}/sms`,
    SMS_API_KEY: smsApiKey,
  });
});
afterAll(async () => {
  await t.stop();
  await smtp.close();
  gateway.closeAllConnections();
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
});

/** The first mail to `email` whose text holds `text`, once it has arrived. */
async function mailTo(email: string, text: string): Promise<Received> {
  const found = () => smtp.mails.find((mail) => mail.to.includes(email) && mail.message.includes(text));
  await eventually(() => expect(found()).toBeDefined());
  return found()!;
}

/** An installation of a new firm, waiting for acceptance, its events all handled: the firm's people made after hear of nothing before. */
async function installedWork(): Promise<{ firm: { id: string }; id: string }> {
  const firm = await activeContractor(t);
  const id = await installedCustomerSubscription(t, firm.id);
  await settled(t);
  return { firm, id };
}

const rejectWith = (id: string, reserves: string[]) => rejectInstallation(t, id, reserves);

const reserves = ['Câble de branchement non fixé sur la façade', 'Étiquette PTO manquante'];

describe('a rejected installation', () => {
  it("sends the firm's administrator an e-mail in French that the SMTP server receives, naming the reserves, with a link to the work; shows it in its console", async () => {
    const { firm, id } = await installedWork();
    const admin = await firmUser(t, firm.id, true);
    const staff = await firmUser(t, firm.id, false);
    const reference = await rejectWith(id, reserves);

    const mail = await mailTo(admin.email, 'Installation refusée');
    expect(mail.message).toContain(`Subject: Installation refusée : raccordement ${reference}`);
    expect(mail.message).toContain('From: Raccord <raccord@example.dz>');
    expect(mail.message).toContain(`L'installation du raccordement ${reference} a été refusée`);
    for (const reserve of reserves) expect(mail.message).toContain(`- ${reserve}`);
    expect(mail.message).toContain(`${publicUrl}/raccordements/${id}`);
    expect(smtp.mails.some((received) => received.to.includes(staff.email))).toBe(false);

    const { body } = await t.graphql<{
      notifications: { edges: { node: Record<string, unknown> }[] };
      unreadNotificationCount: number;
    }>(
      '{ notifications { edges { node { id kind subjectType subjectId subjectLabel details readAt } } } unreadNotificationCount }',
      {},
      { authorization: admin.authorization },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.unreadNotificationCount).toBe(1);
    expect(body.data!.notifications.edges[0]!.node).toMatchObject({
      kind: 'INSTALLATION_REJECTED',
      subjectType: 'CUSTOMER_SUBSCRIPTION',
      subjectId: id,
      subjectLabel: reference,
      details: reserves,
      readAt: null,
    });
  });
});

describe('the language of a mail', () => {
  it('is its recipient’s: an administrator who chose Arabic reads it in Arabic, right to left; one who did not, in French', async () => {
    const { firm, id } = await installedWork();
    const arabic = await firmUser(t, firm.id, true);
    const french = await firmUser(t, firm.id, true);
    const chosen = await t.graphql(
      'mutation { setMyLanguage(language: AR) { language } }',
      {},
      { authorization: arabic.authorization },
    );
    expect(chosen.body.errors).toBeUndefined();
    const reference = await rejectWith(id, ['Étiquette PTO manquante']);

    const inArabic = await mailTo(arabic.email, 'تركيب مرفوض');
    expect(inArabic.message).toContain(`Subject: تركيب مرفوض: التوصيل ${reference}`);
    expect(inArabic.exact).toContain(`التوصيل \u2068${reference}\u2069`);
    expect(inArabic.message).toContain('<html lang="ar" dir="rtl">');
    expect(inArabic.message).toContain(`${publicUrl}/raccordements/${id}`);
    const inFrench = await mailTo(french.email, 'Installation refusée');
    expect(inFrench.message).toContain('<html lang="fr">');
  });
});

describe('mail', () => {
  it('is sent again later when the mail server refuses it: a failing mail server loses none', async () => {
    const { firm, id } = await installedWork();
    const admin = await firmUser(t, firm.id, true);
    smtp.refusals = 2;
    smtp.refused = 0;
    await rejectWith(id, ['Boîtier PBO ouvert']);
    // graphile-worker waits between attempts (exponentially): bring each retry forward instead of waiting.
    await eventually(
      async () => {
        await t.sql(`update graphile_worker._private_jobs set run_at = now() where attempts > 0`);
        expect(smtp.mails.some((mail) => mail.to.includes(admin.email))).toBe(true);
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(smtp.refused).toBe(2);
    expect(smtp.mails.find((mail) => mail.to.includes(admin.email))!.message).toContain('- Boîtier PBO ouvert');
  });

  it('is not sent of a kind its recipient turned off; the notification still shows in the console', async () => {
    const { firm, id } = await installedWork();
    await rejectWith(id, ['Soudure à reprendre']);
    await settled(t);
    const admin = await firmUser(t, firm.id, true);
    const { body } = await t.graphql<{ updateNotificationPreferences: { preferences: { emailKinds: string[] } } }>(
      'mutation { updateNotificationPreferences(input: { emailKinds: [INVOICE_APPROVED, PAYMENT_RECORDED] }) { preferences { emailKinds } } }',
      {},
      { authorization: admin.authorization },
    );
    expect(body.data!.updateNotificationPreferences.preferences.emailKinds).toEqual([
      'INVOICE_APPROVED',
      'PAYMENT_RECORDED',
    ]);
    // The rejection's event handled again, now that the administrator exists.
    await consume(t, [rejected(id, firm.id)], async (em) => {
      // Before the commit, in the consumer's transaction: the jobs it added.
      const jobs = await em.execute<{ payload: { to: string } }[]>(
        `select payload from graphile_worker._private_jobs where task_id = (select id from graphile_worker._private_tasks where identifier = 'sendNotificationMail')`,
      );
      expect(jobs.map((job) => job.payload.to)).not.toContain(admin.email);
    });
    const read = await t.graphql<{
      notificationPreferences: { emailKinds: string[] };
      unreadNotificationCount: number;
    }>(
      '{ notificationPreferences { emailKinds } unreadNotificationCount }',
      {},
      { authorization: admin.authorization },
    );
    expect(read.body.data).toEqual({
      notificationPreferences: { emailKinds: ['INVOICE_APPROVED', 'PAYMENT_RECORDED'] },
      unreadNotificationCount: 1,
    });
  });
});

type Preferences = { emailKinds: string[]; smsNumber: string | null; smsOn: string[]; smsAvailable: boolean };
const preferencesFields = 'emailKinds smsNumber smsOn smsAvailable';

/** Changes the preferences of the user signed in with `authorization`: the answer's body. */
function updatePreferences(authorization: string, input: Record<string, unknown>) {
  return t.graphql<{ updateNotificationPreferences: { preferences: Preferences } }>(
    `mutation ($input: UpdateNotificationPreferencesInput!) { updateNotificationPreferences(input: $input) { preferences { ${preferencesFields} } } }`,
    { input },
    { authorization },
  );
}

/** The preferences of the user signed in with `authorization`, as the API tells them. */
async function preferencesOf(authorization: string): Promise<Preferences> {
  const { body } = await t.graphql<{ notificationPreferences: Preferences }>(
    `{ notificationPreferences { ${preferencesFields} } }`,
    {},
    { authorization },
  );
  return body.data!.notificationPreferences;
}

/** The id of the notification of `kind` made for the user `email` (its only one of that kind). */
async function notificationIdOf(email: string, kind: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>(
    `select n.id::text as id from notification n join app_user u on u.id = n.recipient_id where u.email = $1 and n.kind = $2`,
    [email, kind],
  );
  return row!.id;
}

describe('SMS', () => {
  it("sends a firm's administrator who turned rejections on by SMS one message in French through the gateway, naming the order, with the key and the notification's id", async () => {
    const { firm, id } = await installedWork();
    const admin = await firmUser(t, firm.id, true);
    const { body } = await updatePreferences(admin.authorization, {
      smsNumber: '0550 12 34 01',
      smsOn: ['INSTALLATION_REJECTED'],
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.updateNotificationPreferences.preferences).toEqual({
      emailKinds: expect.arrayContaining(['INSTALLATION_REJECTED', 'WORK_ASSIGNED']) as unknown,
      smsNumber: '+213550123401',
      smsOn: ['INSTALLATION_REJECTED'],
      smsAvailable: true,
    });
    const reference = await rejectWith(id, reserves);

    const sent = () => smsRequests.filter((request) => request.body.to === '+213550123401');
    await eventually(() => expect(sent()).toHaveLength(1));
    const notificationId = await notificationIdOf(admin.email, 'INSTALLATION_REJECTED');
    // Its job completed: no other attempt follows.
    await eventually(async () =>
      expect(
        await t.sql(`select 1 from graphile_worker._private_jobs where key = $1`, [
          `notification-sms:${notificationId}`,
        ]),
      ).toEqual([]),
    );
    expect(sent()).toHaveLength(1);
    const [request] = sent();
    expect(request!.headers['authorization']).toBe(`Bearer ${smsApiKey}`);
    expect(request!.headers['idempotency-key']).toBe(notificationId);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body.text).toBe(
      `Raccord : Installation refusée : raccordement ${reference}. Réserves : ${reserves.join(' ; ')}. ${publicUrl}/raccordements/${id}`,
    );
    expect(request!.body.text.length).toBeLessThanOrEqual(300);
    // The e-mail is sent as before.
    await mailTo(admin.email, `raccordement ${reference}`);
  });

  it('is sent again later when the gateway answers 500: a gateway that is down loses none, and the retry carries the same Idempotency-Key', async () => {
    const { firm, id } = await installedWork();
    const admin = await firmUser(t, firm.id, true);
    expect(
      (
        await updatePreferences(admin.authorization, {
          smsNumber: '+213 661 23 45 02',
          smsOn: ['INSTALLATION_REJECTED'],
        })
      ).body.errors,
    ).toBeUndefined();
    gatewayFailures = 1;
    const reference = await rejectWith(id, ['Boîtier PBO ouvert']);
    const sent = () => smsRequests.filter((request) => request.body.to === '+213661234502');
    // graphile-worker waits between attempts (exponentially): bring each retry forward instead of waiting.
    await eventually(
      async () => {
        await t.sql(`update graphile_worker._private_jobs set run_at = now() where attempts > 0`);
        expect(sent().filter((request) => request.accepted)).toHaveLength(1);
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(sent().map((request) => request.accepted)).toEqual([false, true]);
    const notificationId = await notificationIdOf(admin.email, 'INSTALLATION_REJECTED');
    expect(sent().map((request) => request.headers['idempotency-key'])).toEqual([notificationId, notificationId]);
    expect(sent()[1]!.body.text).toContain(`raccordement ${reference}`);
  });

  it('refuses a number that is no Algerian mobile, and kinds by SMS without a number, with a coded error, changing nothing', async () => {
    const { firm } = await installedWork();
    const admin = await firmUser(t, firm.id, true);
    const before = await preferencesOf(admin.authorization);
    expect(before).toMatchObject({ smsNumber: null, smsOn: [], smsAvailable: true });

    for (const smsNumber of ['021 23 45 67', '0550 12', 'not a number']) {
      const { body } = await updatePreferences(admin.authorization, { emailKinds: [], smsNumber });
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'smsNumber',
        reason: 'must be a valid Algerian mobile number, such as 0550 12 34 56 or +213 550 12 34 56',
      });
    }
    const withoutNumber = await updatePreferences(admin.authorization, {
      emailKinds: [],
      smsOn: ['INSTALLATION_REJECTED'],
    });
    expect(withoutNumber.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'smsOn' });
    expect(await preferencesOf(admin.authorization)).toEqual(before);
    expect(
      await t.sql(`select 1 from notification_preference p join app_user u on u.id = p.user_id where u.email = $1`, [
        admin.email,
      ]),
    ).toEqual([]);

    // With a number and a kind by SMS, the number cannot go while the kind stays; both go together.
    expect(
      (await updatePreferences(admin.authorization, { smsNumber: '0770123403', smsOn: ['INVOICE_APPROVED'] })).body
        .errors,
    ).toBeUndefined();
    const set = await preferencesOf(admin.authorization);
    const removed = await updatePreferences(admin.authorization, { smsNumber: null, emailKinds: [] });
    expect(removed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'smsNumber' });
    expect(await preferencesOf(admin.authorization)).toEqual(set);
    const cleared = await updatePreferences(admin.authorization, { smsNumber: '', smsOn: [] });
    expect(cleared.body.data!.updateNotificationPreferences.preferences).toMatchObject({
      smsNumber: null,
      smsOn: [],
      emailKinds: set.emailKinds,
    });
  });

  it('says in one line of at most 300 characters what happened, cutting the details short rather than the link', () => {
    const text = renderNotificationSms(
      {
        notificationId: '1',
        to: '+213550123456',
        kind: NotificationKind.INSTALLATION_REJECTED,
        subjectType: NotificationSubject.CUSTOMER_SUBSCRIPTION,
        subjectLabel: 'CMD-2026-000123',
        details: Array.from({ length: 12 }, (_, index) => `Réserve ${index + 1} :\nun point à reprendre sur la façade`),
        path: '/raccordements/42',
      },
      publicUrl,
    );
    expect(text).toMatch(
      /^Raccord : Installation refusée : raccordement CMD-2026-000123\. Réserves : Réserve 1 : un point .*…\. https:\/\/raccord\.example\.dz\/raccordements\/42$/,
    );
    expect(text).not.toContain('\n');
    expect([...text].length).toBeLessThanOrEqual(300);
  });

  it('is not sent of a kind its recipient did not turn on by SMS', async () => {
    const { firm, id } = await installedWork();
    await rejectWith(id, ['Soudure à reprendre']);
    await settled(t);
    const admin = await firmUser(t, firm.id, true);
    expect(
      (await updatePreferences(admin.authorization, { smsNumber: '0555123404', smsOn: ['PAYMENT_RECORDED'] })).body
        .errors,
    ).toBeUndefined();
    // The rejection's event handled again, now that the administrator exists.
    await consume(t, [rejected(id, firm.id)], async (em) => {
      // Before the commit, in the consumer's transaction: the jobs it added.
      const jobs = await em.execute<{ task: string; to: string }[]>(
        `select t.identifier as task, j.payload->>'to' as to from graphile_worker._private_jobs j
           join graphile_worker._private_tasks t on t.id = j.task_id where j.payload->>'notificationId' in (
             select n.id::text from notification n join app_user u on u.id = n.recipient_id where u.email = ?)`,
        [admin.email],
      );
      expect(jobs).toEqual([{ task: 'sendNotificationMail', to: admin.email }]);
    });
  });
});

describe('SMS off (no SMS_URL, the default)', () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await startTestApp();
  });
  afterAll(async () => {
    await off.stop();
  });

  it('says so to the console (smsAvailable false), keeps the choices, and the SMS job logs that SMS is off and completes', async () => {
    const firm = await activeContractor(off);
    const id = await installedCustomerSubscription(off, firm.id);
    await settled(off);
    const admin = await firmUser(off, firm.id, true);
    const { body } = await off.graphql<{ updateNotificationPreferences: { preferences: Preferences } }>(
      `mutation { updateNotificationPreferences(input: { smsNumber: "0699123405", smsOn: [INSTALLATION_REJECTED] }) { preferences { ${preferencesFields} } } }`,
      {},
      { authorization: admin.authorization },
    );
    expect(body.data!.updateNotificationPreferences.preferences).toMatchObject({
      smsNumber: '+213699123405',
      smsOn: ['INSTALLATION_REJECTED'],
      smsAvailable: false,
    });
    await rejectInstallation(off, id, ['Connecteur sale']);
    const [notification] = await eventually(async () => {
      const found = await off.sql<{ id: string }>(
        `select n.id::text as id from notification n join app_user u on u.id = n.recipient_id where u.email = $1`,
        [admin.email],
      );
      expect(found).toHaveLength(1);
      return found;
    });
    await eventually(() =>
      expect(
        off.logs.some(
          (line) => line.msg === `SMS is off (SMS_URL unset): notification ${notification!.id} not sent by SMS`,
        ),
      ).toBe(true),
    );
    expect(
      await off.sql(`select 1 from graphile_worker._private_jobs where key = $1`, [
        `notification-sms:${notification!.id}`,
      ]),
    ).toEqual([]);
  });
});

describe('reading notifications', () => {
  it('marks its own read, by id or all at once, and refuses ids that are not its own', async () => {
    const first = await installedWork();
    const second = await installedWork();
    await rejectWith(first.id, ['Première réserve']);
    await rejectWith(second.id, ['Deuxième réserve']);
    await settled(t);
    const firm = first.firm;
    const admin = await firmUser(t, firm.id, true);
    const other = await firmUser(t, second.firm.id, true);
    // Both rejections handled again as the first firm's, now that its administrator exists.
    await consume(t, [rejected(first.id, firm.id)]);
    await consume(t, [rejected(second.id, firm.id)]);
    const list = await t.graphql<{ notifications: { edges: { node: { id: string; details: string[] } }[] } }>(
      '{ notifications(first: 10) { edges { node { id details } } } }',
      {},
      { authorization: admin.authorization },
    );
    const [newest, oldest] = list.body.data!.notifications.edges.map((edge) => edge.node);
    expect([newest!.details, oldest!.details]).toEqual([['Deuxième réserve'], ['Première réserve']]);

    const stranger = await t.graphql(
      'mutation ($ids: [ID!]) { markNotificationsRead(input: { ids: $ids }) { unreadCount } }',
      { ids: [newest!.id] },
      { authorization: other.authorization },
    );
    expect(stranger.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ids' });

    const both = await t.graphql(
      'mutation { markNotificationsRead(input: { ids: ["1"], all: true }) { unreadCount } }',
      {},
      { authorization: admin.authorization },
    );
    expect(both.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });

    const one = await t.graphql<{
      markNotificationsRead: { notifications: { id: string; readAt: string | null }[]; unreadCount: number };
    }>(
      'mutation ($ids: [ID!]) { markNotificationsRead(input: { ids: $ids }) { notifications { id readAt } unreadCount } }',
      { ids: [oldest!.id] },
      { authorization: admin.authorization },
    );
    expect(one.body.data!.markNotificationsRead.unreadCount).toBe(1);
    expect(one.body.data!.markNotificationsRead.notifications[0]!.readAt).not.toBeNull();

    const all = await t.graphql<{ markNotificationsRead: { unreadCount: number } }>(
      'mutation { markNotificationsRead(input: { all: true }) { unreadCount } }',
      {},
      { authorization: admin.authorization },
    );
    expect(all.body.data!.markNotificationsRead.unreadCount).toBe(0);
    const unread = await t.graphql<{ notifications: { edges: unknown[] } }>(
      '{ notifications(unreadOnly: true) { edges { node { id } } } }',
      {},
      { authorization: admin.authorization },
    );
    expect(unread.body.data!.notifications.edges).toEqual([]);
  });

  it('is refused to anyone not signed in', async () => {
    const { body } = await t.graphql('{ unreadNotificationCount }', {}, { authorization: '' });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});

describe('API keys about to expire', () => {
  it('tells their creator 30 days ahead, then 7 days ahead, once each, by e-mail and in the console', async () => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const { createApiKey } = await mustQuery<{ createApiKey: { apiKey: { id: string } } }>(
      t,
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }',
      { input: { name: 'ERP finance', scopes: ['READ_SITES'], expiresAt: inDays(20) } },
    );
    const check = () => t.app.orm.em.fork().transactional((em) => notifyExpiringApiKeys(em, new Date()));
    expect(await check()).toBe(1);
    expect(await check()).toBe(0);
    // Fifteen days later: the key expires in 5 days, the first notice was sent 15 days ago.
    await t.sql('update api_key set expires_at = $1 where id = $2', [inDays(5), createApiKey.apiKey.id]);
    await t.sql(`update notification set created_at = created_at - interval '15 days' where kind = 'API_KEY_EXPIRING'`);
    expect(await check()).toBe(1);
    expect(await check()).toBe(0);

    const notices = await t.sql<{ recipient: string; subject_label: string }>(
      `select u.email as recipient, n.subject_label from notification n join app_user u on u.id = n.recipient_id where n.kind = 'API_KEY_EXPIRING'`,
    );
    expect(notices).toEqual([
      { recipient: testAdmin.email, subject_label: 'ERP finance' },
      { recipient: testAdmin.email, subject_label: 'ERP finance' },
    ]);
    await eventually(() =>
      expect(
        smtp.mails.filter((mail) => mail.to.includes(testAdmin.email) && mail.message.includes('ERP finance')),
      ).toHaveLength(2),
    );
    expect(smtp.mails.find((mail) => mail.to.includes(testAdmin.email))!.message).toContain(
      "La clé d'API ERP finance expire bientôt",
    );
    expect(smtp.mails.find((mail) => mail.to.includes(testAdmin.email))!.message).toContain(`${publicUrl}/acces`);
    expect(smtp.mails.find((mail) => mail.to.includes(testAdmin.email))!.message).toContain(
      "Subject: Clé d'API bientôt expirée : ERP finance",
    );
  });
});

describe('a webhook endpoint disabled for failing', () => {
  it('tells the administrator who registered an AT endpoint, by e-mail in French linking to the webhooks page; every administrator when that one is gone', async () => {
    const [admin] = await t.sql<{ id: string }>('select id::text as id from app_user where email = $1', [
      testAdmin.email,
    ]);
    const disabled = (endpointId: string, url: string, createdById: string) =>
      ({
        topic: 'WEBHOOK_ENDPOINT_DISABLED',
        payload: { endpointId, url, contractorId: null, createdById, failingSince: new Date().toISOString() },
      }) as UnloggedEvent;
    await consume(t, [
      disabled('999101', 'https://erp.example.dz/raccord', admin!.id),
      // Registered by a user who is no longer an administrator (none has this id).
      disabled('999102', 'https://sig.example.dz/raccord', '999999999'),
    ]);
    expect(
      await t.sql(
        `select n.subject_id::text as endpoint, n.subject_type from notification n join app_user u on u.id = n.recipient_id
          where n.kind = 'WEBHOOK_DISABLED' and u.email = $1 order by n.id`,
        [testAdmin.email],
      ),
    ).toEqual([
      { endpoint: '999101', subject_type: 'WEBHOOK_ENDPOINT' },
      { endpoint: '999102', subject_type: 'WEBHOOK_ENDPOINT' },
    ]);
    const mail = await mailTo(testAdmin.email, 'https://erp.example.dz/raccord');
    expect(mail.message).toContain('Subject: Webhook désactivé : https://erp.example.dz/raccord');
    expect(mail.message).toContain('Le webhook https://erp.example.dz/raccord a été désactivé');
    expect(mail.message).toContain(`${publicUrl}/webhooks`);
  });
});

describe('who is told of what', () => {
  it("tells a firm's administrators of work assigned to the firm and of its invoices, a technician of work given to it, nobody of other changes", async () => {
    const firm = await activeContractor(t);
    const work = await installedCustomerSubscription(t, firm.id);
    await mustQuery(
      t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { id } } }',
      { id: work },
    );
    const invoice = await firmInvoice(t, firm.id);
    const site = await createSite(t);
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id: site.id, c: firm.id },
    );
    // The people are made once the real events are handled: they hear only of the events below.
    await settled(t);
    const admin = await firmUser(t, firm.id, true);
    const technicianEmail = `technician-${Math.random().toString(36).slice(2)}@raccord.test`;
    const { createUser: technician } = await mustQuery<{ createUser: { id: string } }>(
      t,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email: technicianEmail,
          displayName: 'Technicien',
          role: 'TECHNICIAN',
          contractorId: firm.id,
          password: 'technician password',
        },
      },
    );
    const workEvent = (fields: Record<string, unknown>) =>
      ({
        topic: 'CUSTOMER_SUBSCRIPTION_CHANGED',
        payload: {
          customerSubscriptionId: work,
          contractorId: firm.id,
          siteId: null,
          wilayaCode: '16',
          change: 'STATUS_CHANGED',
          previousStatus: null,
          previousContractorId: null,
          previousWilayaCode: null,
          status: 'SCHEDULED',
          technicianId: null,
          technicianIdBefore: null,
          ...fields,
        },
      }) as UnloggedEvent;
    const invoiceEvent = (change: string) =>
      ({
        topic: 'INVOICE_CHANGED',
        payload: { invoiceId: invoice.id, contractorId: firm.id, change },
      }) as UnloggedEvent;
    await consume(t, [
      workEvent({ previousStatus: 'PENDING', status: 'ASSIGNED' }),
      workEvent({ change: 'UPDATED', technicianId: technician.id, technicianIdBefore: null }),
      workEvent({ previousStatus: 'ASSIGNED', status: 'SCHEDULED' }),
      {
        topic: 'SITE_CHANGED',
        payload: {
          siteId: site.id,
          contractorId: firm.id,
          wilayaCode: '16',
          change: 'STATUS_CHANGED',
          previousStatus: 'PLANNED',
          previousContractorId: null,
          previousWilayaCode: null,
        },
      } as UnloggedEvent,
      invoiceEvent('LINE_ADDED'),
      invoiceEvent('APPROVED'),
      invoiceEvent('REVISION_REQUESTED'),
      invoiceEvent('PAYMENT_RECORDED'),
    ]);
    const told = await t.sql<{ email: string; kind: string; subject: string }>(
      `select u.email, n.kind::text as kind, n.subject_type || ' ' || n.subject_id as subject
         from notification n join app_user u on u.id = n.recipient_id
        where u.contractor_id = $1 order by n.id`,
      [firm.id],
    );
    expect(told).toEqual([
      { email: admin.email, kind: 'WORK_ASSIGNED', subject: `CUSTOMER_SUBSCRIPTION ${work}` },
      { email: technicianEmail, kind: 'WORK_ASSIGNED', subject: `CUSTOMER_SUBSCRIPTION ${work}` },
      { email: admin.email, kind: 'WORK_ASSIGNED', subject: `SITE ${site.id}` },
      { email: admin.email, kind: 'INVOICE_APPROVED', subject: `INVOICE ${invoice.id}` },
      { email: admin.email, kind: 'REVISION_REQUESTED', subject: `INVOICE ${invoice.id}` },
      { email: admin.email, kind: 'PAYMENT_RECORDED', subject: `INVOICE ${invoice.id}` },
    ]);
    // The technician's mail links to its work in the field view.
    await eventually(() => expect(smtp.mails.some((mail) => mail.to.includes(technicianEmail))).toBe(true));
    expect(smtp.mails.find((mail) => mail.to.includes(technicianEmail))!.message).toContain(
      `${publicUrl}/terrain/${work}`,
    );
  });
});

describe('notificationAdded', () => {
  it('tells each new notification, with the unread count, to its recipient only', async () => {
    const { firm, id } = await installedWork();
    const admin = await firmUser(t, firm.id, true);
    const staff = await firmUser(t, firm.id, false);
    type Added = { notificationAdded: { notification: { id: string; kind: string } | null; unreadCount: number } };
    const query = 'subscription { notificationAdded { notification { id kind } unreadCount } }';
    const mine = await subscribe<Added>(t.url, admin.authorization, query);
    const others = await subscribe<Added>(t.url, staff.authorization, query);
    // Each starts with a null notification: refetch.
    expect(mine.received[0]!.data.notificationAdded).toEqual({ notification: null, unreadCount: 0 });

    await rejectWith(id, ['Connecteur sale']);
    expect(await mine.waitFor(2)).toBe(2);
    const [made] = await t.sql<{ id: string }>(
      `select n.id::text as id from notification n join app_user u on u.id = n.recipient_id where u.email = $1`,
      [admin.email],
    );
    expect(mine.received[1]!.data.notificationAdded).toEqual({
      notification: { id: made!.id, kind: 'INSTALLATION_REJECTED' },
      unreadCount: 1,
    });
    expect(others.received).toHaveLength(1);
    await mine.close();
    await others.close();
  });

  it('is refused to an API key', async () => {
    const { createApiKey } = await mustQuery<{ createApiKey: { secret: string } }>(
      t,
      'mutation { createApiKey(input: { name: "Lecture", scopes: [READ_SITES] }) { secret } }',
    );
    await expect(
      subscribe(t.url, `Bearer ${createApiKey.secret}`, 'subscription { notificationAdded { unreadCount } }'),
    ).rejects.toThrow(/FORBIDDEN/);
    const { body } = await t.graphql(
      '{ unreadNotificationCount }',
      {},
      { authorization: `Bearer ${createApiKey.secret}` },
    );
    expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
