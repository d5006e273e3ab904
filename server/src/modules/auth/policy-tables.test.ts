import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode } from '../../common/errors.js';
import type { Context } from '../../context.js';
import { CustomerSubscriptionStatus } from '../customer-subscription/customer-subscription.entity.js';
import { UserRole } from '../user/user.entity.js';
import { requireAccessManager } from './access-managers.js';
import { contractorScopes } from './api-key.scopes.js';
import { mayRunOperation, operationRoles, requireOperationAccess } from './permissions.js';
import {
  contractorScope,
  mayReadContractor,
  mayReadSite,
  mayReadTechnician,
  mayReadTechnicians,
  maySeeBankAccount,
  maySeeCustomerData,
  maySeeFieldWork,
  maySeeMoney,
  mayWorkIn,
  siteScope,
  viewerContractorId,
  viewerTechnicianId,
  viewerWilayas,
  workScope,
} from './scope.js';
import { viewerPermissions } from './viewer-permissions.js';

/**
 * The access rules as tables, without the app: who may run each operation (permissions.ts) and what
 * part of the rows each viewer sees (scope.ts). The expected tables are written out here by hand, so
 * that a change of a rule fails a test until the table here is changed with it.
 */

/** Who may run each operation, role by role (docs/domain.md, "Who uses Raccord"): 'PUBLIC', or the roles allowed. */
const expectedRoles: Record<string, string> = {
  'Mutation.login': 'PUBLIC',
  'Query.me': 'PUBLIC',
  'Query.viewerOperations': 'PUBLIC',
  'Query.viewerCan': 'PUBLIC',
  'Query.passwordResetAvailable': 'PUBLIC',
  'Mutation.requestPasswordReset': 'PUBLIC',
  'Mutation.resetPassword': 'PUBLIC',
  'Mutation.logout': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Mutation.setMyLanguage': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Mutation.sendPasswordReset': 'ADMIN CONTRACTOR',
  'Query.search': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Mutation.createUser': 'ADMIN CONTRACTOR',
  'Mutation.disableUser': 'ADMIN CONTRACTOR',
  'Query.users': 'ADMIN CONTRACTOR',
  'Query.apiKeys': 'ADMIN CONTRACTOR',
  'Mutation.createApiKey': 'ADMIN CONTRACTOR',
  'Mutation.revokeApiKey': 'ADMIN CONTRACTOR',
  'Query.webhookEndpoints': 'ADMIN CONTRACTOR',
  'Query.webhookEndpoint': 'ADMIN CONTRACTOR',
  'Mutation.createWebhookEndpoint': 'ADMIN CONTRACTOR',
  'Mutation.updateWebhookEndpoint': 'ADMIN CONTRACTOR',
  'Mutation.deleteWebhookEndpoint': 'ADMIN CONTRACTOR',
  'Mutation.rotateWebhookEndpointSecret': 'ADMIN CONTRACTOR',
  'Mutation.enableWebhookEndpoint': 'ADMIN CONTRACTOR',
  'Mutation.disableWebhookEndpoint': 'ADMIN CONTRACTOR',
  'Mutation.redeliverWebhookDelivery': 'ADMIN CONTRACTOR',
  'Query.wilayas': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.wilaya': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.communes': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.auditTrail': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.contractor': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.contractors': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Mutation.createContractor': 'ADMIN',
  'Mutation.updateContractor': 'ADMIN',
  'Mutation.approveContractor': 'ADMIN',
  'Mutation.suspendContractor': 'ADMIN',
  'Mutation.reactivateContractor': 'ADMIN',
  'Mutation.terminateContractor': 'ADMIN',
  'Mutation.importContractors': 'ADMIN',
  'Query.site': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.sites': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Mutation.createSite': 'ADMIN DOT_MANAGER',
  'Mutation.updateSite': 'ADMIN DOT_MANAGER',
  'Mutation.assignSite': 'ADMIN DOT_MANAGER',
  'Mutation.startSite': 'ADMIN DOT_MANAGER',
  'Mutation.completeSite': 'ADMIN DOT_MANAGER',
  'Mutation.closeSite': 'ADMIN DOT_MANAGER',
  'Mutation.suspendSite': 'ADMIN DOT_MANAGER',
  'Mutation.resumeSite': 'ADMIN DOT_MANAGER',
  'Query.priceSchedules': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR VIEWER',
  'Query.priceScheduleInForce': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR VIEWER',
  'Query.workItems': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.fieldSettings': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Mutation.createPriceScheduleVersion': 'ADMIN',
  'Query.serviceLevelSchedules': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.serviceLevelScheduleInForce': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.publicHolidays': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Mutation.createServiceLevelScheduleVersion': 'ADMIN',
  'Mutation.addPublicHoliday': 'ADMIN',
  'Mutation.removePublicHoliday': 'ADMIN',
  'Query.customerSubscription': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.customerSubscriptions': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Mutation.createCustomerSubscription': 'ADMIN DOT_MANAGER',
  'Mutation.updateCustomerSubscription': 'ADMIN DOT_MANAGER',
  'Mutation.importCustomerSubscriptions': 'ADMIN',
  'Mutation.assignCustomerSubscription': 'ADMIN DOT_MANAGER',
  'Mutation.assignTechnician': 'ADMIN CONTRACTOR',
  'Query.technicians': 'ADMIN CONTRACTOR',
  'Mutation.scheduleInstallation': 'ADMIN DOT_MANAGER CONTRACTOR TECHNICIAN',
  'Mutation.reportInstallation': 'ADMIN CONTRACTOR TECHNICIAN',
  'Mutation.markInstallationFailed': 'ADMIN DOT_MANAGER CONTRACTOR TECHNICIAN',
  'Mutation.cancelCustomerSubscription': 'ADMIN DOT_MANAGER',
  'Mutation.acceptInstallation': 'ADMIN DOT_MANAGER',
  'Mutation.rejectInstallation': 'ADMIN DOT_MANAGER',
  'Query.invoice': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR VIEWER',
  'Query.invoices': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR VIEWER',
  'Mutation.submitInvoice': 'ADMIN CONTRACTOR',
  'Mutation.approveInvoice': 'ADMIN DOT_MANAGER FINANCE',
  'Mutation.requestInvoiceRevision': 'ADMIN DOT_MANAGER FINANCE',
  'Mutation.resubmitInvoice': 'ADMIN CONTRACTOR',
  'Mutation.issueCreditNote': 'ADMIN CONTRACTOR',
  'Mutation.recordInvoicePayment': 'ADMIN FINANCE',
  'Subscription.invoiceChanged': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR VIEWER',
  'Query.invoiceChanges': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR VIEWER',
  'Query.customerSubscriptionChanges': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.siteChanges': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Subscription.customerSubscriptionChanged': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Subscription.siteChanged': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.dashboard': 'ADMIN DOT_MANAGER FINANCE VIEWER',
  'Query.wilayaMap': 'ADMIN DOT_MANAGER FINANCE VIEWER',
  'Subscription.dashboardChanged': 'ADMIN DOT_MANAGER FINANCE VIEWER',
  'Query.scorecard': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.scorecardTrend': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Subscription.scorecardChanged': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.notifications': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.unreadNotificationCount': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Query.notificationPreferences': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Mutation.markNotificationsRead': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Mutation.updateNotificationPreferences': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Subscription.notificationAdded': 'ADMIN DOT_MANAGER FINANCE CONTRACTOR TECHNICIAN VIEWER',
  'Http.uploadPhoto': 'ADMIN CONTRACTOR TECHNICIAN',
  'Http.photo': 'ADMIN DOT_MANAGER CONTRACTOR TECHNICIAN',
};

