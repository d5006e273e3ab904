import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testAdmin, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

async function loginCode(email: string, password: string): Promise<string> {
  const { body } = await t.graphql(
    'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token } }',
    { email, password },
    { authorization: '' },
  );
  return String(body.errors?.[0]?.extensions?.['code'] ?? 'OK');
}

describe('sign-in limits per address', () => {
  it('never count a successful sign-in, so an office behind one address is not locked out; 30 failures are', async () => {
    for (let attempt = 1; attempt <= 35; attempt += 1)
      expect(await loginCode(testAdmin.email, testAdmin.password), `sign-in ${attempt}`).toBe('OK');
    // Failures spread over accounts (5 each would lock an account first): the address's own limit.
    for (let attempt = 1; attempt <= 30; attempt += 1)
      expect(await loginCode(`nobody-${attempt}@raccord.test`, 'wrong password'), `failure ${attempt}`).toBe(
        'UNAUTHENTICATED',
      );
    expect(await loginCode(testAdmin.email, testAdmin.password)).toBe('TOO_MANY_ATTEMPTS');
    // 66 argon2id checks: slow on a busy machine, which is the point of argon2id.
  }, 180_000);
});
