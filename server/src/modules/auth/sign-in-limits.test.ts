import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testAdmin, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  // The tests' requests come from 127.0.0.1, a proxy trusted here: X-Forwarded-For names each attempt's client.
  t = await startTestApp({ TRUST_PROXY: '127.0.0.1' });
});
afterAll(() => t.stop());

async function loginCode(email: string, password: string, from: string): Promise<string> {
  const { body } = await t.graphql(
    'mutation ($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token } }',
    { email, password },
    { authorization: '', 'x-forwarded-for': from },
  );
  return String(body.errors?.[0]?.extensions?.['code'] ?? 'OK');
}

describe('sign-in limits per account and address pair', () => {
  it('lock the account on the address that failed 5 times in a row, never on another address', async () => {
    const attacker = '203.0.113.10';
    for (let attempt = 1; attempt <= 5; attempt += 1)
      expect(await loginCode(testAdmin.email, 'wrong password', attacker), `failure ${attempt}`).toBe(
        'UNAUTHENTICATED',
      );
    // Locked on that address, the right password included: a guess cannot find out that it was right.
    expect(await loginCode(testAdmin.email, testAdmin.password, attacker)).toBe('TOO_MANY_ATTEMPTS');
    expect(await loginCode(testAdmin.email, testAdmin.password, '198.51.100.20')).toBe('OK');
  }, 120_000);

  it('count failures in a row: a success starts the count again', async () => {
    const office = '198.51.100.30';
    for (let round = 1; round <= 2; round += 1) {
      for (let attempt = 1; attempt <= 4; attempt += 1)
        expect(await loginCode(testAdmin.email, 'wrong password', office), `round ${round}, failure ${attempt}`).toBe(
          'UNAUTHENTICATED',
        );
      expect(await loginCode(testAdmin.email, testAdmin.password, office), `round ${round}`).toBe('OK');
    }
  }, 120_000);
});

describe('sign-in limits for IPv6', () => {
  it('count the addresses of one /64 as one client, which rotating addresses in it does not escape', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1)
      expect(await loginCode(testAdmin.email, 'wrong password', `2001:db8:7:8::${attempt}`), `failure ${attempt}`).toBe(
        'UNAUTHENTICATED',
      );
    expect(await loginCode(testAdmin.email, testAdmin.password, '2001:db8:7:8:ffff::6')).toBe('TOO_MANY_ATTEMPTS');
  }, 120_000);
});

describe('sign-in limits per address', () => {
  it('never count a successful sign-in, so an office behind one address is not locked out; 100 failures a day are', async () => {
    const address = '192.0.2.40';
    for (let attempt = 1; attempt <= 35; attempt += 1)
      expect(await loginCode(testAdmin.email, testAdmin.password, address), `sign-in ${attempt}`).toBe('OK');
    // Failures spread over accounts (5 each would lock a pair first): the address's own limit.
    for (let attempt = 1; attempt <= 100; attempt += 1)
      expect(await loginCode(`nobody-${attempt}@raccord.test`, 'wrong password', address), `failure ${attempt}`).toBe(
        'UNAUTHENTICATED',
      );
    expect(await loginCode(testAdmin.email, testAdmin.password, address)).toBe('TOO_MANY_ATTEMPTS');
    expect(await loginCode(testAdmin.email, testAdmin.password, '192.0.2.41')).toBe('OK');
    // 137 argon2id checks: slow on a busy machine, which is the point of argon2id.
  }, 300_000);
});