const roles = Object.values(UserRole);

/**
 * A context whose viewer is a user of `role` (of firm 7 for a firm's roles, of wilayas 16 and 09 for a
 * DOT manager; its firm's admin when `firmAdmin`).
 */
function userContext(role: UserRole, firm: string | null = '7', firmAdmin = false): Context {
  const firmRole = role === UserRole.CONTRACTOR || role === UserRole.TECHNICIAN;
  const user = {
    id: `user-${role.toLowerCase()}`,
    role,
    contractor: firmRole && firm !== null ? { id: firm } : null,
    wilayaCodes: role === UserRole.DOT_MANAGER ? ['16', '09'] : [],
    isContractorAdmin: firmAdmin,
  };
  return { viewer: { kind: 'user', user, sessionId: 'session', expiresAt: new Date(0) } } as unknown as Context;
}

/** A context whose viewer is an API key holding `scopes`, of firm `firm` (null: one of AT's own applications). */
function keyContext(scopes: readonly string[], firm: string | null): Context {
  const apiKey = { id: 'key', scopes: [...scopes], contractor: firm === null ? null : { id: firm } };
  return { viewer: { kind: 'apiKey', apiKey, expiresAt: null } } as unknown as Context;
}

/** The code of the DomainError `run` throws, or null when it throws none. */
function refusal(run: () => void): ErrorCode | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.extensions['code'] as ErrorCode;
  }
}

