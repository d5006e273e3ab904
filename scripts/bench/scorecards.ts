import type { EntityManager } from '@mikro-orm/postgresql';
import { parseArgs } from 'node:util';
import { addDays } from '../../server/src/common/time.js';
import { readScorecard, readScorecardTrend } from '../../server/src/modules/scorecard/scorecard.service.js';
import { ScorecardWindow } from '../../server/src/modules/scorecard/scorecard.types.js';
import { withDatabase } from '../with-database.js';
import { percentile } from './server.js';

/**
 * `npm run bench:scorecards [-- --firms N] [--reads N]` (issue 20): what reading a scorecard costs at
 * the country's size. On `DATABASE_URL` (or the embedded database), it empties `scorecard_counter`
 * and fills it as the consumer would after 90 days and 3 months of the country's work (size L's
 * pace, some 4,300 acceptances a day): N firms (default 4,800) each working in two of the 58
 * wilayas, every firm-day with work (45 % of them) holding its counts and two step-time buckets per
 * step, drawn per row (so that a wilaya and the country hold some 30 buckets a step). Then it reads,
 * N times each (default 200, after 20 not counted), a random firm's scorecard over 30 and 90 days
 * and its month (with its ranks among all firms), a wilaya's, the national one, and a firm's
 * 12-month trend, through the API's own service; prints each read's median, 95th and 99th
 * percentile in ms as JSON. The counters are made with SQL, not by counting generated work (that
 * is `npm run generate`'s, whose counting time it reports): a read touches only the counters.
 */
const { values: flags } = parseArgs({
  options: { firms: { type: 'string', default: '4800' }, reads: { type: 'string', default: '200' } },
});
const firms = Number(flags.firms);
const reads = Number(flags.reads);
const today = '2026-12-07';
const firstDay = addDays(today, -89);

/** Fills the counters: day rows for 90 days, month rows for the months they fall in, for firm-in-wilaya, firm, wilaya and country. */
async function fill(em: EntityManager): Promise<number> {
  await em.execute('truncate scorecard_counter, scorecard_firm_month');
  // A firm-day with work: its facts, and its steps' counts with two buckets each (times near the median and the tail).
  await em.execute(
    `create temp table bench_fact on commit drop as
     with firm_wilaya as (
       select firm, lpad(((firm * 7 + side * 29) % 58 + 1)::text, 2, '0') as wilaya_code
         from generate_series(1, ?) firm, generate_series(0, 1) side
     ), days as (
       select (?::date + offset_days)::date as day from generate_series(0, 89) offset_days
     ), worked as (
       select fw.firm, fw.wilaya_code, d.day from firm_wilaya fw cross join days d where random() < 0.45
     )
     select w.firm, w.wilaya_code, w.day, m.measure, m.value
       from worked w
       cross join lateral (select * from (values
         ('accepted', 1 + (random() * 2)::int), ('firstTimeRight', 1 + (random())::int), ('decided', 2),
         ('rejected', (random() < 0.15)::int), ('failed', (random() < 0.1)::int), ('failed:CUSTOMER_ABSENT', (random() < 0.1)::int),
         ('reserve:photo floue', (random() < 0.1)::int), ('margin.sum', 4000 + (random() * 3000)::int), ('margin.count', 1),
         ('margin.worst', 1500 + (random() * 3000)::int),
         ('step:ASSIGNMENT_TO_APPOINTMENT:ended', 2), ('step:ASSIGNMENT_TO_APPOINTMENT:onTime', 2),
         ('step:ASSIGNMENT_TO_APPOINTMENT:b' || (60 + (random() * 30)::int), 1), ('step:ASSIGNMENT_TO_APPOINTMENT:b' || (75 + (random() * 30)::int), 1),
         ('step:APPOINTMENT_TO_INSTALLATION:ended', 2), ('step:APPOINTMENT_TO_INSTALLATION:onTime', 1),
         ('step:APPOINTMENT_TO_INSTALLATION:b' || (40 + (random() * 30)::int), 1), ('step:APPOINTMENT_TO_INSTALLATION:b' || (65 + (random() * 30)::int), 1),
         ('step:REPORT_TO_DECISION:ended', 2), ('step:REPORT_TO_DECISION:onTime', 2),
         ('step:REPORT_TO_DECISION:b' || (65 + (random() * 30)::int), 1), ('step:REPORT_TO_DECISION:b' || (80 + (random() * 30)::int), 1),
         ('firmSteps:ended', 4), ('firmSteps:onTime', 3)
       ) v(measure, value) where w.firm > 0) m
      where m.value > 0`,
    [firms, firstDay],
  );
  const scopes = [
    ['wilaya_code', 'firm'],
    [`''`, 'firm'],
    ['wilaya_code', '0'],
    [`''`, '0'],
  ];
  for (const [wilaya, firm] of scopes) {
    for (const [period, day] of [
      ['D', 'day'],
      ['M', `date_trunc('month', day)::date`],
    ]) {
      await em.execute(
        `insert into scorecard_counter (wilaya_code, contractor_id, period, day, measure, value)
         select ${wilaya}, ${firm}, '${period}', ${day}, measure,
                case when measure like '%.worst' then min(value) else sum(value) end
           from bench_fact group by 1, 2, 3, 4, 5`,
      );
    }
  }
  for (const wilaya of ['wilaya_code', `''`]) {
    await em.execute(
      `insert into scorecard_firm_month (month, wilaya_code, contractor_id, accepted, first_time_right, steps_ended, steps_on_time)
       select date_trunc('month', day)::date, ${wilaya}, firm,
              coalesce(sum(value) filter (where measure = 'accepted'), 0), coalesce(sum(value) filter (where measure = 'firstTimeRight'), 0),
              coalesce(sum(value) filter (where measure = 'firmSteps:ended'), 0), coalesce(sum(value) filter (where measure = 'firmSteps:onTime'), 0)
         from bench_fact group by 1, 2, 3`,
    );
  }
  const [row] = await em.execute<{ rows: string }[]>('select count(*)::text as rows from scorecard_counter');
  return Number(row!.rows);
}

