import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustQuery } from '../../server/test/api.js';
import { eventually } from '../../server/test/eventually.js';
import { signIn } from '../../server/test/harness.js';
import { startSmtpReceiver, type Received, type SmtpReceiver } from '../../server/test/smtp.js';
import { browserTest } from './browser.js';

/** The console's address in the links; the test opens their path and fragment on the app it runs. */
const publicUrl = 'https://raccord.example.dz';

describe('a forgotten password in a real Chromium', () => {
  // Filled in once the SMTP receiver listens, before the app starts (browserTest reads it then).
  const env: Record<string, string> = { PUBLIC_URL: publicUrl };
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    env['SMTP_URL'] = smtp.url;
  });
  afterAll(async () => {
    await smtp.close();
  });
  const run = browserTest(env);

  /** A reader who chose English; its id and address. */
  async function englishReader(email: string) {
    const { createUser } = await mustQuery<{ createUser: { id: string } }>(
      run.t,
      'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email, displayName: 'Nadia Kaci', role: 'VIEWER', password: 'the forgotten password' } },
    );
    const token = await signIn(run.t.url, email, 'the forgotten password');
    await run.t.graphql('mutation { setMyLanguage(language: EN) { id } }', {}, { authorization: `Bearer ${token}` });
    return createUser.id;
  }

  /** The first mail to `email`, once it arrived, and the link it carries, on the app under test. */
  async function linkMailedTo(email: string): Promise<{ mail: Received; link: string }> {
    await eventually(() => expect(smtp.mails.some((mail) => mail.to.includes(email))).toBe(true));
    const mail = smtp.mails.find((received) => received.to.includes(email))!;
    const link = /https:\/\/raccord\.example\.dz(\/nouveau-mot-de-passe#[A-Za-z0-9_-]+)/.exec(mail.message)![1]!;
    return { mail, link: `${run.t.url}${link}` };
  }

  it('asks for a link on the sign-in page, sets a new password with the link e-mailed, then signs in with it, in the language the user chose', async () => {
    const email = 'nadia.kaci@raccord.test';
    await englishReader(email);
    const page = await run.browser.newPage({ viewport: { width: 1280, height: 900 } });
    run.watchCsp(page);
    await page.goto(`${run.t.url}/login`);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { name: 'Mot de passe oublié' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Si un compte utilise ${email}` })
      .waitFor();

    const { mail, link } = await linkMailedTo(email);
    expect(mail.message).toContain('Subject: Raccord: choose a new password');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Nouveau mot de passe' }).waitFor();
    await page.getByLabel('Nouveau mot de passe (12 caractères au moins)', { exact: true }).fill('trop court');
    await page.getByLabel('Le même mot de passe, encore', { exact: true }).fill('trop court');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.locator('#new-password-problem').filter({ hasText: 'doit faire au moins 12 caractères' }).waitFor();
    await page
      .getByLabel('Nouveau mot de passe (12 caractères au moins)', { exact: true })
      .fill('a password I remember');
    await page.getByLabel('Le même mot de passe, encore', { exact: true }).fill('a password I remember');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page.getByRole('status').filter({ hasText: 'Votre mot de passe est changé' }).waitFor();

    await page.getByRole('link', { name: 'Se connecter' }).click();
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('a password I remember');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    // Signed in, the console speaks the language the user chose, this browser having none of its own.
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');

    // The link served once.
    await page.goto(link);
    await page.getByLabel('New password (at least 12 characters)', { exact: true }).fill('yet another password');
    await page.getByLabel('The same password, again', { exact: true }).fill('yet another password');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByRole('alert').filter({ hasText: 'this reset link was already used: ask for a new one' }).waitFor();
    await page.close();
  });

  it('sends a user a link from the access page: the administrator never sees the password', async () => {
    const email = 'karim.saadi@raccord.test';
    await mustQuery(run.t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email, displayName: 'Karim Saadi', role: 'VIEWER', password: 'karim first password' },
    });
    const page = await run.signIn('/acces');
    const row = page.getByTestId('user-row').filter({ hasText: email });
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Envoyer un lien de mot de passe' }).click({ timeout: 15_000 });
    await page
      .getByRole('status')
      .filter({ hasText: `Lien envoyé à ${email} : il sert une fois, pendant 60 minutes.` })
      .waitFor();
    const { mail } = await linkMailedTo(email);
    expect(mail.message).toContain('L’administrateur de vos accès vous invite à choisir un nouveau mot de passe');
    await page.close();
  });
});