describe('who may run each operation (operationRoles)', () => {
  it('names exactly the operations of the table written here', () => {
    expect(Object.keys(operationRoles).sort()).toEqual(Object.keys(expectedRoles).sort());
  });

  const decisions = Object.entries(expectedRoles).flatMap(([operation, allowed]) =>
    roles.map((role) => ({ operation, role, allowed: allowed === 'PUBLIC' || allowed.split(' ').includes(role) })),
  );
  it.each(decisions)('$operation for $role: allowed $allowed', ({ operation, role, allowed }) => {
    const context = userContext(role);
    const [root, field] = operation.split('.') as [string, string];
    expect(refusal(() => requireOperationAccess(context, root, field))).toBe(allowed ? null : ErrorCode.FORBIDDEN);
    expect(mayRunOperation(context, operation)).toBe(allowed);
  });

  it('asks an anonymous caller to sign in for every operation but the public ones', () => {
    for (const [operation, allowed] of Object.entries(expectedRoles)) {
      const [root, field] = operation.split('.') as [string, string];
      const expected = allowed === 'PUBLIC' ? null : ErrorCode.UNAUTHENTICATED;
      expect(
        refusal(() => requireOperationAccess({ viewer: null } as Context, root, field)),
        operation,
      ).toBe(expected);
      expect(mayRunOperation({ viewer: null } as Context, operation), operation).toBe(allowed === 'PUBLIC');
    }
  });

  it('refuses an operation that has no rule, to every role', () => {
    for (const role of roles) {
      expect(refusal(() => requireOperationAccess(userContext(role), 'Mutation', 'dropDatabase'))).toBe(
        ErrorCode.FORBIDDEN,
      );
      expect(mayRunOperation(userContext(role), 'Mutation.dropDatabase')).toBe(false);
    }
  });

  it('lets an API key run what its scopes name, and nothing that needs a user', () => {
    const firmKey = keyContext(contractorScopes, '7');
    expect(refusal(() => requireOperationAccess(firmKey, 'Mutation', 'reportInstallation'))).toBeNull();
    expect(refusal(() => requireOperationAccess(firmKey, 'Query', 'invoices'))).toBeNull();
    expect(refusal(() => requireOperationAccess(firmKey, 'Mutation', 'acceptInstallation'))).toBe(ErrorCode.FORBIDDEN);
    expect(refusal(() => requireOperationAccess(firmKey, 'Query', 'dashboard'))).toBe(ErrorCode.FORBIDDEN);
    expect(refusal(() => requireOperationAccess(firmKey, 'Mutation', 'createUser'))).toBe(ErrorCode.FORBIDDEN);
    expect(mayRunOperation(firmKey, 'Mutation.submitInvoice')).toBe(true);
    expect(mayRunOperation(firmKey, 'Mutation.approveInvoice')).toBe(false);
    expect(mayRunOperation(firmKey, 'Mutation.createApiKey')).toBe(false);
    expect(mayRunOperation(keyContext(['read:dashboard'], null), 'Query.dashboard')).toBe(true);
    expect(mayRunOperation(keyContext(['read:dashboard'], null), 'Query.wilayaMap')).toBe(true);
    expect(mayRunOperation(keyContext([], null), 'Query.dashboard')).toBe(false);
    expect(mayRunOperation(keyContext([], null), 'Query.me')).toBe(true);
  });
});

const viewers = {
  system: { viewer: null } as Context,
  admin: userContext(UserRole.ADMIN),
  dotManager: userContext(UserRole.DOT_MANAGER),
  finance: userContext(UserRole.FINANCE),
  viewer: userContext(UserRole.VIEWER),
  contractor: userContext(UserRole.CONTRACTOR),
  technician: userContext(UserRole.TECHNICIAN),
  contractorOfNoFirm: userContext(UserRole.CONTRACTOR, null),
  firmKey: keyContext(contractorScopes, '7'),
  atKey: keyContext(['read:sites', 'read:contractors', 'read:personalData', 'read:bankAccounts'], null),
  bareKey: keyContext([], null),
} as const;
type ViewerName = keyof typeof viewers;

/** For each viewer, what `rule` must give. */
function eachViewer<T>(rule: (context: Context) => T, expected: Record<ViewerName, T>): void {
  for (const name of Object.keys(viewers) as ViewerName[]) expect(rule(viewers[name]), name).toEqual(expected[name]);
}

