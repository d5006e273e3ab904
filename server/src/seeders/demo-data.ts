import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { createContext, type Context } from '../context.js';
import '../modules/loaders.js';
import { transition } from '../modules/audit/tracked.service.js';
import { AuditEntityType } from '../modules/audit/audit-event.entity.js';
import { Contractor, ContractorStatus, FiscalRegime, LegalForm } from '../modules/contractor/contractor.entity.js';
import { createContractor, transitionContractor } from '../modules/contractor/contractor.service.js';
import { ribKey } from '../../../shared/identifiers.js';
import {
  CustomerSubscription,
  CustomerSubscriptionStatus,
  FailureReason,
} from '../modules/customer-subscription/customer-subscription.entity.js';
import { importCustomerSubscriptions } from '../modules/customer-subscription/customer-subscription.import.js';
import { customerSubscriptionLifecycle } from '../modules/customer-subscription/customer-subscription.lifecycle.js';
import { reportInstallation } from '../modules/customer-subscription/installation-report.service.js';
import { acceptInstallation, rejectInstallation } from '../modules/invoice/acceptance.service.js';
import { approveInvoice, requestInvoiceRevision, submitInvoice } from '../modules/invoice/invoice-issue.service.js';
import { Invoice, InvoiceLine, InvoiceStatus } from '../modules/invoice/invoice.entity.js';
import { dzd } from '../modules/invoice/money.js';
import { PaymentMethod } from '../modules/invoice/payment.entity.js';
import { recordInvoicePayment } from '../modules/invoice/payment.service.js';
import { Commune } from '../modules/reference-data/commune.entity.js';
import { SiteKind } from '../modules/site/site.entity.js';
import { assignSite, createSite, transitionSite } from '../modules/site/site.service.js';
import { seededRandom } from '../common/random.js';
import { algiersDate } from '../common/time.js';

interface DemoFirm {
  legalName: string;
  legalForm: LegalForm;
  wilayas: string[];
  status: ContractorStatus;
}

/** Firms of every legal form, in the wilayas with the most work. */
const firms: DemoFirm[] = [
  { legalName: 'SARL Nour Fibre', legalForm: LegalForm.SARL, wilayas: ['16', '09'], status: ContractorStatus.ACTIVE },
  { legalName: 'EURL Atlas Réseaux', legalForm: LegalForm.EURL, wilayas: ['16'], status: ContractorStatus.ACTIVE },
  {
    legalName: 'SPA Sahel Travaux Télécom',
    legalForm: LegalForm.SPA,
    wilayas: ['31', '16', '25'],
    status: ContractorStatus.ACTIVE,
  },
  { legalName: 'SNC Frères Benali', legalForm: LegalForm.SNC, wilayas: ['31'], status: ContractorStatus.ACTIVE },
  {
    legalName: 'Karim Haddad',
    legalForm: LegalForm.AUTO_ENTREPRENEUR,
    wilayas: ['25'],
    status: ContractorStatus.ACTIVE,
  },
  {
    legalName: 'Yacine Meziane',
    legalForm: LegalForm.PERSONNE_PHYSIQUE,
    wilayas: ['19'],
    status: ContractorStatus.ACTIVE,
  },
  {
    legalName: 'Coopérative Tassili Fibre',
    legalForm: LegalForm.OTHER,
    wilayas: ['19', '06'],
    status: ContractorStatus.ACTIVE,
  },
  {
    legalName: 'EURL Djurdjura Connect',
    legalForm: LegalForm.EURL,
    wilayas: ['06', '15'],
    status: ContractorStatus.ACTIVE,
  },
  {
    legalName: 'Amel Bouzid',
    legalForm: LegalForm.AUTO_ENTREPRENEUR,
    wilayas: ['16'],
    status: ContractorStatus.PENDING_APPROVAL,
  },
  {
    legalName: 'SARL Hoggar Fibre Optique',
    legalForm: LegalForm.SARL,
    wilayas: ['31'],
    status: ContractorStatus.SUSPENDED,
  },
];

