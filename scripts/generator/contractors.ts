import { AuditAction } from '../../server/src/modules/audit/audit-event.entity.js';
import { changedFields } from '../../server/src/modules/audit/audit.service.js';
import { ContractorStatus, FiscalRegime, LegalForm } from '../../server/src/modules/contractor/contractor.entity.js';
import { contractorSchema, type ContractorValues } from '../../server/src/modules/contractor/contractor.inputs.js';
import { ribKey } from '../../shared/identifiers.js';
import { contractorReasons, firmStems, firmTrades, firstNames, lastNames, streets } from './names.js';
import { dayMs, hourMs, later, plus, transitionEvent, type PlannedEvent } from './plan.js';
import { choices, cumulative, Random, zipfWeights } from './random.js';
import type { World, WorldWilaya } from './world.js';

/** A generated contractor: its stored values, its status and history, and how much work it draws. */
export interface PlannedContractor {
  readonly index: number;
  /** Its id, given once every contractor is planned (ids grow with creation time, as in the app). */
  id: string;
  readonly values: ContractorValues;
  readonly status: ContractorStatus;
  /** Relative share of the work among the contractors of a wilaya (Zipf on a national rank). */
  readonly weight: number;
  /** The wilaya of its registered office, where it started. */
  readonly homeWilaya: string;
  readonly createdAt: Date;
  /** When it was approved (null while PENDING_APPROVAL): it gets work from then on. */
  readonly approvedAt: Date | null;
  /** Until when its work moves: now while ACTIVE, its suspension for a SUSPENDED or TERMINATED firm. */
  readonly workUntil: Date;
  readonly statusChangedAt: Date;
  readonly statusReason: string | null;
  readonly events: readonly PlannedEvent[];
  /** Whether it is paid on an Algérie Poste CCP account (bank code 007) rather than a bank. */
  readonly paidByCcp: boolean;
}

/**
 * A national Zipf–Mandelbrot law on the firms' ranks (offset: one per 480 firms): of 4,800 firms,
 * the top 5 % hold about 60 % of the work and the largest about 2 %.
 */
const contractorExponent = 1.1;
const firmsPerOffset = 480;

const auditedFields = Object.keys(contractorSchema.shape) as (keyof ContractorValues)[];

const bigFirmForms = choices({ SARL: 45, EURL: 28, SPA: 14, SNC: 8, OTHER: 5 });
const smallFirmForms = choices({ AUTO_ENTREPRENEUR: 40, PERSONNE_PHYSIQUE: 15, EURL: 22, SARL: 18, SNC: 3, OTHER: 2 });
const bankCodes = ['001', '002', '003', '004', '005', '010'];

/** How many firms are in each status other than ACTIVE, as fractions of all. */
const statusShares: [ContractorStatus, number][] = [
  [ContractorStatus.PENDING_APPROVAL, 0.03],
  [ContractorStatus.SUSPENDED, 0.03],
  [ContractorStatus.TERMINATED, 0.015],
];

function statuses(count: number, random: Random): ContractorStatus[] {
  const result: ContractorStatus[] = Array.from({ length: count }, () => ContractorStatus.ACTIVE);
  // The biggest firms (the first 5 % by rank) are all active; each other status has at least one firm when there are ten.
  const candidates = random.shuffled(
    Array.from({ length: count }, (_, index) => index).filter((index) => index >= Math.max(1, Math.ceil(count * 0.05))),
  );
  let next = 0;
  for (const [status, share] of statusShares) {
    const wanted = count >= 10 ? Math.max(1, Math.round(count * share)) : 0;
    for (let i = 0; i < wanted && next < candidates.length; i += 1) result[candidates[next++]!] = status;
  }
  return result;
}

function fiscalRegimeOf(form: LegalForm, random: Random): FiscalRegime {
  if (form === LegalForm.AUTO_ENTREPRENEUR) return FiscalRegime.AUTO_ENTREPRENEUR;
  if (form === LegalForm.PERSONNE_PHYSIQUE) return FiscalRegime.IFU;
  if (form === LegalForm.EURL && random.chance(0.2)) return FiscalRegime.IFU;
  return FiscalRegime.REAL;
}

function personName(random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}

