import { spawnSync } from 'node:child_process';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  buildSchema as buildSchemaFromSdl,
  execute,
  parse,
  printSchema,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLScalarType,
  type GraphQLSchema,
} from 'graphql';

/**
 * `node --max-semi-space-size=32 dist/scripts/bench/graphql-layer.js` (after `npm run build:server`):
 * what type-graphql costs Raccord, apart from the database (docs/decisions.md, decision 2).
 *
 * 1. Start: in each of RUNS fresh processes, the time to import `server/src/schema.ts` (every
 *    module, its decorators run) and to build Raccord's schema (`buildRaccordSchema`: type-graphql's
 *    `buildSchema`, then `authorizeRootFields`), then a second build in the same process; wall clock
 *    and the process's CPU time (user + system), in ms.
 * 2. Per request: one page of 50 customer subscriptions (`customerSubscriptions(first: 50)` with
 *    every field that reads no database: 15 a node, 3 of them field resolvers with a role check, and
 *    the edges' cursors and pageInfo) executed by graphql-js `execute` over (a) Raccord's schema, its
 *    root field answering the same in-memory page, and (b) a plain graphql-js schema of the same
 *    shape (`buildSchema` of the printed SDL: default resolvers, the same three role checks, the
 *    same DateTimeISO scalar). Both answers are checked equal first. Figures in `measure`.
 *
 * Prints one JSON object. `RUNS` (10), `BATCHES` (15), `OPS` (200) change the sizes. The CPU
 * figures move less with the machine's load than the wall clock, but they move: note `uptime`.
 */
const RUNS = Number(process.env['RUNS'] ?? 10);
const BATCHES = Number(process.env['BATCHES'] ?? 15);
const OPS = Number(process.env['OPS'] ?? 200);