const firstNames = [
  'Yasmine',
  'Karim',
  'Nassima',
  'Sofiane',
  'Lamia',
  'Mourad',
  'Amina',
  'Walid',
  'Samira',
  'Rachid',
  'Lina',
  'Hocine',
];
const lastNames = [
  'Haddad',
  'Benali',
  'Zerrouki',
  'Mebarki',
  'Saidi',
  'Bouzid',
  'Khelifi',
  'Ait Ahmed',
  'Boudiaf',
  'Cherif',
  'Mansouri',
  'Taleb',
];
const offers = ['IDOOM FIBRE 100 Mbps', 'IDOOM FIBRE 300 Mbps', 'IDOOM FIBRE 500 Mbps', 'IDOOM FIBRE 1 Gbps'];

/** How the demo's customer subscriptions are spread over the lifecycle (out of 300). */
const spread: [CustomerSubscriptionStatus, number][] = [
  [CustomerSubscriptionStatus.PENDING, 50],
  [CustomerSubscriptionStatus.ASSIGNED, 50],
  [CustomerSubscriptionStatus.SCHEDULED, 50],
  [CustomerSubscriptionStatus.INSTALLED, 30],
  [CustomerSubscriptionStatus.ACCEPTED, 80],
  [CustomerSubscriptionStatus.REJECTED, 15],
  [CustomerSubscriptionStatus.FAILED, 15],
  [CustomerSubscriptionStatus.CANCELLED, 10],
];

/** The steps taken through the report and acceptance services rather than as bare transitions. */
const acceptanceSteps: readonly string[] = ['REPORT_INSTALLATION', 'ACCEPT', 'REJECT'];
const technicians = ['Karim Haddad', 'Sofiane Belkacem', 'Amine Rahmani', 'Walid Cherif'];

/** The lifecycle steps from PENDING to each status. */
const path: Record<
  CustomerSubscriptionStatus,
  ('ASSIGN' | 'SCHEDULE' | 'REPORT_INSTALLATION' | 'ACCEPT' | 'REJECT' | 'FAIL' | 'CANCEL')[]
> = {
  PENDING: [],
  ASSIGNED: ['ASSIGN'],
  SCHEDULED: ['ASSIGN', 'SCHEDULE'],
  INSTALLED: ['ASSIGN', 'SCHEDULE', 'REPORT_INSTALLATION'],
  ACCEPTED: ['ASSIGN', 'SCHEDULE', 'REPORT_INSTALLATION', 'ACCEPT'],
  REJECTED: ['ASSIGN', 'SCHEDULE', 'REPORT_INSTALLATION', 'REJECT'],
  FAILED: ['ASSIGN', 'SCHEDULE', 'FAIL'],
  CANCELLED: ['CANCEL'],
};