function mobile(random: Random): string {
  return `0${random.pick(['55', '66', '69', '77', '78', '79'])}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

function operatingWilayas(world: World, home: WorldWilaya, rankShare: number, random: Random): string[] {
  const extra = rankShare < 0.01 ? random.int(3, 7) : rankShare < 0.1 ? random.int(1, 2) : random.chance(0.25) ? 1 : 0;
  const codes = new Set([home.code]);
  for (let attempt = 0; codes.size < 1 + extra && attempt < 50; attempt += 1)
    codes.add(world.wilayas[random.weighted(world.wilayaWeights)]!.code);
  return [...codes];
}

/**
 * Plans `count` contractors: home wilayas drawn as the work is (Alger, Oran… first), a national rank
 * whose Zipf weight decides their share of the work, legal forms by size (the big ones are
 * companies, auto-entrepreneurs are small), valid identifiers (NIF, RIB key), and statuses: most
 * ACTIVE, a few PENDING_APPROVAL, SUSPENDED and TERMINATED. Every wilaya gets at least one ACTIVE
 * contractor operating there. Each contractor's values go through the app's own `contractorSchema`.
 */
export function planContractors(world: World, count: number, seed: number): PlannedContractor[] {
  const random = Random.of(seed ^ 0xc0);
  const weights = zipfWeights(count, contractorExponent, count / firmsPerOffset);
  const status = statuses(count, random);
  const homes = Array.from({ length: count }, () => world.wilayas[random.weighted(world.wilayaWeights)]!);
  const operating = homes.map((home, index) => operatingWilayas(world, home, index / count, random));
  for (const wilaya of world.wilayas) {
    if (operating.some((codes, index) => status[index] === ContractorStatus.ACTIVE && codes.includes(wilaya.code)))
      continue;
    const active = operating.map((_, index) => index).filter((index) => status[index] === ContractorStatus.ACTIVE);
    if (active.length > 0)
      operating[random.pick(active.slice(0, Math.max(1, Math.ceil(active.length / 10))))]!.push(wilaya.code);
  }

  return homes.map((home, index) => {
    const big = index < count * 0.2;
    const legalForm = random.choose(big ? bigFirmForms : smallFirmForms) as LegalForm;
    const fiscalRegime = fiscalRegimeOf(legalForm, random);
    const person = legalForm === LegalForm.AUTO_ENTREPRENEUR || legalForm === LegalForm.PERSONNE_PHYSIQUE;
    const manager = personName(random);
    const stem = random.pick(firmStems);
    const legalName = person
      ? manager
      : `${legalForm === LegalForm.OTHER ? 'Coopérative' : legalForm} ${stem} ${random.pick(firmTrades)}${random.chance(0.4) ? ` ${home.name}` : ''}`;
    const commune = home.communes[random.weighted(home.communeWeights)]!;
    const paidByCcp = !big && random.chance(0.45);
    const bank = paidByCcp ? '007' : random.pick(bankCodes);
    const branch = String(random.int(0, 99_999)).padStart(5, '0');
    const account = String(random.int(0, 999_999_999) * 10 + random.int(0, 9)).padStart(10, '0');
    const serial = String(index + 1).padStart(7, '0');
    const values = contractorSchema.parse({
      legalName,
      tradeName: !person && random.chance(0.3) ? `${stem} ${random.pick(firmTrades)}` : null,
      legalForm,
      fiscalRegime,
      nif: `00${home.code}${String(index + 1).padStart(11, '0')}`,
      nis: `0991${home.code}${String(index + 1).padStart(9, '0')}`,
      rcNumber:
        legalForm === LegalForm.AUTO_ENTREPRENEUR
          ? null
          : `${home.code}/00-${serial}B${String(random.int(5, 25)).padStart(2, '0')}`,
      autoEntrepreneurCardNumber: legalForm === LegalForm.AUTO_ENTREPRENEUR ? `AE-${home.code}-${serial}` : null,
      taxArticle: `${home.code}${String(random.int(0, 99)).padStart(2, '0')}${serial}`,
      address: random.chance(0.6)
        ? `${random.int(1, 180)} rue ${random.pick(streets)}`
        : `Cité ${random.pick([100, 150, 200, 300, 500, 600, 1000])} logements, Bt ${random.int(1, 40)}, n° ${random.int(1, 20)}`,
      communeId: String(commune.id),
      contacts: [
        {
          name: manager,
          role: 'gérant',
          phone: mobile(random),
          email: random.chance(0.5)
            ? `contact${index + 1}@${person ? 'gmail.com' : `${stem.toLowerCase().replace(/[^a-z]/g, '')}-fibre.dz`}`
            : null,
        },
        ...(big ? [{ name: personName(random), role: 'chef d’équipe', phone: mobile(random), email: null }] : []),
      ],
      bankAccount: `${bank}${branch}${account}${ribKey(branch, account)}`,
      operatingWilayaCodes: operating[index]!,
      teamCapacity: big ? random.int(index < count * 0.01 ? 20 : 6, index < count * 0.01 ? 60 : 20) : random.int(1, 5),
    });
    return {
      index,
      id: '',
      values,
      paidByCcp,
      weight: weights[index]!,
      homeWilaya: home.code,
      ...history(world, status[index]!, values, random),
    };
  });
}

/** The contractor's statuses over time, and the audit events that recorded them. */
function history(world: World, status: ContractorStatus, values: ContractorValues, random: Random) {
  const { now, start } = world;
  const create = (at: Date): PlannedEvent => ({
    at,
    action: AuditAction.CREATE,
    fromStatus: null,
    toStatus: ContractorStatus.PENDING_APPROVAL,
    reason: null,
    changes: changedFields({}, values, auditedFields),
  });
  if (status === ContractorStatus.PENDING_APPROVAL) {
    const createdAt = plus(now, -random.between(1, 45) * dayMs);
    return {
      status,
      createdAt,
      approvedAt: null,
      workUntil: createdAt,
      statusChangedAt: createdAt,
      statusReason: null,
      events: [create(createdAt)],
    };
  }
  const createdAt = plus(start, -random.between(10, 120) * dayMs);
  const approvedAt = plus(createdAt, random.between(2, 25) * dayMs);
  const approve = random.pick(contractorReasons.APPROVE);
  const events = [
    create(createdAt),
    transitionEvent(approvedAt, ContractorStatus.PENDING_APPROVAL, ContractorStatus.ACTIVE, approve),
  ];
  if (status === ContractorStatus.ACTIVE)
    return {
      status,
      createdAt,
      approvedAt,
      workUntil: now,
      statusChangedAt: approvedAt,
      statusReason: approve,
      events,
    };

  const span = now.getTime() - later(approvedAt, start).getTime();
  const earliest = later(approvedAt, start).getTime() + span * (status === ContractorStatus.TERMINATED ? 0.35 : 0.6);
  const latest = now.getTime() - (status === ContractorStatus.TERMINATED ? span * 0.2 : 2 * dayMs);
  const suspendedAt = new Date(random.between(earliest, Math.max(earliest, latest)));
  const suspend = random.pick(contractorReasons.SUSPEND);
  events.push(transitionEvent(suspendedAt, ContractorStatus.ACTIVE, ContractorStatus.SUSPENDED, suspend));
  if (status === ContractorStatus.SUSPENDED)
    return {
      status,
      createdAt,
      approvedAt,
      workUntil: suspendedAt,
      statusChangedAt: suspendedAt,
      statusReason: suspend,
      events,
    };
  const terminatedAt = new Date(
    random.between(suspendedAt.getTime() + hourMs, Math.max(suspendedAt.getTime() + hourMs, now.getTime() - hourMs)),
  );
  const terminate = random.pick(contractorReasons.TERMINATE);
  events.push(transitionEvent(terminatedAt, ContractorStatus.SUSPENDED, ContractorStatus.TERMINATED, terminate));
  return {
    status,
    createdAt,
    approvedAt,
    workUntil: suspendedAt,
    statusChangedAt: terminatedAt,
    statusReason: terminate,
    events,
  };
}

/** Contractors who may hold a site of each kind, per wilaya, with their weights. */
export interface ContractorPools {
  /** ACTIVE and SUSPENDED ones (a site still open). */
  readonly open: ReadonlyMap<string, { contractors: PlannedContractor[]; weights: ReturnType<typeof cumulative> }>;
  /** Also TERMINATED ones (a site completed or closed before they left). */
  readonly finished: ReadonlyMap<string, { contractors: PlannedContractor[]; weights: ReturnType<typeof cumulative> }>;
}

/** Groups the approved contractors by the wilayas they operate in. */
export function contractorPools(contractors: readonly PlannedContractor[]): ContractorPools {
  const pool = (accept: (contractor: PlannedContractor) => boolean) => {
    const byWilaya = new Map<string, PlannedContractor[]>();
    for (const contractor of contractors.filter(accept)) {
      for (const code of contractor.values.operatingWilayaCodes)
        byWilaya.set(code, [...(byWilaya.get(code) ?? []), contractor]);
    }
    return new Map(
      [...byWilaya].map(([code, list]) => [
        code,
        { contractors: list, weights: cumulative(list.map((contractor) => contractor.weight)) },
      ]),
    );
  };
  return {
    open: pool(
      (contractor) => contractor.status === ContractorStatus.ACTIVE || contractor.status === ContractorStatus.SUSPENDED,
    ),
    finished: pool((contractor) => contractor.status !== ContractorStatus.PENDING_APPROVAL),
  };
}
