import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, createSite, mustQuery } from '../../../test/api.js';
import { contractorInput } from '../../../test/factories.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';

/** `Site.viewerCan` and `Contractor.viewerCan`: what each role may do to a site or a firm in each status. */
let t: TestApp;
const tokens: Record<string, string> = {};
let firmId: string;

async function userOf(role: string, extra: Record<string, unknown> = {}): Promise<string> {
  const email = `${role.toLowerCase()}-${Object.keys(tokens).length}@raccord.test`;
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: role, role, password: 'viewer can password', ...extra },
  });
  return signIn(t.url, email, 'viewer can password');
}

const headersOf = (who: string) => (who === 'admin' ? undefined : { authorization: `Bearer ${tokens[who]}` });

/** The actions each viewer is told it may do to the record `field(id: $id)`, those it may not see left out. */
async function allowedToEveryone(field: 'site' | 'contractor', id: string, actions: readonly string[]) {
  const answers: Record<string, string[] | null> = {};
  for (const who of ['admin', ...Object.keys(tokens)]) {
    const { body } = await t.graphql<Record<string, { viewerCan: Record<string, boolean> } | null>>(
      `query ($id: ID!) { ${field}(id: $id) { viewerCan { ${actions.join(' ')} } } }`,
      { id },
      headersOf(who),
    );
    expect(body.errors).toBeUndefined();
    const record = body.data![field];
    answers[who] = record ? actions.filter((action) => record.viewerCan[action]) : null;
  }
  return answers;
}

beforeAll(async () => {
  t = await startTestApp();
  firmId = (await activeContractor(t)).id;
  tokens['dotAlgiers'] = await userOf('DOT_MANAGER', { wilayaCodes: ['16'] });
  tokens['dotOran'] = await userOf('DOT_MANAGER', { wilayaCodes: ['31'] });
  tokens['contractor'] = await userOf('CONTRACTOR', { contractorId: firmId });
  tokens['finance'] = await userOf('FINANCE');
});

afterAll(() => t.stop());

describe('Site.viewerCan', () => {
  const actions = ['assign', 'start', 'complete', 'close', 'suspend', 'resume'];
  const site = (id: string) => allowedToEveryone('site', id, actions);

  it('follows the site through its statuses: administrators and the DOT managers of its wilaya', async () => {
    const { id } = await createSite(t);
    const managers = (allowed: string[]) => ({
      admin: allowed,
      dotAlgiers: allowed,
      dotOran: null,
      contractor: null,
      finance: [],
    });
    expect(await site(id)).toEqual(managers(['assign', 'suspend']));
    await mustQuery(
      t,
      'mutation ($id: ID!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: 1, contractorId: $c }) { site { id } } }',
      { id, c: firmId },
    );
    expect(await site(id)).toEqual({
      ...managers(['assign', 'start', 'suspend']),
      contractor: [],
    });
    await mustQuery(
      t,
      'mutation ($id: ID!) { suspendSite(input: { id: $id, expectedVersion: 2, reason: "voirie fermée" }) { site { id } } }',
      { id },
    );
    expect(await site(id)).toEqual({ ...managers(['resume']), contractor: [] });
    const refused = await t.graphql(
      'mutation ($id: ID!) { startSite(input: { id: $id, expectedVersion: 3, reason: "début" }) { site { id } } }',
      { id },
      headersOf('dotAlgiers'),
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      currentStatus: 'SUSPENDED',
    });
  });
});

describe('Contractor.viewerCan', () => {
  const actions = ['update', 'approve', 'suspend', 'reactivate', 'terminate'];
  const contractor = (id: string) => allowedToEveryone('contractor', id, actions);

  it('follows the firm through its statuses: administrators only', async () => {
    const { createContractor } = await mustQuery<{ createContractor: { contractor: { id: string } } }>(
      t,
      'mutation ($input: CreateContractorInput!) { createContractor(input: $input) { contractor { id } } }',
      { input: contractorInput() },
    );
    const id = createContractor.contractor.id;
    const others = { dotAlgiers: [], dotOran: [], contractor: null, finance: [] };
    expect(await contractor(id)).toEqual({ admin: ['update', 'approve', 'terminate'], ...others });
    await mustQuery(
      t,
      'mutation ($id: ID!) { approveContractor(input: { id: $id, expectedVersion: 1, reason: "dossier complet" }) { contractor { id } } }',
      { id },
    );
    expect(await contractor(id)).toEqual({ admin: ['update', 'suspend'], ...others });
    await mustQuery(
      t,
      'mutation ($id: ID!) { suspendContractor(input: { id: $id, expectedVersion: 2, reason: "retards" }) { contractor { id } } }',
      { id },
    );
    expect(await contractor(id)).toEqual({ admin: ['update', 'reactivate', 'terminate'], ...others });
    expect(await contractor(firmId)).toEqual({ admin: ['update', 'suspend'], ...others, contractor: [] });
  });
});
