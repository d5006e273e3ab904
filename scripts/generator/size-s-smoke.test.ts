import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/common/logger.js';
import { initOrm } from '../../server/src/entities.js';
import { defaultQualityThresholds } from '../../server/src/modules/customer-subscription/installation-quality.js';
import { defaultBuyer } from '../../server/src/modules/invoice/invoice-document.js';
import { mustQuery } from '../../server/test/api.js';
import { createTestDatabase, startTestApp, type TestApp } from '../../server/test/harness.js';
import { generateData, sizes, type GenerationReport } from './generate.js';

/**
 * The CI smoke of `npm run generate -- --size S`: the whole size S into a fresh database, then its
 * counts and its dashboard read through the app. Slow (about a minute on two idle cores): the
 * figures it prints are the run's own, not a benchmark.
 */
describe('generator size S smoke', () => {
  let t: TestApp;
  let report: GenerationReport;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const orm = await initOrm({ databaseUrl: database.url, logger: createLogger('silent'), poolMax: 2 });
    try {
      report = await generateData({
        databaseUrl: database.url,
        orm,
        counts: sizes.S,
        seed: 1,
        settings: {
          retentionPercent: '5',
          paymentTermsDays: 30,
          buyer: defaultBuyer,
          qualityThresholds: defaultQualityThresholds,
        },
      });
    } catch (error) {
      await database.drop();
      throw error;
    } finally {
      await orm.close();
    }
    process.stdout.write(
      `size S generated: ${report.totalRows} rows in ${report.seconds} s (${report.rowsPerSecond} rows/s)\n`,
    );
    t = await startTestApp({}, { database });
  }, 1_200_000);
  afterAll(() => t?.stop());

  it('size S smoke: 50,000 customer subscriptions of 500 contractors, every status, the dashboard agreeing with the tables', async () => {
    const [counted] = await t.sql<{ subscriptions: string; contractors: string; sites: string; statuses: string }>(
      `select (select count(*) from customer_subscription) as subscriptions, (select count(*) from contractor) as contractors,
              (select count(*) from site) as sites, (select count(distinct status) from customer_subscription) as statuses`,
    );
    expect(counted).toEqual({
      subscriptions: '50000',
      contractors: '500',
      sites: String(report.counts.sites),
      statuses: '8',
    });
    const { dashboard } = await mustQuery<{
      dashboard: { acceptedTotal: number; backlog: { customerSubscriptions: number }[] };
    }>(t, '{ dashboard { acceptedTotal backlog { customerSubscriptions } } }');
    expect(dashboard.backlog.reduce((sum, row) => sum + row.customerSubscriptions, 0)).toBe(50_000);
    const [accepted] = await t.sql<{ count: string }>(
      `select count(*) from customer_subscription where status = 'ACCEPTED'`,
    );
    expect(dashboard.acceptedTotal).toBe(Number(accepted!.count));
    const [wilayas] = await t.sql<{ share: number }>(
      'select (select sum(n) from (select count(*) as n from customer_subscription group by wilaya_code order by 1 desc limit 5) top)::float / 50000 as share',
    );
    expect(wilayas!.share).toBeGreaterThan(0.5);
  });
});