/** Times `read` `reads` times after 20 not counted; its median, 95th and 99th percentiles in ms. */
async function timed(read: (round: number) => Promise<unknown>): Promise<{ p50: number; p95: number; p99: number }> {
  const timings: number[] = [];
  for (let round = 0; round < reads + 20; round += 1) {
    const started = performance.now();
    await read(round);
    if (round >= 20) timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const round2 = (value: number) => Math.round(value * 100) / 100;
  return {
    p50: round2(percentile(timings, 50)),
    p95: round2(percentile(timings, 95)),
    p99: round2(percentile(timings, 99)),
  };
}

process.exitCode = await withDatabase(async (orm) => {
  await orm.migrator.up();
  const filling = performance.now();
  // One transaction, without the server's statement timeout: filling takes minutes.
  const rows = await orm.em.fork().transactional(async (em) => {
    await em.execute('set local statement_timeout = 0');
    return fill(em);
  });
  await orm.em.fork().execute('analyze scorecard_counter, scorecard_firm_month');
  const fillSeconds = Math.round((performance.now() - filling) / 1000);
  const firm = (round: number) => String(((round * 7919) % firms) + 1);
  const wilaya = (round: number) => String((round % 58) + 1).padStart(2, '0');
  const em = () => orm.em.fork();
  const results = {
    firm30Days: await timed((round) =>
      readScorecard(em(), { contractorId: firm(round), wilayaCode: null }, ScorecardWindow.LAST_30_DAYS, null, today),
    ),
    firm90Days: await timed((round) =>
      readScorecard(em(), { contractorId: firm(round), wilayaCode: null }, ScorecardWindow.LAST_90_DAYS, null, today),
    ),
    firmMonthWithRanks: await timed((round) =>
      readScorecard(em(), { contractorId: firm(round), wilayaCode: null }, ScorecardWindow.MONTH, '2026-11', today),
    ),
    wilaya90Days: await timed((round) =>
      readScorecard(em(), { contractorId: null, wilayaCode: wilaya(round) }, ScorecardWindow.LAST_90_DAYS, null, today),
    ),
    national30Days: await timed(() =>
      readScorecard(em(), { contractorId: null, wilayaCode: null }, ScorecardWindow.LAST_30_DAYS, null, today),
    ),
    national90Days: await timed(() =>
      readScorecard(em(), { contractorId: null, wilayaCode: null }, ScorecardWindow.LAST_90_DAYS, null, today),
    ),
    firmTrend12Months: await timed((round) =>
      readScorecardTrend(em(), { contractorId: firm(round), wilayaCode: null }, 12, today),
    ),
  };
  process.stdout.write(`${JSON.stringify({ firms, reads, counterRows: rows, fillSeconds, readsMs: results })}\n`);
  return 0;
});