async function seedContractors(context: Context, next: () => number): Promise<Contractor[]> {
  const created: Contractor[] = [];
  for (const [index, firm] of firms.entries()) {
    const account = String(4_200_000 + index * 7919).padStart(10, '0');
    const isAutoEntrepreneur = firm.legalForm === LegalForm.AUTO_ENTREPRENEUR;
    const fiscalRegime = isAutoEntrepreneur
      ? FiscalRegime.AUTO_ENTREPRENEUR
      : firm.legalForm === LegalForm.PERSONNE_PHYSIQUE
        ? FiscalRegime.IFU
        : FiscalRegime.REAL;
    const home = await context.em.findOneOrFail(Commune, { wilaya: firm.wilayas[0] }, { orderBy: { id: 'asc' } });
    const contractor = await createContractor(context, {
      legalName: firm.legalName,
      tradeName: null,
      legalForm: firm.legalForm,
      fiscalRegime,
      nif: `0001${firm.wilayas[0]}${String(1_000_000_00 + index).padStart(9, '0')}`,
      nis: `0991${firm.wilayas[0]}${String(index).padStart(9, '0')}`,
      rcNumber: isAutoEntrepreneur ? null : `${firm.wilayas[0]}/00-${String(1_234_500 + index)}B2${index % 10}`,
      autoEntrepreneurCardNumber: isAutoEntrepreneur ? `AE-${firm.wilayas[0]}-${String(100_000 + index)}` : null,
      taxArticle: `${firm.wilayas[0]}${String(10_000_000 + index * 37).padStart(9, '0')}`,
      address: `${1 + Math.floor(next() * 120)} rue des Martyrs`,
      communeId: String(home.id),
      contacts: [
        {
          name: `${firstNames[index % firstNames.length]} ${lastNames[index % lastNames.length]}`,
          role: 'gérant',
          phone: `0661${String(100_000 + index * 1234).slice(0, 6)}`,
          email: null,
        },
      ],
      bankAccount: `00799999${account}${ribKey('99999', account)}`,
      operatingWilayaCodes: firm.wilayas,
      teamCapacity: 1 + Math.floor(next() * 6),
    });
    let current = contractor;
    if (firm.status !== ContractorStatus.PENDING_APPROVAL) {
      current = await transitionContractor(
        context,
        'APPROVE',
        current.id,
        current.version,
        'dossier administratif complet',
      );
    }
    if (firm.status === ContractorStatus.SUSPENDED) {
      current = await transitionContractor(
        context,
        'SUSPEND',
        current.id,
        current.version,
        'retards répétés sur les rendez-vous',
      );
    }
    created.push(current);
  }
  return created;
}

/**
 * Takes the demo's DRAFT invoices through their lifecycle, one stage each in turn, through the
 * services: submitted, approved, half paid, paid, sent back for revision. Work accepted afterwards
 * opens new DRAFTs.
 */
async function advanceDemoInvoices(context: Context): Promise<void> {
  const drafts = await context.em.fork().find(Invoice, { status: InvoiceStatus.DRAFT }, { orderBy: { id: 'asc' } });
  const today = algiersDate();
  for (const [index, draft] of drafts.entries()) {
    const stage = index % 5;
    let invoice = await submitInvoice(context, { id: draft.id, expectedVersion: draft.version });
    if (stage === 4) {
      const [line] = await context.em
        .fork()
        .find(InvoiceLine, { invoice: invoice.id }, { orderBy: { id: 'asc' }, limit: 1 });
      await requestInvoiceRevision(context, {
        id: invoice.id,
        expectedVersion: invoice.version,
        rejectedLines: [{ lineId: line!.id, reason: 'photo de la PTO illisible' }],
      });
      continue;
    }
    if (stage === 0) continue;
    invoice = await approveInvoice(context, { id: invoice.id, expectedVersion: invoice.version });
    if (stage === 1) continue;
    const net = BigInt(invoice.netPayableCentimes);
    await recordInvoicePayment(context, {
      invoiceId: invoice.id,
      expectedVersion: invoice.version,
      paidOn: today,
      amount: dzd(stage === 2 ? net / 2n : net).amount,
      method: PaymentMethod.BANK_TRANSFER,
      reference: `VIR-DEMO-${invoice.id}`,
    });
  }
}

/**
 * Loads a realistic demo on an empty database (no contractor and no customer subscription yet):
 * ten contractors of every legal form in seven wilayas, sites on real communes in every status, and
 * 300 customer subscriptions spread over every state of the lifecycle, each change audited. Does
 * nothing on a database that holds work already. Returns whether it loaded anything.
 */
