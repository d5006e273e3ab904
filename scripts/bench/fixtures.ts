import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { seededRandom } from '../../server/src/common/random.js';
import { ribKey } from '../../shared/identifiers.js';
import { communesCsvPath } from '../../server/src/modules/reference-data/reference-data.import.js';

/** A commune of the shipped reference data: its id and its wilaya. */
export interface CommuneRef {
  readonly id: string;
  readonly wilayaCode: string;
}

/** The real communes (the list shipped with Raccord in server/src/reference-data). */
export async function loadCommunes(): Promise<CommuneRef[]> {
  const records = parse(await readFile(communesCsvPath, 'utf8'), { columns: true }) as Record<string, string>[];
  return records.map((record) => ({ id: record['id']!, wilayaCode: record['wilaya_code']! }));
}

/** Share of the orders in each of the busiest wilayas (Alger, Oran, Blida, Constantine, Sétif); the rest spread evenly. */
const busiest: Record<string, number> = { '16': 0.25, '31': 0.15, '09': 0.08, '25': 0.07, '19': 0.05 };

/**
 * A customer subscriptions CSV of `count` rows (Raccord's import columns), reproducible from
 * `seed` and `now`: order references `BENCH-<tag>-<n>`, orders of the 120 days before `now`, on the real communes,
 * skewed as the roll-out is (a quarter in Alger, …).
 */
export function subscriptionsCsv(
  count: number,
  communes: readonly CommuneRef[],
  tag: string,
  seed: number,
  now = Date.now(),
): string {
  const next = seededRandom(seed);
  const byWilaya = new Map<string, CommuneRef[]>();
  for (const commune of communes)
    byWilaya.set(commune.wilayaCode, [...(byWilaya.get(commune.wilayaCode) ?? []), commune]);
  const pick = (): CommuneRef => {
    let roll = next();
    for (const [code, share] of Object.entries(busiest)) {
      const inWilaya = byWilaya.get(code);
      if (roll < share && inWilaya) return inWilaya[Math.floor(next() * inWilaya.length)]!;
      roll -= share;
    }
    return communes[Math.floor(next() * communes.length)]!;
  };
  const rows = Array.from({ length: count }, (_, index) => [
    `BENCH-${tag}-${String(index).padStart(8, '0')}`,
    `Client ${index}`,
    `0550${String(Math.floor(next() * 1_000_000)).padStart(6, '0')}`,
    `Bt ${1 + Math.floor(next() * 40)}, cité ${1 + Math.floor(next() * 900)} logements`,
    pick().id,
    'IDOOM FIBRE 300 Mbps',
    new Date(now - 3_600_000 - Math.floor(next() * 120 * 86_400_000)).toISOString(),
  ]);
  return stringify([
    ['order_reference', 'customer_name', 'customer_phone', 'customer_address', 'commune_id', 'offer', 'ordered_at'],
    ...rows,
  ]);
}

/** POSTs one GraphQL operation; throws with the errors unless it succeeds. */
export async function graphql<T>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors)
    throw new Error(`GraphQL errors from ${url}: ${JSON.stringify(body.errors).slice(0, 1000)}`);
  return body.data;
}

/** Signs in through Raccord's API; returns the token. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const data = await graphql<{ login: { token: string } }>(
    url,
    null,
    'mutation ($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }',
    {
      e: email,
      p: password,
    },
  );
  return data.login.token;
}

/** Creates a contractor through the API (REAL regime, operating in `wilayaCode`) and approves it; returns its id. */
export async function activeContractor(
  url: string,
  token: string,
  n: number,
  wilayaCode: string,
  communeId: string,
): Promise<string> {
  const account = String(n).padStart(10, '0');
  const created = await graphql<{ createContractor: { contractor: { id: string } } }>(
    url,
    token,
    'mutation ($input: CreateContractorInput!) { createContractor(input: $input) { contractor { id } } }',
    {
      input: {
        legalName: `SARL Banc Fibre ${n}`,
        legalForm: 'SARL',
        fiscalRegime: 'REAL',
        nif: String(980_000_000_000_000 + n),
        nis: `0981600${String(n).padStart(8, '0')}`,
        rcNumber: `${wilayaCode}/00-${String(n).padStart(7, '0')}B21`,
        taxArticle: `${wilayaCode}${String(n).padStart(9, '0')}`,
        address: `${n} rue du Banc`,
        communeId,
        contacts: [{ name: 'Gérant Banc', role: 'gérant', phone: '0550 12 34 56', email: `banc${n}@example.dz` }],
        bankAccount: `00799998${account}${ribKey('99998', account)}`,
        operatingWilayaCodes: [wilayaCode],
        teamCapacity: 8,
      },
    },
  );
  const id = created.createContractor.contractor.id;
  await graphql(
    url,
    token,
    'mutation ($id: ID!) { approveContractor(input: { id: $id, expectedVersion: 1, reason: "banc d\'essai" }) { contractor { id } } }',
    { id },
  );
  return id;
}

/**
 * Turns `count` PENDING imported customer subscriptions of `wilayaCode` (order references
 * `BENCH-<tag>-…`) into INSTALLED ones (version 4, as assign → schedule → report leaves them), each
 * with a report within the thresholds whose `lines` are billed on acceptance, spread over
 * `contractorIds` in turn. Written in SQL, in one statement: through the API it would take four
 * mutations each, minutes for thousands. Returns their ids in id order.
 */
export async function prepareInstalled(
  databaseUrl: string,
  options: {
    wilayaCode: string;
    tag: string;
    count: number;
    contractorIds: readonly string[];
    lines: readonly { code: string; quantity: string }[];
  },
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ id: string }>(
      `with picked as (
         select id, row_number() over (order by id) - 1 as n from customer_subscription
          where wilaya_code = $1 and status = 'PENDING' and order_reference like $2 order by id limit $3
       ), installed as (
         update customer_subscription cs
            set status = 'INSTALLED', version = 4, contractor_id = ($4::bigint[])[1 + picked.n % cardinality($4::bigint[])],
                appointment_at = now() - interval '2 hours', status_changed_at = now(), updated_at = now()
           from picked where cs.id = picked.id
         returning cs.id
       )
       insert into installation_report (customer_subscription_id, installed_at, technician_name, network_class, received_power_dbm, lines, photos, quality_issues, created_at)
       select id, now() - interval '1 hour', 'Technicien Banc', 'B_PLUS', -21.5, $5::jsonb, '[]', '[]', now() from installed
       returning customer_subscription_id as id`,
      [
        options.wilayaCode,
        `BENCH-${options.tag}-%`,
        options.count,
        options.contractorIds,
        JSON.stringify(options.lines),
      ],
    );
    if (result.rows.length < options.count)
      throw new Error(
        `only ${result.rows.length} PENDING customer subscriptions in wilaya ${options.wilayaCode} to install (${options.count} asked)`,
      );
    return result.rows.map((row) => row.id).sort((a, b) => Number(a) - Number(b));
  } finally {
    await client.end();
  }
}

/** Runs one SQL query on `databaseUrl` and returns its rows. */
export async function sql<T extends pg.QueryResultRow>(
  databaseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
