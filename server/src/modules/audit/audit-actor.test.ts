import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, mustQuery } from '../../../test/api.js';
import { signIn, startTestApp, testAdmin, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const trailQuery = `query ($id: ID!) { auditTrail(entityType: CONTRACTOR, entityId: $id) {
  action actorType actor { name email organisation } } }`;

type Trail = { auditTrail: { action: string; actorType: string; actor: Record<string, unknown> }[] };

describe('who made each change of a record', () => {
  it('names the person and their organisation; the e-mail only to the viewers of the same organisation, or an administrator', async () => {
    const { me: admin } = await mustQuery<{ me: { displayName: string } }>(t, '{ me { displayName } }');
    const firm = await activeContractor(t, { legalName: 'SARL Fibre du Hoggar' });
    const email = `gerant-${firm.id}@hoggar.test`;
    const password = 'a firm user password';
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email, displayName: 'Yacine Gérant', role: 'CONTRACTOR', contractorId: firm.id, password },
    });

    const seenByAdmin = await mustQuery<Trail>(t, trailQuery, { id: firm.id });
    expect(seenByAdmin.auditTrail[0]).toMatchObject({
      action: 'CREATE',
      actorType: 'USER',
      actor: { name: admin.displayName, email: testAdmin.email, organisation: 'Algérie Télécom' },
    });

    const token = await signIn(t.url, email, password);
    const { body } = await t.graphql<Trail>(trailQuery, { id: firm.id }, { authorization: `Bearer ${token}` });
    expect(body.errors).toBeUndefined();
    expect(body.data!.auditTrail[0]!.actor).toEqual({
      name: admin.displayName,
      email: null,
      organisation: 'Algérie Télécom',
    });
  });

  it('reads the users of a whole trail in one statement', async () => {
    const firm = await activeContractor(t);
    const userStatements = async (query: string, requestId: string) => {
      const { body } = await t.graphql<Trail>(query, { id: firm.id }, { 'x-request-id': requestId });
      expect(body.data!.auditTrail.length).toBeGreaterThan(1);
      return t.sqlOf(requestId).filter((sql) => sql.includes('from "app_user"')).length;
    };
    const without = await userStatements(
      'query ($id: ID!) { auditTrail(entityType: CONTRACTOR, entityId: $id) { action } }',
      `audit-without-actors-${firm.id}`,
    );
    expect(await userStatements(trailQuery, `audit-actors-${firm.id}`)).toBe(without + 1);
  });
});