const firm7 = { contractor: '7' };
const dotWilayas = { wilaya: { $in: ['16', '09'] } };
const openWork = [
  CustomerSubscriptionStatus.ASSIGNED,
  CustomerSubscriptionStatus.SCHEDULED,
  CustomerSubscriptionStatus.INSTALLED,
  CustomerSubscriptionStatus.REJECTED,
];

describe('row scoping per viewer (scope.ts)', () => {
  it('names the firm of a firm’s users and keys, the technician and the DOT manager’s wilayas', () => {
    eachViewer(viewerContractorId, {
      system: null,
      admin: null,
      dotManager: null,
      finance: null,
      viewer: null,
      contractor: '7',
      technician: '7',
      contractorOfNoFirm: '0',
      firmKey: '7',
      atKey: null,
      bareKey: null,
    });
    eachViewer(viewerTechnicianId, {
      system: null,
      admin: null,
      dotManager: null,
      finance: null,
      viewer: null,
      contractor: null,
      technician: 'user-technician',
      contractorOfNoFirm: null,
      firmKey: null,
      atKey: null,
      bareKey: null,
    });
    eachViewer(viewerWilayas, {
      system: null,
      admin: null,
      dotManager: ['16', '09'],
      finance: null,
      viewer: null,
      contractor: null,
      technician: null,
      contractorOfNoFirm: null,
      firmKey: null,
      atKey: null,
      bareKey: null,
    });
  });

  it('keeps a firm’s sites and contractor for its users and keys, a DOT manager’s wilayas’ sites, all for the others', () => {
    eachViewer(siteScope, {
      system: {},
      admin: {},
      dotManager: dotWilayas,
      finance: {},
      viewer: {},
      contractor: firm7,
      technician: firm7,
      contractorOfNoFirm: { contractor: '0' },
      firmKey: firm7,
      atKey: {},
      bareKey: {},
    });
    eachViewer(contractorScope, {
      system: {},
      admin: {},
      dotManager: {},
      finance: {},
      viewer: {},
      contractor: { id: '7' },
      technician: { id: '7' },
      contractorOfNoFirm: { id: '0' },
      firmKey: { id: '7' },
      atKey: {},
      bareKey: {},
    });
  });

  it('keeps for a technician only its firm’s open work given to it or to no one, as the sites for the others', () => {
    eachViewer(workScope, {
      system: {},
      admin: {},
      dotManager: dotWilayas,
      finance: {},
      viewer: {},
      contractor: firm7,
      technician: {
        contractor: '7',
        status: { $in: openWork },
        $or: [{ technician: 'user-technician' }, { technician: null }],
      },
      contractorOfNoFirm: { contractor: '0' },
      firmKey: firm7,
      atKey: {},
      bareKey: {},
    });
    const technician = viewers.technician;
    for (const status of Object.values(CustomerSubscriptionStatus)) {
      const open = openWork.includes(status);
      expect(maySeeFieldWork(technician, { status, technicianId: null }), status).toBe(open);
      expect(maySeeFieldWork(technician, { status, technicianId: 'user-technician' }), status).toBe(open);
      expect(maySeeFieldWork(technician, { status, technicianId: 'user-other' }), status).toBe(false);
      expect(maySeeFieldWork(viewers.contractor, { status, technicianId: 'user-other' }), status).toBe(true);
    }
  });

  it('shows money to everyone but a technician, and lets a DOT manager work in its wilayas only', () => {
    for (const name of Object.keys(viewers) as ViewerName[]) {
      expect(maySeeMoney(viewers[name]), name).toBe(name !== 'technician');
      expect(mayWorkIn(viewers[name], '16'), name).toBe(true);
      expect(mayWorkIn(viewers[name], '09'), name).toBe(true);
      expect(mayWorkIn(viewers[name], '31'), name).toBe(name !== 'dotManager');
    }
  });

  it('shows customers’ personal data to the roles that meet them, and to keys with read:personalData', () => {
    eachViewer(maySeeCustomerData, {
      system: true,
      admin: true,
      dotManager: true,
      finance: false,
      viewer: false,
      contractor: true,
      technician: true,
      contractorOfNoFirm: true,
      firmKey: true,
      atKey: true,
      bareKey: false,
    });
  });

  it('shows a bank account to ADMIN, FINANCE and the firm’s own office or key with read:bankAccounts', () => {
    eachViewer((context) => maySeeBankAccount(context, '7'), {
      system: true,
      admin: true,
      dotManager: false,
      finance: true,
      viewer: false,
      contractor: true,
      technician: false,
      contractorOfNoFirm: false,
      firmKey: true,
      atKey: true,
      bareKey: false,
    });
    for (const name of ['contractor', 'technician', 'firmKey'] as const)
      expect(maySeeBankAccount(viewers[name], '8'), name).toBe(false);
  });

  it('lets a firm read its own contractor and sites only, a DOT manager its wilayas’ sites, a key with its read scope', () => {
    eachViewer((context) => [mayReadContractor(context, '7'), mayReadContractor(context, '8')], {
      system: [true, true],
      admin: [true, true],
      dotManager: [true, true],
      finance: [true, true],
      viewer: [true, true],
      contractor: [true, false],
      technician: [true, false],
      contractorOfNoFirm: [false, false],
      firmKey: [true, false],
      atKey: [true, true],
      bareKey: [false, false],
    });
    const site = (firm: string | null, wilaya: string) => ({
      contractor: firm === null ? null : { id: firm },
      wilaya: { code: wilaya },
    });
    eachViewer(
      (context) =>
        [site('7', '16'), site('8', '16'), site(null, '16'), site('7', '31')].map((s) => mayReadSite(context, s)),
      {
        system: [true, true, true, true],
        admin: [true, true, true, true],
        dotManager: [true, true, true, false],
        finance: [true, true, true, true],
        viewer: [true, true, true, true],
        contractor: [true, false, false, true],
        technician: [true, false, false, true],
        contractorOfNoFirm: [false, false, false, false],
        firmKey: [true, false, false, true],
        atKey: [true, true, true, true],
        bareKey: [false, false, false, false],
      },
    );
  });

  it('shows technicians to ADMIN, DOT managers and the firm’s own users and keys, not to FINANCE or VIEWER', () => {
    eachViewer(mayReadTechnicians, {
      system: true,
      admin: true,
      dotManager: true,
      finance: false,
      viewer: false,
      contractor: true,
      technician: true,
      contractorOfNoFirm: true,
      firmKey: true,
      atKey: false,
      bareKey: false,
    });
    eachViewer((context) => [mayReadTechnician(context, '7'), mayReadTechnician(context, '8')], {
      system: [true, true],
      admin: [true, true],
      dotManager: [true, true],
      finance: [false, false],
      viewer: [false, false],
      contractor: [true, false],
      technician: [true, false],
      contractorOfNoFirm: [false, false],
      firmKey: [true, false],
      atKey: [false, false],
      bareKey: [false, false],
    });
  });
});