export async function loadDemoData(orm: MikroORM, logger: Logger): Promise<boolean> {
  const context = createContext(orm, 'demo-data', logger);
  if ((await context.em.count(Contractor)) > 0 || (await context.em.count(CustomerSubscription)) > 0) return false;
  const next = seededRandom(2027);
  const contractors = await seedContractors(context, next);
  const active = contractors.filter((contractor) => contractor.status === ContractorStatus.ACTIVE);

  const wilayas = [...new Set(firms.flatMap((firm) => firm.wilayas))];
  const sitesByWilaya = new Map<string, { code: string; contractorId: string | null }[]>();
  const firstCommune = new Map<string, Commune>();
  const kinds = Object.values(SiteKind);
  let siteNumber = 0;
  for (const wilaya of wilayas) {
    const communes = await context.em.find(Commune, { wilaya }, { orderBy: { id: 'asc' }, limit: 4 });
    firstCommune.set(wilaya, communes[0]!);
    const eligible = active.filter((contractor) =>
      firms.find((firm) => firm.legalName === contractor.legalName)!.wilayas.includes(wilaya),
    );
    for (const [index, commune] of communes.slice(0, 3).entries()) {
      siteNumber += 1;
      const code = `W${wilaya}-${commune.name
        .replace(/[^A-Za-z]/g, '')
        .slice(0, 6)
        .toUpperCase()}-${String(siteNumber).padStart(3, '0')}`;
      let site = await createSite(context, {
        code,
        name: `${commune.name} — tranche ${index + 1}`,
        kind: kinds[siteNumber % kinds.length]!,
        communeId: String(commune.id),
        targetConnections: 20 + Math.floor(next() * 60),
        plannedStart: '2026-10-01',
        plannedEnd: '2027-03-31',
      });
      const contractor = eligible[index % Math.max(eligible.length, 1)];
      if (contractor && index < 2) {
        site = await assignSite(context, site.id, site.version, contractor.id, 'plan de charge du trimestre');
        site = await transitionSite(context, 'START', site.id, site.version, 'ouverture du chantier');
        if (siteNumber % 5 === 0)
          site = await transitionSite(context, 'SUSPEND', site.id, site.version, 'attente de l’autorisation de voirie');
      }
      sitesByWilaya.set(wilaya, [
        ...(sitesByWilaya.get(wilaya) ?? []),
        { code: site.code, contractorId: site.contractor?.id ?? null },
      ]);
    }
  }

  const total = spread.reduce((sum, [, count]) => sum + count, 0);
  const lines = ['order_reference,customer_name,customer_phone,customer_address,commune_id,offer,site_code,ordered_at'];
  const plan: { reference: string; status: CustomerSubscriptionStatus; contractorId: string | null }[] = [];
  let number = 0;
  for (const [status, count] of spread) {
    for (let i = 0; i < count; i += 1) {
      number += 1;
      const wilaya = wilayas[Math.floor(next() * wilayas.length)]!;
      const site =
        (sitesByWilaya.get(wilaya) ?? []).find((candidate) => candidate.contractorId) ?? sitesByWilaya.get(wilaya)![0]!;
      const commune = firstCommune.get(wilaya)!;
      const reference = `CMD-${wilaya}-2026-${String(number).padStart(6, '0')}`;
      const orderedAt = new Date(
        Date.UTC(2026, 8, 1) + Math.floor(next() * 80) * 86_400_000 + Math.floor(next() * 36_000_000),
      );
      lines.push(
        [
          reference,
          `${firstNames[Math.floor(next() * firstNames.length)]} ${lastNames[Math.floor(next() * lastNames.length)]}`,
          `0550${String(Math.floor(next() * 1_000_000)).padStart(6, '0')}`,
          `"Bt ${1 + Math.floor(next() * 30)}, ${commune.name}"`,
          String(commune.id),
          offers[Math.floor(next() * offers.length)],
          site.code,
          orderedAt.toISOString(),
        ].join(','),
      );
      plan.push({
        reference,
        status,
        contractorId:
          site.contractorId ??
          active.find((c) => firms.find((f) => f.legalName === c.legalName)!.wilayas.includes(wilaya))?.id ??
          null,
      });
    }
  }
  const report = await importCustomerSubscriptions(context, `${lines.join('\n')}\n`);
  if (report.errors.length > 0) throw new Error(`demo data refused: ${JSON.stringify(report.errors.slice(0, 3))}`);

  await context.em.transactional(async (em) => {
    const subscriptions = await em.find(CustomerSubscription, {
      orderReference: { $in: plan.map((item) => item.reference) },
    });
    const byReference = new Map(subscriptions.map((subscription) => [subscription.orderReference, subscription]));
    for (const item of plan) {
      const subscription = byReference.get(item.reference)!;
      if (!item.contractorId && path[item.status].includes('ASSIGN')) continue;
      for (const action of path[item.status].filter((step) => !acceptanceSteps.includes(step))) {
        const changes: { field: string; from: unknown; to: unknown }[] = [];
        if (action === 'ASSIGN') {
          subscription.contractor = em.getReference(Contractor, item.contractorId!, { wrapped: true });
          changes.push({ field: 'contractorId', from: null, to: item.contractorId });
        }
        if (action === 'SCHEDULE') {
          subscription.appointmentAt = new Date(subscription.orderedAt.getTime() + 7 * 86_400_000);
          changes.push({ field: 'appointmentAt', from: null, to: subscription.appointmentAt.toISOString() });
        }
        if (action === 'FAIL') {
          subscription.failureReason = FailureReason.CUSTOMER_ABSENT;
          changes.push({ field: 'failureReason', from: null, to: FailureReason.CUSTOMER_ABSENT });
        }
        const reason =
          action === 'FAIL'
            ? 'client absent à deux rendez-vous'
            : action === 'CANCEL'
              ? 'annulation à la demande du client'
              : null;
        transition(
          em,
          { ...context, em },
          subscription,
          AuditEntityType.CUSTOMER_SUBSCRIPTION,
          customerSubscriptionLifecycle,
          action,
          reason,
          { changes },
        );
        // One flush a step: the version grows with each audited change, as through the API.
        await em.flush();
      }
    }
  });
  // Reports, acceptances and rejections go through the services themselves: each installation holds
  // its report, and each accepted one is billed on its contractor's invoice, as through the API.
  // Halfway through, the invoices so far move on through their lifecycle; later acceptances open new DRAFTs.
  const billed = plan.filter(
    (item) => item.contractorId && path[item.status].some((step) => acceptanceSteps.includes(step)),
  );
  for (const [index, item] of billed.entries()) {
    if (index === Math.floor(billed.length / 2)) await advanceDemoInvoices(context);
    const steps = path[item.status].filter((step) => acceptanceSteps.includes(step));
    let subscription = await context.em.fork().findOneOrFail(CustomerSubscription, { orderReference: item.reference });
    const installedAt = new Date(Math.min(subscription.appointmentAt!.getTime() + 2 * 3_600_000, Date.now()));
    subscription = await reportInstallation(context, {
      id: subscription.id,
      expectedVersion: subscription.version,
      installedAt,
      technicianName: technicians[Math.floor(next() * technicians.length)],
      networkClass: 'B_PLUS',
      receivedPowerDbm: `-${18 + Math.floor(next() * 6)}.${Math.floor(next() * 10)}`,
      spliceLossDb: '0.05',
      lines: [{ code: 'RAC-STD', quantity: '1' }],
    });
    if (steps.includes('ACCEPT'))
      await acceptInstallation(context, { id: subscription.id, expectedVersion: subscription.version });
    if (steps.includes('REJECT'))
      await rejectInstallation(context, {
        id: subscription.id,
        expectedVersion: subscription.version,
        reserves: ['câble non fixé', 'PTO mal posée'],
      });
  }
  logger.info({ contractors: contractors.length, sites: siteNumber, customerSubscriptions: total }, 'demo data loaded');
  return true;
}
