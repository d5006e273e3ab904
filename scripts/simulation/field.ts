import { Decimal } from 'decimal.js';
import { seededRandom } from '../../server/src/common/random.js';

/** Seeded dice: the same seed gives the same sequence of draws. */
export class Dice {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** True with probability `p` (0 to 1). */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A number from `min` (included) to `max` (excluded). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** A whole number from `min` to `max`, both included. */
  whole(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One of `items` (not empty), each as likely. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of `items`, each as likely as its weight (> 0). */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let draw = this.next() * total;
    for (const item of items) {
      draw -= weight(item);
      if (draw < 0) return item;
    }
    return items[items.length - 1]!;
  }

  /** A decimal string from `min` to `max` with `places` decimals, e.g. "-21.4". */
  decimal(min: number, max: number, places: number): string {
    return new Decimal(this.between(min, max)).toFixed(places, Decimal.ROUND_DOWN);
  }
}

const firstNames = [
  'Yasmine',
  'Mohamed',
  'Amina',
  'Karim',
  'Nadia',
  'Sofiane',
  'Lina',
  'Walid',
  'Meriem',
  'Rachid',
  'Imane',
  'Bilal',
  'Sara',
  'Hichem',
  'Ines',
  'Mourad',
  'Feriel',
  'Adel',
];
const lastNames = [
  'Benali',
  'Haddad',
  'Boudiaf',
  'Mansouri',
  'Belkacem',
  'Cherif',
  'Hamidi',
  'Saadi',
  'Bouzid',
  'Kaci',
  'Meziane',
  'Rahmani',
  'Ziani',
  'Benaissa',
  'Larbi',
  'Touati',
];
const streets = [
  'rue Larbi Ben M’hidi',
  'rue Didouche Mourad',
  'boulevard de l’ALN',
  'rue Hassiba Ben Bouali',
  'avenue de l’Indépendance',
  'rue des Frères Bouadou',
];
const offers = ['IDOOM FIBRE 100 Mbps', 'IDOOM FIBRE 300 Mbps', 'IDOOM FIBRE 500 Mbps', 'IDOOM FIBRE 1 Gbps'];

/** What a customer's order says, on a site of commune `communeId`. */
export function customerOrder(
  dice: Dice,
  orderReference: string,
  communeId: string,
  siteId: string,
): Record<string, string> {
  const home = dice.chance(0.6)
    ? `Bt ${dice.whole(1, 40)}, cité ${dice.pick([150, 300, 500, 1000])} logements`
    : `${dice.whole(1, 120)} ${dice.pick(streets)}`;
  return {
    orderReference,
    customerName: `${dice.pick(firstNames)} ${dice.pick(lastNames)}`,
    customerPhone: `0${dice.pick(['550', '661', '771', '698'])} ${String(dice.whole(0, 999_999)).padStart(6, '0')}`,
    customerAddress: home,
    communeId,
    offer: dice.pick(offers),
    siteId,
  };
}

/** The technicians who sign installation reports. */
export function technician(dice: Dice): string {
  return `${dice.pick(firstNames)} ${dice.pick(lastNames)}`;
}

/** Optical measurements of one installation, as strings the API takes. */
export interface Measurements {
  readonly networkClass: 'B_PLUS' | 'C_PLUS';
  readonly receivedPowerDbm: string;
  readonly spliceLossDb: string;
}

/**
 * Measurements at the ONT (1490 nm) and the splice, mostly within the default thresholds (class B+
 * −27 to −8 dBm, C+ −30 to −8 dBm, splice ≤ 0.1 dB; docs/domain.md, "Quality of an installation");
 * with probability `outsideShare` outside them: too little light (e.g. −29 dBm on B+) or a poor
 * splice. The server's quality gate is the judge.
 */
export function measurements(dice: Dice, outsideShare: number): Measurements {
  const networkClass = dice.chance(0.85) ? 'B_PLUS' : 'C_PLUS';
  const floor = networkClass === 'B_PLUS' ? -27 : -30;
  if (!dice.chance(outsideShare)) {
    return {
      networkClass,
      receivedPowerDbm: dice.decimal(floor + 1.5, -14, 1),
      spliceLossDb: dice.decimal(0.02, 0.09, 2),
    };
  }
  if (dice.chance(0.7))
    return {
      networkClass,
      receivedPowerDbm: dice.decimal(floor - 4, floor - 0.5, 1),
      spliceLossDb: dice.decimal(0.02, 0.09, 2),
    };
  return {
    networkClass,
    receivedPowerDbm: dice.decimal(floor + 1.5, -14, 1),
    spliceLossDb: dice.decimal(0.12, 0.35, 2),
  };
}