/** The query of part 2: a page of 50 with every field that reads no database. */
export const pageQuery = parse(`
  query Page {
    customerSubscriptions(first: 50) {
      edges {
        cursor
        node {
          id version createdAt updatedAt orderReference offer orderedAt status statusReason
          statusChangedAt failureReason appointmentAt customerName customerPhone customerAddress
        }
      }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

/** Part 1's times of one process (ms): wall clock, and CPU time (user + system) of the process. */
interface StartTimes {
  importMs: number;
  importCpuMs: number;
  firstBuildMs: number;
  firstBuildCpuMs: number;
  secondBuildMs: number;
  secondBuildCpuMs: number;
}

/** Part 1, in a child process: import and build times. */
async function startOnce(): Promise<StartTimes> {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const [w0, c0] = [performance.now(), cpu()];
  const { buildRaccordSchema } = await import('../../server/src/schema.js');
  const [w1, c1] = [performance.now(), cpu()];
  await buildRaccordSchema();
  const [w2, c2] = [performance.now(), cpu()];
  await buildRaccordSchema();
  const [w3, c3] = [performance.now(), cpu()];
  return {
    importMs: w1 - w0,
    importCpuMs: c1 - c0,
    firstBuildMs: w2 - w1,
    firstBuildCpuMs: c2 - c1,
    secondBuildMs: w3 - w2,
    secondBuildCpuMs: c3 - c2,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

/** The in-memory page both schemas answer: 50 customer subscriptions as the service returns them. */
export async function samplePage(): Promise<unknown> {
  const { CustomerSubscription, CustomerSubscriptionStatus } =
    await import('../../server/src/modules/customer-subscription/customer-subscription.entity.js');
  const statuses = Object.values(CustomerSubscriptionStatus);
  const edges = Array.from({ length: 50 }, (_, index) => {
    const node = Object.assign(new CustomerSubscription(), {
      id: String(1_000_000 + index),
      version: 1 + (index % 5),
      createdAt: new Date(Date.UTC(2026, 10, 1, 8, index)),
      updatedAt: new Date(Date.UTC(2026, 10, 2, 9, index)),
      orderReference: `CMD-16-2026-${String(index).padStart(6, '0')}`,
      offer: 'IDOOM FIBRE 300 Mbps',
      orderedAt: new Date(Date.UTC(2026, 9, 30, 10, index)),
      status: statuses[index % statuses.length],
      statusReason: index % 3 === 0 ? 'Rendez-vous pris avec le client' : null,
      statusChangedAt: new Date(Date.UTC(2026, 10, 2, 9, index)),
      appointmentAt: index % 2 === 0 ? new Date(Date.UTC(2026, 10, 5, 8, index)) : null,
      customerName: `Client ${index}`,
      customerPhone: `+21355012${String(index).padStart(4, '0')}`,
      customerAddress: `${index} rue Didouche Mourad, Alger-Centre`,
    });
    return { cursor: `CustomerSubscription:${Buffer.from(String(index)).toString('base64url')}`, node };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: edges[0]!.cursor,
      endCursor: edges[49]!.cursor,
    },
    totalCount: () => Promise.resolve(50),
  };
}

/** Answers `Query.customerSubscriptions` of `schema` with `page`, whatever the arguments. */
export function answerRootWith(schema: GraphQLSchema, page: unknown): void {
  schema.getQueryType()!.getFields()['customerSubscriptions']!.resolve = () => page;
}

/** A plain graphql-js schema of Raccord's shape: default resolvers, the same role checks and scalar. */
export async function plainSchemaOf(raccord: GraphQLSchema): Promise<GraphQLSchema> {
  const { maySeeCustomerData } = await import('../../server/src/modules/auth/scope.js');
  const { DateTime } = await import('../../server/src/common/scalars.js');
  const plain = buildSchemaFromSdl(printSchema(raccord));
  const scalar = plain.getType('DateTimeISO') as GraphQLScalarType;
  scalar.serialize = DateTime.serialize.bind(DateTime);
  const node = plain.getType('CustomerSubscription') as GraphQLObjectType;
  for (const name of ['customerName', 'customerPhone', 'customerAddress'] as const) {
    const resolve: GraphQLFieldResolver<Record<string, unknown>, Parameters<typeof maySeeCustomerData>[0]> = (
      root,
      _args,
      context,
    ) => (maySeeCustomerData(context) ? root[name] : null);
    node.getFields()[name]!.resolve = resolve;
  }
  return plain;
}

/** Figures of one variant: CPU µs and wall-clock µs per operation, bytes allocated per operation. */
export interface Cost {
  cpuUsPerOp: number;
  wallUsPerOp: number;
  bytesPerOp: number | null;
}

/**
 * The cost of each variant (each operation awaited), over BATCHES interleaved batches of OPS
 * operations: medians of CPU time (user + system, which a loaded machine inflates less than the wall
 * clock) and wall-clock time; allocation as the median heap growth of 5-operation batches during
 * which no garbage collection ran.
 */
export async function measure(variants: Record<string, () => unknown>): Promise<Record<string, Cost>> {
  let collections = 0;
  const observer = new PerformanceObserver((list) => {
    collections += list.getEntries().length;
  });
  observer.observe({ entryTypes: ['gc'] });
  const cpu: Record<string, number[]> = {};
  const wall: Record<string, number[]> = {};
  const allocations: Record<string, number[]> = {};
  for (const name of Object.keys(variants)) {
    cpu[name] = [];
    wall[name] = [];
    allocations[name] = [];
    for (let i = 0; i < OPS * 2; i += 1) await variants[name]!();
  }
  for (let batch = 0; batch < BATCHES; batch += 1) {
    for (const [name, run] of Object.entries(variants)) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < OPS; i += 1) await run();
      const t1 = performance.now();
      const c1 = process.cpuUsage(c0);
      cpu[name]!.push((c1.user + c1.system) / OPS);
      wall[name]!.push(((t1 - t0) * 1000) / OPS);
      for (let small = 0; small < 10; small += 1) {
        const gcBefore = collections;
        const heapBefore = process.memoryUsage().heapUsed;
        for (let i = 0; i < 5; i += 1) await run();
        const heapAfter = process.memoryUsage().heapUsed;
        await new Promise((resolve) => setImmediate(resolve));
        if (collections === gcBefore) allocations[name]!.push((heapAfter - heapBefore) / 5);
      }
    }
  }
  observer.disconnect();
  return Object.fromEntries(
    Object.keys(variants).map((name) => [
      name,
      {
        cpuUsPerOp: round(median(cpu[name]!)),
        wallUsPerOp: round(median(wall[name]!)),
        bytesPerOp: allocations[name]!.length > 0 ? Math.round(median(allocations[name]!)) : null,
      },
    ]),
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === '--start-once') {
    process.stdout.write(`${JSON.stringify(await startOnce())}\n`);
    return;
  }
  const starts = Array.from({ length: RUNS }, () => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--start-once'], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`start run failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as StartTimes;
  });
  const { buildRaccordSchema } = await import('../../server/src/schema.js');
  const raccord = await buildRaccordSchema();
  const page = await samplePage();
  answerRootWith(raccord, page);
  const plain = await plainSchemaOf(raccord);
  answerRootWith(plain, page);
  const contextValue = { viewer: null };
  const run = (schema: GraphQLSchema) => () => execute({ schema, document: pageQuery, contextValue });
  const answers = (await Promise.all([run(raccord)(), run(plain)()])).map((result) => JSON.stringify(result));
  if (answers[0] !== answers[1]) throw new Error(`the two schemas answer differently:\n${answers.join('\n')}`);
  if (answers[0]!.includes('"errors"')) throw new Error(`the query failed: ${answers[0]}`);
  const perRequest = await measure({ typeGraphql: run(raccord), graphqlJs: run(plain) });
  process.stdout.write(
    `${JSON.stringify(
      {
        start: {
          runs: RUNS,
          ...Object.fromEntries(
            (Object.keys(starts[0]!) as (keyof StartTimes)[]).map((key) => [
              key,
              {
                median: round(median(starts.map((times) => times[key]))),
                min: round(Math.min(...starts.map((times) => times[key]))),
                max: round(Math.max(...starts.map((times) => times[key]))),
              },
            ]),
          ),
        },
        perRequest: { batches: BATCHES, opsPerBatch: OPS, ...perRequest },
      },
      null,
      2,
    )}\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
