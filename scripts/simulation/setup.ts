import { randomInt } from 'node:crypto';
import { ribKey } from '../../shared/identifiers.js';
import type { GraphQLClient } from './api.js';

/** An open site (ASSIGNED or IN_PROGRESS) of an ACTIVE contractor, where new orders arrive. */
export interface OpenSite {
  readonly id: string;
  readonly code: string;
  readonly communeId: string;
  readonly wilayaCode: string;
  readonly wilayaName: string;
  readonly contractorId: string;
  readonly targetConnections: number;
  readonly latitude: number | null;
  readonly longitude: number | null;
}

/** A contractor firm the simulation drives, with its open sites. */
export interface Firm {
  readonly id: string;
  readonly legalName: string;
  readonly sites: readonly OpenSite[];
}

interface SiteNode {
  id: string;
  code: string;
  targetConnections: number;
  latitude: number | null;
  longitude: number | null;
  commune: { id: string };
  wilaya: { code: string; name: string };
  contractor: { id: string; legalName: string; status: string } | null;
}

const sitesQuery = `query SimulationOpenSites($status: SiteStatus!, $after: String) {
  sites(first: 100, after: $after, filter: { status: $status }) {
    pageInfo { hasNextPage endCursor }
    edges { node { id code targetConnections latitude longitude commune { id } wilaya { code name } contractor { id legalName status } } }
  }
}`;

/** How many pages of open sites of each status are read (100 each): enough to pick the firms driven. */
const sitePages = 5;

/**
 * The firms to drive: the ACTIVE contractors with open sites, those with the most open sites first
 * (then by name), at most `maxFirms`, each with its open sites.
 */
export async function findFirms(client: GraphQLClient, token: string, maxFirms: number): Promise<Firm[]> {
  const byFirm = new Map<string, { legalName: string; sites: OpenSite[] }>();
  for (const status of ['IN_PROGRESS', 'ASSIGNED']) {
    let after: string | null = null;
    for (let page = 0; page < sitePages; page += 1) {
      const data: {
        sites: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: SiteNode }[] };
      } = await client.request(sitesQuery, { status, after }, token);
      for (const { node } of data.sites.edges) {
        if (node.contractor?.status !== 'ACTIVE') continue;
        const firm = byFirm.get(node.contractor.id) ?? { legalName: node.contractor.legalName, sites: [] };
        firm.sites.push({
          id: node.id,
          code: node.code,
          communeId: node.commune.id,
          wilayaCode: node.wilaya.code,
          wilayaName: node.wilaya.name,
          contractorId: node.contractor.id,
          targetConnections: node.targetConnections,
          latitude: node.latitude,
          longitude: node.longitude,
        });
        byFirm.set(node.contractor.id, firm);
      }
      if (!data.sites.pageInfo.hasNextPage) break;
      after = data.sites.pageInfo.endCursor;
    }
  }
  return [...byFirm.entries()]
    .map(([id, firm]) => ({ id, ...firm }))
    .sort((a, b) => b.sites.length - a.sites.length || a.legalName.localeCompare(b.legalName))
    .slice(0, maxFirms);
}

interface ContractorNode {
  id: string;
  version: number;
  legalName: string;
  operatingWilayas: { code: string }[];
}

const contractorsQuery = `query SimulationContractors($status: ContractorStatus!) {
  contractors(first: 100, filter: { status: $status }) { edges { node { id version legalName operatingWilayas { code } } } }
}`;

/** Firms the simulation registers when the database has no contractor it could use (wilaya, coordinates of its first site). */
const newFirms = [
  { legalName: 'SARL Simulation Fibre Alger', wilayaCode: '16', latitude: 36.7538, longitude: 3.0588 },
  { legalName: 'EURL Simulation Réseaux Oran', wilayaCode: '31', latitude: 35.6971, longitude: -0.6308 },
  { legalName: 'SNC Simulation Raccordement Mitidja', wilayaCode: '16', latitude: 36.7167, longitude: 3.15 },
];

/** Coordinates of a few wilayas' seats, for the sites the simulation opens (photos are GPS-stamped near them). */
const seats: Record<string, { latitude: number; longitude: number }> = Object.fromEntries(
  newFirms.map((firm) => [firm.wilayaCode, firm]),
);

/** A valid CreateContractorInput for `firm`: a SARL-like company under the real regime, with a CCP account whose RIB key is right. */
function contractorInput(firm: (typeof newFirms)[number]): Record<string, unknown> {
  const n = String(randomInt(10 ** 9, 10 ** 10));
  const account = n.padStart(10, '0');
  return {
    legalName: firm.legalName,
    legalForm: firm.legalName.split(' ')[0],
    fiscalRegime: 'REAL',
    nif: `0002${firm.wilayaCode}${n.slice(0, 9)}`,
    nis: `0992${firm.wilayaCode}${n.slice(0, 9)}`,
    rcNumber: `${firm.wilayaCode}/00-${n.slice(0, 7)}B22`,
    taxArticle: `${firm.wilayaCode}${n.slice(0, 9)}`,
    address: '8 rue des Frères Bouadou',
    communeId: null,
    contacts: [{ name: 'Responsable travaux', role: 'gérant', phone: '0550 12 34 56' }],
    bankAccount: `00799999${account}${ribKey('99999', account)}`,
    operatingWilayaCodes: [firm.wilayaCode],
    teamCapacity: 6,
  };
}