/**
 * The items of the starting price schedule (docs/domain.md, "The starting price schedule") the simulated
 * crews report, when in force.
 */
export const reportedItems = [
  'RAC-STD',
  'DRP-AER',
  'DRP-SOU',
  'CAB-INT',
  'PTO',
  'ONT',
  'EPI-PBO',
  'TRV-MUR',
  'MES-PUI',
] as const;

/**
 * The measured work of one connection (attachement), among the item codes `available` in the
 * schedule in force: a standard connection, an aerial or underground drop in metres, the PTO, and
 * now and then indoor cabling, a wall crossing, a splice, the ONT and a power-meter report.
 */
export function workLines(dice: Dice, available: ReadonlySet<string>): { code: string; quantity: string }[] {
  const lines: { code: string; quantity: string }[] = [{ code: 'RAC-STD', quantity: '1' }];
  if (dice.chance(0.7)) lines.push({ code: 'DRP-AER', quantity: dice.decimal(12, 85, 1) });
  else lines.push({ code: 'DRP-SOU', quantity: dice.decimal(8, 60, 1) });
  lines.push({ code: 'PTO', quantity: '1' });
  if (dice.chance(0.8)) lines.push({ code: 'ONT', quantity: '1' });
  if (dice.chance(0.4)) lines.push({ code: 'CAB-INT', quantity: dice.decimal(3, 25, 1) });
  if (dice.chance(0.6)) lines.push({ code: 'EPI-PBO', quantity: '1' });
  if (dice.chance(0.3)) lines.push({ code: 'TRV-MUR', quantity: '1' });
  if (dice.chance(0.5)) lines.push({ code: 'MES-PUI', quantity: '1' });
  return lines.filter((line) => available.has(line.code));
}

/** Photos of the work, time- and GPS-stamped near the site (when it has coordinates). */
export function photos(
  dice: Dice,
  site: { latitude: number | null; longitude: number | null },
): { takenAt: string; latitude: number; longitude: number }[] {
  if (site.latitude === null || site.longitude === null) return [];
  return Array.from({ length: dice.whole(1, 3) }, () => ({
    takenAt: new Date(Date.now() - dice.whole(60, 900) * 1000).toISOString(),
    latitude: Number((site.latitude! + dice.between(-0.002, 0.002)).toFixed(6)),
    longitude: Number((site.longitude! + dice.between(-0.002, 0.002)).toFixed(6)),
  }));
}

/** Reserves a DOT writes when the measurements are outside the thresholds. */
export const qualityReserves = [
  'Puissance reçue hors seuil : nettoyer les connecteurs et refaire la mesure',
  'Affaiblissement d’épissure trop élevé : refaire la soudure au PBO',
  'Rapport de mesure illisible : joindre le relevé du photomètre',
];

/** Reserves on the workmanship, whatever the measurements. */
export const workmanshipReserves = [
  'Câble de branchement non fixé en façade',
  'PTO mal fixée au mur',
  'Photos du PBO manquantes',
  'Lovage du câble non conforme au PBO',
];

/** Why a DOT accepts a report outside the thresholds anyway (the override the audit trail keeps). */
export const overrideReasons = [
  'Mesure refaite en présence du contrôleur DOT : conforme, le rapport initial portait une erreur de saisie',
  'Dérogation DOT : liaison provisoire, coupleur remplacé dans le cadre du chantier',
  'Client professionnel prioritaire : mise en service acceptée, reprise programmée sous garantie',
];

/** Why an installation could not be made, with its reason code. */
export const failures: readonly { failureReason: string; reason?: string; weight: number }[] = [
  { failureReason: 'CUSTOMER_ABSENT', reason: 'Client absent au rendez-vous', weight: 50 },
  { failureReason: 'NO_INFRASTRUCTURE', reason: 'PBO saturé : pas de port libre', weight: 20 },
  { failureReason: 'ACCESS_DENIED', reason: 'Accès refusé par le syndic', weight: 15 },
  { failureReason: 'CUSTOMER_REFUSED', reason: 'Le client refuse le passage en façade', weight: 10 },
  { failureReason: 'OTHER', reason: 'Logement en travaux, inaccessible', weight: 5 },
];

/** Why an order is cancelled. */
export const cancellations = ['Annulation à la demande du client', 'Commande en double', 'Client ayant déménagé'];

/** Why finance rejects an invoice line. */
export const lineRejections = [
  'Métrage supérieur au relevé contradictoire',
  'Prestation non constatée sur place',
  'Quantité à justifier par photo',
];
