import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustQuery } from '../../../test/api.js';
import { contextAt } from '../../../test/contexts.js';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { createPriceScheduleVersion } from './price-schedule.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.stop());

const inDays = (days: number) => new Date(Date.now() + 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const createVersion =
  'mutation ($input: CreatePriceScheduleVersionInput!) { createPriceScheduleVersion(input: $input) { id effectiveFrom effectiveTo } }';
const item = {
  code: 'RAC-STD',
  designation: 'Raccordement standard (forfait)',
  unit: 'FORFAIT',
  unitPrice: '4750.50',
  taxCode: 'TVA19',
};

describe('price schedule (BPU)', () => {
  it('starts with the items of docs/domain.md, priced as exact money in DZD', async () => {
    const data = await mustQuery<{
      priceScheduleInForce: {
        effectiveFrom: string;
        items: { code: string; unit: string; taxCode: string; unitPrice: Record<string, string> }[];
      };
    }>(
      t,
      '{ priceScheduleInForce { effectiveFrom items { code unit taxCode unitPrice { centimes amount currency } } } }',
    );
    const schedule = data.priceScheduleInForce;
    expect(schedule.effectiveFrom).toBe('2026-01-01');
    expect(schedule.items).toHaveLength(14);
    expect(schedule.items.find((i) => i.code === 'RAC-STD')).toEqual({
      code: 'RAC-STD',
      unit: 'FORFAIT',
      taxCode: 'TVA19',
      unitPrice: { centimes: '450000', amount: '4500.00', currency: 'DZD' },
    });
    expect(schedule.items.find((i) => i.code === 'DRP-AER')?.unit).toBe('M');
  });

  it('takes a new version from a later date; the one in force keeps its prices until then', async () => {
    const from = inDays(10);
    const created = await mustQuery<{ createPriceScheduleVersion: { effectiveFrom: string; effectiveTo: null } }>(
      t,
      createVersion,
      {
        input: { name: 'BPU 2027', effectiveFrom: from, items: [item] },
      },
    );
    expect(created.createPriceScheduleVersion).toMatchObject({ effectiveFrom: from, effectiveTo: null });
    const today = await mustQuery<{
      priceScheduleInForce: { effectiveTo: string; items: { unitPrice: { amount: string } }[] };
    }>(t, '{ priceScheduleInForce { effectiveTo items { code unitPrice { amount } } } }');
    expect(today.priceScheduleInForce.effectiveTo).toBe(from);
    expect(today.priceScheduleInForce.items).toHaveLength(14);
    const later = await mustQuery<{ priceScheduleInForce: { items: { unitPrice: { amount: string } }[] } }>(
      t,
      'query ($on: LocalDate) { priceScheduleInForce(on: $on) { items { unitPrice { amount } } } }',
      { on: from },
    );
    expect(later.priceScheduleInForce.items).toEqual([{ unitPrice: { amount: '4750.50' } }]);
  });

  it('refuses a version starting today or earlier, a price that is not an amount, an unknown tax code and a duplicate code', async () => {
    for (const [input, field] of [
      [{ name: 'x', effectiveFrom: inDays(0), items: [item] }, 'effectiveFrom'],
      [{ name: 'x', effectiveFrom: inDays(30), items: [{ ...item, unitPrice: '4500.505' }] }, 'items.0.unitPrice'],
      [{ name: 'x', effectiveFrom: inDays(30), items: [{ ...item, unitPrice: '1e3' }] }, 'items.0.unitPrice'],
      [{ name: 'x', effectiveFrom: inDays(30), items: [{ ...item, taxCode: 'TVA7' }] }, 'items.0.taxCode'],
      [{ name: 'x', effectiveFrom: inDays(30), items: [item, item] }, 'items'],
    ] as const) {
      const { body } = await t.graphql(createVersion, { input });
      expect(body.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('reads today from the clock of the context, not the system’s: a day to come by the system is past by a clock a year ahead', async () => {
    const before = await t.sql('select id from price_schedule order by id');
    const aYearAhead = contextAt(t.app.orm, new Date(Date.now() + 365 * 86_400_000).toISOString());
    await expect(
      createPriceScheduleVersion(aYearAhead, { name: 'x', effectiveFrom: inDays(30), items: [item] }),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'effectiveFrom', reasonCode: 'EFFECTIVE_AFTER_TODAY' },
    });
    expect(await t.sql('select id from price_schedule order by id')).toEqual(before);
  });

  it('lets the database refuse overlapping versions, whatever the code does', async () => {
    await expect(
      t.sql(
        "insert into price_schedule (name, effective_from, effective_to, created_at) values ('overlap', '2026-06-01', '2026-07-01', now())",
      ),
    ).rejects.toThrow(/price_schedule_no_overlap/);
  });
});