describe('what each viewer may do beyond one record (Query.viewerCan)', () => {
  /** Query.viewerCan is public: there, no viewer is an anonymous caller, not the system. */
  const askers = {
    anonymous: { viewer: null } as Context,
    admin: viewers.admin,
    dotManager: viewers.dotManager,
    finance: viewers.finance,
    viewer: viewers.viewer,
    contractor: viewers.contractor,
    firmAdmin: userContext(UserRole.CONTRACTOR, '7', true),
    technician: viewers.technician,
    firmKey: viewers.firmKey,
    atKey: viewers.atKey,
  };
  const none = { manageAccess: false, grantRoles: [], seeTechnicians: false, wilayas: null, fieldOnly: false };
  const expected: Record<keyof typeof askers, object> = {
    anonymous: { ...none, wilayas: [] },
    admin: {
      ...none,
      manageAccess: true,
      grantRoles: ['ADMIN', 'DOT_MANAGER', 'FINANCE', 'CONTRACTOR', 'TECHNICIAN', 'VIEWER'],
      seeTechnicians: true,
    },
    dotManager: { ...none, seeTechnicians: true, wilayas: ['16', '09'] },
    finance: none,
    viewer: none,
    contractor: { ...none, seeTechnicians: true },
    firmAdmin: { ...none, manageAccess: true, grantRoles: ['CONTRACTOR', 'TECHNICIAN'], seeTechnicians: true },
    technician: { ...none, seeTechnicians: true, fieldOnly: true },
    firmKey: { ...none, seeTechnicians: true },
    atKey: none,
  };

  it('answers each viewer as the table written here', () => {
    for (const [name, context] of Object.entries(askers))
      expect({ ...viewerPermissions(context) }, name).toEqual(expected[name as keyof typeof askers]);
  });

  it('says the viewer manages access exactly when the access mutations let it', () => {
    for (const [name, context] of Object.entries(askers)) {
      const refused = refusal(() => requireAccessManager(context, 'users'));
      expect(refused === null, name).toBe(viewerPermissions(context).manageAccess);
    }
  });
});
