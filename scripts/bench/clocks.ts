import { parseArgs } from 'node:util';
import { percentile } from './server.js';
import {
  clockOf,
  workStepSpans,
  type StatusChange,
} from '../../server/src/modules/service-level/service-level-clocks.js';
import { ServiceLevelTimeBasis } from '../../server/src/modules/service-level/service-level.entity.js';

/**
 * `npm run bench:clocks [-- --clocks N] [--rounds N]` (issue 20): what computing service-level clocks
 * costs, in this process alone (no database): N clocks (default 500, the clocks of a list of 100
 * customer subscriptions) of a work trail spread over 91 days, against working-day targets with the
 * year's holidays, each round timed; prints the median and the 95th percentile of the rounds (default
 * 50, after 5 not counted) as JSON.
 */
const { values: flags } = parseArgs({
  options: { clocks: { type: 'string', default: '500' }, rounds: { type: 'string', default: '50' } },
});
const clocks = Number(flags.clocks);
const rounds = Number(flags.rounds);

const holidays = new Set(['2026-01-01', '2026-01-12', '2026-03-20', '2026-05-01', '2026-07-05', '2026-11-01']);
const at = (instant: string) => new Date(instant);
const trail: StatusChange[] = [
  { at: at('2026-09-01T08:00:00Z'), from: null, to: 'PENDING' },
  { at: at('2026-09-03T10:00:00Z'), from: 'PENDING', to: 'ASSIGNED' },
  { at: at('2026-09-08T10:00:00Z'), from: 'ASSIGNED', to: 'SCHEDULED', appointmentAt: at('2026-09-20T08:00:00Z') },
  { at: at('2026-10-01T16:00:00Z'), from: 'SCHEDULED', to: 'INSTALLED' },
  { at: at('2026-10-20T09:00:00Z'), from: 'INSTALLED', to: 'REJECTED' },
];
const spans = workStepSpans(at('2026-09-01T08:00:00Z'), trail);
const target = { targetMinutes: 2880, timeBasis: ServiceLevelTimeBasis.WORKING_DAYS };
const now = at('2026-12-01T10:00:00Z');

const timings: number[] = [];
for (let round = 0; round < rounds + 5; round += 1) {
  const started = performance.now();
  for (let clock = 0; clock < clocks; clock += 1) clockOf(spans[clock % spans.length]!, target, holidays, now);
  if (round >= 5) timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({ clocks, rounds, medianMs: percentile(timings, 50), p95Ms: percentile(timings, 95) })}\n`,
);
