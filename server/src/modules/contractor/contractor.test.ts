import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefusedFilter } from '../../../test/api.js';
import { contractorInput, validRib } from '../../../test/factories.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const contractorFields = `id version legalName tradeName legalForm fiscalRegime nif nis rcNumber autoEntrepreneurCardNumber taxArticle
  address commune { id name wilaya { code } } contacts { name role phone email } bankAccount
  operatingWilayas { code } teamCapacity status statusReason`;

interface ContractorData {
  id: string;
  version: number;
  status: string;
  [field: string]: unknown;
}

type GraphQLError = { message: string; extensions?: Record<string, unknown> };

async function create(
  overrides: Record<string, unknown> = {},
): Promise<{ contractor?: ContractorData; errors?: GraphQLError[] }> {
  const { body } = await t.graphql<{ createContractor: { contractor: ContractorData } }>(
    `mutation ($input: CreateContractorInput!) { createContractor(input: $input) { contractor { ${contractorFields} } } }`,
    { input: contractorInput(overrides) },
  );
  return { contractor: body.data?.createContractor.contractor, errors: body.errors };
}

async function transition(mutation: string, id: string, expectedVersion: number, reason = 'dossier complet') {
  const { body } = await t.graphql<Record<string, { contractor: ContractorData }>>(
    `mutation ($input: ContractorTransitionInput!) { ${mutation}(input: $input) { contractor { id version status statusReason } } }`,
    { input: { id, expectedVersion, reason } },
  );
  return { contractor: body.data?.[mutation]?.contractor, errors: body.errors };
}

async function trail(id: string) {
  const { body } = await t.graphql<{ auditTrail: Record<string, unknown>[] }>(
    `query ($id: ID!) { auditTrail(entityType: CONTRACTOR, entityId: $id) { action fromStatus toStatus reason requestId actorType changes { field from to } } }`,
    { id },
  );
  return body.data!.auditTrail;
}

async function counts(): Promise<{ contractors: number; events: number }> {
  const [row] = await t.sql<{ contractors: number; events: number }>(
    'select (select count(*)::int from contractor) as contractors, (select count(*)::int from audit_event) as events',
  );
  return row!;
}

describe('createContractor', () => {
  it('registers a contractor PENDING_APPROVAL, with values trimmed and normalised, and audits it', async () => {
    const { contractor, errors } = await create({
      legalName: '  SARL Nour Fibre  ',
      nif: '000 016 001 234 567',
      bankAccount: `00799999 0012345678 ${String((Number(validRib(12345678).slice(18)) % 97) + 1).padStart(2, '0')}`,
      operatingWilayaCodes: ['16', '09', '16'],
      contacts: [{ name: ' Amine ', role: '', phone: '+213 550 12 34 56', email: null }],
    });
    // the RIB above carries a key one off the right one: refused, nothing written
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bankAccount' });
    expect(contractor).toBeUndefined();

    const ok = await create({
      legalName: '  SARL Nour Fibre  ',
      nif: '000 016 001 234 567',
      operatingWilayaCodes: ['16', '09', '16'],
      contacts: [{ name: ' Amine ', role: '', phone: '+213 550 12 34 56', email: null }],
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.contractor).toMatchObject({
      version: 1,
      legalName: 'SARL Nour Fibre',
      nif: '000016001234567',
      status: 'PENDING_APPROVAL',
      statusReason: null,
      commune: { id: '554', name: 'Ain Benian', wilaya: { code: '16' } },
      contacts: [{ name: 'Amine', role: null, phone: '+213550123456', email: null }],
      operatingWilayas: [{ code: '09' }, { code: '16' }],
    });
    const events = await trail(ok.contractor!.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'CREATE', toStatus: 'PENDING_APPROVAL', actorType: 'USER' });
    expect(events[0]!['changes']).toEqual(
      expect.arrayContaining([{ field: 'legalName', from: null, to: 'SARL Nour Fibre' }]),
    );
  });

  it.each([
    ['nif', { nif: '12345' }],
    ['bankAccount', { bankAccount: '00799999001234567800' }],
    ['legalName', { legalName: '   ' }],
    ['legalName', { legalName: 'x'.repeat(201) }],
    ['fiscalRegime', { legalForm: 'AUTO_ENTREPRENEUR', fiscalRegime: 'REAL', autoEntrepreneurCardNumber: '16-123456' }],
    [
      'autoEntrepreneurCardNumber',
      { legalForm: 'AUTO_ENTREPRENEUR', fiscalRegime: 'AUTO_ENTREPRENEUR', rcNumber: null },
    ],
    ['rcNumber', { rcNumber: null }],
    ['contacts.0.phone', { contacts: [{ name: 'A', phone: '12' }] }],
    ['contacts.0.email', { contacts: [{ name: 'A', email: 'not-an-email' }] }],
    ['operatingWilayaCodes', { operatingWilayaCodes: [] }],
    ['operatingWilayaCodes.0', { operatingWilayaCodes: ['1'] }],
    ['teamCapacity', { teamCapacity: 0 }],
    ['communeId', { communeId: 'abc' }],
    ['nis', { nis: 'x' }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it, and writes nothing', async (field, overrides) => {
    const before = await counts();
    const { errors } = await create(overrides);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await counts()).toEqual(before);
  });

  it('answers NOT_FOUND naming the field for an unknown commune or wilaya, and writes nothing', async () => {
    const before = await counts();
    expect((await create({ communeId: '99999' })).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'communeId',
    });
    expect((await create({ operatingWilayaCodes: ['16', '99'] })).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'operatingWilayaCodes.1',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses null inside a list and a value outside an enum, before any SQL, naming the place but not repeating the input', async () => {
    const nullInList = await create({ operatingWilayaCodes: ['16', null] });
    expect(nullInList.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'operatingWilayaCodes.1',
      reason: 'Expected non-nullable type "String!" not to be null.',
      reasonCode: 'NOT_NULL',
      reasonParams: { type: 'String!' },
    });
    expect(nullInList.errors?.[0]?.message).toBe(
      'operatingWilayaCodes.1: Expected non-nullable type "String!" not to be null.',
    );
    const badEnum = await create({ legalForm: 'GMBH' });
    expect(badEnum.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('says what is wrong with a contact’s phone number or an RC number, and takes a blank phone as none', async () => {
    const before = await counts();
    const refused = await create({ contacts: [{ name: 'Amine', role: '', phone: '12345', email: null }] });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'contacts.0.phone',
      reason: 'must be a valid Algerian phone number, such as 0550 12 34 56 or +213 550 12 34 56',
      reasonCode: 'PHONE',
      reasonParams: {},
    });
    const badRc = await create({ rcNumber: '!' });
    expect(badRc.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rcNumber',
      reason: 'must be an RC number: at least 6 digits and one letter, such as 16/00-0123456 B 15 or 02 B 0018083',
      reasonCode: 'RC_NUMBER',
    });
    // Found by an adversarial trial: an RC number past the column's 40 characters reached PostgreSQL and answered 500.
    const longRc = await create({ rcNumber: `16/00-1234594B${'1'.repeat(27)}` });
    expect(longRc.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rcNumber',
      reasonCode: 'MAX_CHARACTERS',
      reasonParams: { max: '40' },
    });
    expect(await counts()).toEqual(before);
    const blank = await create({ contacts: [{ name: 'Amine', role: '', phone: '  ', email: null }] });
    expect(blank.errors).toBeUndefined();
    expect(blank.contractor?.contacts).toEqual([{ name: 'Amine', role: null, phone: null, email: null }]);
  });

  it('refuses identity numbers of the wrong form, saying the form expected, and normalises their spaces', async () => {
    const before = await counts();
    const { errors } = await create({ nis: '0987', rcNumber: 'abc', taxArticle: 'abc' });
    expect(
      (errors?.[0]?.extensions?.['problems'] as Record<string, unknown>[]).map(({ field, reasonCode, reason }) => ({
        field,
        reasonCode,
        reason,
      })),
    ).toEqual([
      { field: 'nis', reasonCode: 'NIS', reason: 'must be 15 digits' },
      {
        field: 'rcNumber',
        reasonCode: 'RC_NUMBER',
        reason: 'must be an RC number: at least 6 digits and one letter, such as 16/00-0123456 B 15 or 02 B 0018083',
      },
      {
        field: 'taxArticle',
        reasonCode: 'REGISTRATION_NUMBER',
        reason: 'must be 3–40 digits, letters and separators (/ . - space), at least 3 of them digits',
      },
    ]);
    const card = await create({
      legalForm: 'AUTO_ENTREPRENEUR',
      fiscalRegime: 'AUTO_ENTREPRENEUR',
      rcNumber: null,
      autoEntrepreneurCardNumber: 'AE-XX',
    });
    expect(card.errors?.[0]?.extensions).toMatchObject({
      field: 'autoEntrepreneurCardNumber',
      reasonCode: 'REGISTRATION_NUMBER',
    });
    expect(await counts()).toEqual(before);

    const spaced = await create({ nis: ' 099 916 001 234 567 ', rcNumber: '  16/00 -  0123456   B  15 ' });
    expect(spaced.errors).toBeUndefined();
    expect(spaced.contractor).toMatchObject({ nis: '099916001234567', rcNumber: '16/00 - 0123456 B 15' });
  });

  it('refuses a NIF already registered with CONFLICT on the field', async () => {
    const first = await create();
    const before = await counts();
    const again = await create({ nif: first.contractor!['nif'] });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'nif',
      existingId: first.contractor!.id,
    });
    expect(await counts()).toEqual(before);
  });
});

describe('several mistakes at once', () => {
  it('names the first in `field` and lists them all in `problems`', async () => {
    const { errors } = await create({ nif: '123', bankAccount: '1', teamCapacity: 0 });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nif' });
    expect((errors?.[0]?.extensions?.['problems'] as { field: string }[]).map((p) => p.field)).toEqual([
      'nif',
      'bankAccount',
      'teamCapacity',
    ]);
  });
});

describe('updateContractor', () => {
  it('changes only the fields sent, bumps the version and audits each change', async () => {
    const { contractor } = await create();
    const { body } = await t.graphql<{ updateContractor: { contractor: ContractorData } }>(
      `mutation ($id: ID!, $v: Int!, $input: UpdateContractorInput!) { updateContractor(id: $id, expectedVersion: $v, input: $input) { contractor { ${contractorFields} } } }`,
      { id: contractor!.id, v: 1, input: { tradeName: ' Nour Fibre ', operatingWilayaCodes: ['31'] } },
    );
    expect(body.errors).toBeUndefined();
    const updated = body.data!.updateContractor.contractor;
    expect(updated).toEqual({ ...contractor, version: 2, tradeName: 'Nour Fibre', operatingWilayas: [{ code: '31' }] });
    const events = await trail(contractor!.id);
    expect(events.map((e) => e['action'])).toEqual(['CREATE', 'UPDATE']);
    expect(events[1]!['changes']).toEqual([
      { field: 'tradeName', from: null, to: 'Nour Fibre' },
      { field: 'operatingWilayaCodes', from: ['09', '16'], to: ['31'] },
    ]);
  });

  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    const { contractor } = await create();
    await t.graphql(
      'mutation ($id: ID!) { updateContractor(id: $id, expectedVersion: 1, input: { teamCapacity: 9 }) { contractor { id } } }',
      {
        id: contractor!.id,
      },
    );
    const before = await counts();
    const { body } = await t.graphql(
      'mutation ($id: ID!) { updateContractor(id: $id, expectedVersion: 1, input: { teamCapacity: 12 }) { contractor { id } } }',
      { id: contractor!.id },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'expectedVersion',
      currentVersion: 2,
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses an invalid contact phone with the code of its reason, as the console’s form sends it', async () => {
    const { contractor } = await create();
    const before = await counts();
    const { body } = await t.graphql(
      'mutation ($id: ID!, $input: UpdateContractorInput!) { updateContractor(id: $id, expectedVersion: 1, input: $input) { contractor { id } } }',
      { id: contractor!.id, input: { contacts: [{ name: 'Amine', role: null, phone: '0550 12', email: null }] } },
    );
    expect(body.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'contacts.0.phone',
      reason: 'must be a valid Algerian phone number, such as 0550 12 34 56 or +213 550 12 34 56',
      reasonCode: 'PHONE',
      reasonParams: {},
    });
    expect(await counts()).toEqual(before);
  });

  it('checks the rules on the result: a SARL cannot drop its RC number', async () => {
    const { contractor } = await create();
    const { body } = await t.graphql(
      'mutation ($id: ID!) { updateContractor(id: $id, expectedVersion: 1, input: { rcNumber: "" }) { contractor { id } } }',
      { id: contractor!.id },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rcNumber' });
  });

  it('changes nothing, not even the version, when the values sent are the current ones', async () => {
    const { contractor } = await create();
    const { body } = await t.graphql<{ updateContractor: { contractor: ContractorData } }>(
      'mutation ($id: ID!, $name: String!) { updateContractor(id: $id, expectedVersion: 1, input: { legalName: $name }) { contractor { version } } }',
      { id: contractor!.id, name: contractor!['legalName'] },
    );
    expect(body.data!.updateContractor.contractor.version).toBe(1);
    expect(await trail(contractor!.id)).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await t.graphql(
      'mutation { updateContractor(id: "999999", expectedVersion: 1, input: { teamCapacity: 2 }) { contractor { id } } }',
    );
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const malformed = await t.graphql(
      'mutation { updateContractor(id: "1 or 1=1", expectedVersion: 1, input: { teamCapacity: 2 }) { contractor { id } } }',
    );
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('contractor lifecycle', () => {
  it('goes PENDING_APPROVAL → ACTIVE → SUSPENDED → ACTIVE → SUSPENDED → TERMINATED, each change audited with its reason', async () => {
    const { contractor } = await create();
    let current = contractor!;
    for (const [mutation, status] of [
      ['approveContractor', 'ACTIVE'],
      ['suspendContractor', 'SUSPENDED'],
      ['reactivateContractor', 'ACTIVE'],
      ['suspendContractor', 'SUSPENDED'],
      ['terminateContractor', 'TERMINATED'],
    ] as const) {
      const result = await transition(mutation, current.id, current.version, `raison ${mutation}`);
      expect(result.errors).toBeUndefined();
      expect(result.contractor).toMatchObject({
        status,
        version: current.version + 1,
        statusReason: `raison ${mutation}`,
      });
      current = result.contractor!;
    }
    const events = await trail(contractor!.id);
    expect(events.map((e) => [e['fromStatus'], e['toStatus'], e['reason']])).toEqual([
      [null, 'PENDING_APPROVAL', null],
      ['PENDING_APPROVAL', 'ACTIVE', 'raison approveContractor'],
      ['ACTIVE', 'SUSPENDED', 'raison suspendContractor'],
      ['SUSPENDED', 'ACTIVE', 'raison reactivateContractor'],
      ['ACTIVE', 'SUSPENDED', 'raison suspendContractor'],
      ['SUSPENDED', 'TERMINATED', 'raison terminateContractor'],
    ]);
    expect(new Set(events.map((e) => e['requestId'])).size).toBe(6);
  });

  it('refuses an illegal transition with INVALID_TRANSITION naming the current status, and writes nothing', async () => {
    const { contractor } = await create();
    const before = await counts();
    for (const mutation of ['suspendContractor', 'reactivateContractor']) {
      const { errors } = await transition(mutation, contractor!.id, 1);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', currentStatus: 'PENDING_APPROVAL' });
    }
    expect(await counts()).toEqual(before);
    const { body } = await t.graphql<{ contractor: ContractorData }>(
      'query ($id: ID!) { contractor(id: $id) { version status } }',
      {
        id: contractor!.id,
      },
    );
    expect(body.data!.contractor).toEqual({ version: 1, status: 'PENDING_APPROVAL' });
  });

  it('refuses a stale version, and lets only one of two simultaneous approvals through', async () => {
    const { contractor } = await create();
    const results = await Promise.all([
      transition('approveContractor', contractor!.id, 1),
      transition('approveContractor', contractor!.id, 1),
    ]);
    const codes = results.map((r) => (r.errors ? r.errors[0]!.extensions!['code'] : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    expect((await trail(contractor!.id)).filter((e) => e['action'] === 'TRANSITION')).toHaveLength(1);
  });

  it('terminates an application still PENDING_APPROVAL (refused or withdrawn)', async () => {
    const { contractor } = await create();
    const { contractor: terminated, errors } = await transition(
      'terminateContractor',
      contractor!.id,
      1,
      'dossier incomplet après relance',
    );
    expect(errors).toBeUndefined();
    expect(terminated).toMatchObject({ status: 'TERMINATED', version: 2 });
  });

  it('requires a reason', async () => {
    const { contractor } = await create();
    const { errors } = await transition('approveContractor', contractor!.id, 1, '   ');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });
});

describe('contractors filters', () => {
  it('refuses a value that cannot be valid, naming it and saying what is expected, before reading any contractor', async () => {
    const list = 'query ($filter: ContractorFilterInput) { contractors(filter: $filter) { totalCount } }';
    for (const [filter, field, reason] of [
      [{ wilayaCode: 'abc' }, 'filter.wilayaCode', 'must be two digits, such as "01"'],
      [{ wilayaCode: '00' }, 'filter.wilayaCode', 'must be the code of a wilaya, "01" to "58"'],
      [{ search: 'a\u0000b' }, 'filter.search', 'must not contain control characters'],
    ] as const) {
      expect(await expectRefusedFilter(t, list, { filter }, field, 'contractor')).toBe(reason);
    }
    const { body } = await t.graphql(list, { filter: { wilayaCode: '58' } });
    expect(body.errors).toBeUndefined();
  });
});

describe('audit events', () => {
  it('cannot be changed or deleted, even with direct SQL', async () => {
    await create();
    await expect(t.sql("update audit_event set reason = 'forged'")).rejects.toThrow(/append-only/);
    await expect(t.sql('delete from audit_event')).rejects.toThrow(/append-only/);
    await expect(t.sql('truncate audit_event')).rejects.toThrow(/append-only/);
    expect(await t.sql("select id from audit_event where reason = 'forged'")).toEqual([]);
  });
});