/** Acting as whom: the administrator, and the DOT manager of a wilaya (made on demand). */
export interface Preparers {
  readonly admin: string;
  dot(wilayaCode: string): Promise<string>;
}

async function firstCommune(client: GraphQLClient, token: string, wilayaCode: string): Promise<string> {
  const data = await client.request<{ communes: { id: string }[] }>(
    'query SimulationCommunes($w: String) { communes(wilayaCode: $w) { id } }',
    { w: wilayaCode },
    token,
  );
  if (!data.communes[0]) throw new Error(`wilaya ${wilayaCode} has no commune: is the reference data loaded?`);
  return data.communes[0].id;
}

/**
 * When no ACTIVE contractor has an open site, prepares some as AT would: head office (the
 * administrator) approves contractors waiting for approval, or registers and approves three when
 * there are none; then each firm's DOT manager assigns it a PLANNED site of its wilaya, or creates
 * one, and opens it. Returns what it did, one line each.
 */
export async function prepareFirms(client: GraphQLClient, preparers: Preparers, maxFirms: number): Promise<string[]> {
  const done: string[] = [];
  const list = async (status: string) =>
    (
      await client.request<{ contractors: { edges: { node: ContractorNode }[] } }>(
        contractorsQuery,
        { status },
        preparers.admin,
      )
    ).contractors.edges.map((edge) => edge.node);
  let active = await list('ACTIVE');
  if (active.length === 0) {
    let waiting = await list('PENDING_APPROVAL');
    if (waiting.length === 0) {
      for (const firm of newFirms) {
        const input = {
          ...contractorInput(firm),
          communeId: await firstCommune(client, preparers.admin, firm.wilayaCode),
        };
        const created = await client.request<{ createContractor: { contractor: ContractorNode } }>(
          'mutation SimulationNewContractor($input: CreateContractorInput!) { createContractor(input: $input) { contractor { id version legalName operatingWilayas { code } } } }',
          { input },
          preparers.admin,
        );
        done.push(`registered contractor ${firm.legalName}`);
        waiting = [...waiting, created.createContractor.contractor];
      }
    }
    for (const contractor of waiting.slice(0, Math.min(maxFirms, newFirms.length))) {
      await client.request(
        'mutation SimulationApprove($id: ID!, $v: Int!) { approveContractor(input: { id: $id, expectedVersion: $v, reason: "dossier complet (simulation)" }) { contractor { id } } }',
        { id: contractor.id, v: contractor.version },
        preparers.admin,
      );
      done.push(`approved contractor ${contractor.legalName}`);
    }
    active = await list('ACTIVE');
  }
  for (const [index, contractor] of active.slice(0, Math.min(maxFirms, newFirms.length)).entries()) {
    const wilayaCode = contractor.operatingWilayas[0]?.code;
    if (!wilayaCode) continue;
    const dot = await preparers.dot(wilayaCode);
    const planned = await client.request<{
      sites: { edges: { node: { id: string; version: number; code: string; contractor: { id: string } | null } }[] };
    }>(
      'query SimulationPlanned($w: String) { sites(first: 20, filter: { status: PLANNED, wilayaCode: $w }) { edges { node { id version code contractor { id } } } } }',
      { w: wilayaCode },
      dot,
    );
    let site = planned.sites.edges.map((edge) => edge.node).find((candidate) => candidate.contractor === null);
    if (!site) {
      const seat = seats[wilayaCode];
      const created = await client.request<{ createSite: { site: { id: string; version: number; code: string } } }>(
        'mutation SimulationNewSite($input: CreateSiteInput!) { createSite(input: $input) { site { id version code } } }',
        {
          input: {
            code: `SIM-${wilayaCode}-${Date.now().toString(36).toUpperCase()}-${index + 1}`,
            name: `Simulation — cité ${randomInt(100, 1000)} logements`,
            kind: 'HOUSING_ESTATE',
            communeId: await firstCommune(client, dot, wilayaCode),
            targetConnections: 400,
            ...(seat ? { latitude: seat.latitude, longitude: seat.longitude } : {}),
          },
        },
        dot,
      );
      site = { ...created.createSite.site, contractor: null };
      done.push(`DOT ${wilayaCode} created site ${site.code}`);
    }
    const assigned = await client.request<{ assignSite: { site: { version: number } } }>(
      'mutation SimulationAssignSite($id: ID!, $v: Int!, $c: ID!) { assignSite(input: { id: $id, expectedVersion: $v, contractorId: $c, reason: "plan de charge (simulation)" }) { site { version } } }',
      { id: site.id, v: site.version, c: contractor.id },
      dot,
    );
    await client.request(
      'mutation SimulationStartSite($id: ID!, $v: Int!) { startSite(input: { id: $id, expectedVersion: $v, reason: "ouverture du chantier (simulation)" }) { site { id } } }',
      { id: site.id, v: assigned.assignSite.site.version },
      dot,
    );
    done.push(`DOT ${wilayaCode} assigned site ${site.code} to ${contractor.legalName} and opened it`);
  }
  return done;
}
