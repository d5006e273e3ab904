import type { EntityManager } from '@mikro-orm/postgresql';
import type { LogConsumer, LoggedEvent } from '../../common/change-log.js';
import { addJob } from '../../common/job-queue.js';
import { AuditAction, AuditEntityType, AuditEvent } from '../audit/audit-event.entity.js';
import {
  CustomerSubscription,
  CustomerSubscriptionStatus,
} from '../customer-subscription/customer-subscription.entity.js';
import { Invoice } from '../invoice/invoice.entity.js';
import { InvoiceChange } from '../invoice/invoice.events.js';
import { Site, SiteStatus } from '../site/site.entity.js';
import { WorkChange } from '../site/site.events.js';
import { User, UserRole } from '../user/user.entity.js';
import type { WebhookEndpointDisabledEvent } from '../webhook/webhook.events.js';
import { Notification, NotificationKind, NotificationPreference, NotificationSubject } from './notification.entity.js';
import { announceNotification, withAnnouncedEvents } from './notification.events.js';
import type { NotificationMail } from './notification.mail.js';
import type { NotificationSms } from './notification.sms.js';

/** The task that e-mails one notification (`notification.jobs.ts`). */
export const notificationMailTask = 'sendNotificationMail';
/** The task that sends one notification by SMS (`notification.jobs.ts`). */
export const notificationSmsTask = 'sendNotificationSms';

/** What an event tells some people: the notifications to make of it, before their recipients are known one by one. */
export interface Draft {
  readonly recipients: readonly User[];
  readonly kind: NotificationKind;
  readonly subjectType: NotificationSubject;
  readonly subjectId: string;
  readonly subjectLabel: string;
  readonly details: readonly string[];
}

/** The invoice changes that notify the firm, and how. */
const invoiceKinds: Partial<Record<InvoiceChange, NotificationKind>> = {
  [InvoiceChange.APPROVED]: NotificationKind.INVOICE_APPROVED,
  [InvoiceChange.REVISION_REQUESTED]: NotificationKind.REVISION_REQUESTED,
  [InvoiceChange.PAYMENT_RECORDED]: NotificationKind.PAYMENT_RECORDED,
};

/** The people of a batch, each read once however many of its events concern them. */
class People {
  private readonly admins = new Map<string, Promise<User[]>>();
  constructor(private readonly em: EntityManager) {}

  /** The administrators of a firm (CONTRACTOR users who manage it), still enabled: who hears of the firm's work and money. */
  firmAdmins(contractorId: string): Promise<User[]> {
    let found = this.admins.get(contractorId);
    if (!found) {
      found = this.em.find(User, {
        contractor: contractorId,
        role: UserRole.CONTRACTOR,
        isContractorAdmin: true,
        disabledAt: null,
      });
      this.admins.set(contractorId, found);
    }
    return found;
  }

  /** The owners of an endpoint: its firm's administrators; for AT's, the ADMIN who registered it, or every ADMIN when that one is no longer one. */
  async endpointOwners(endpoint: WebhookEndpointDisabledEvent): Promise<User[]> {
    if (endpoint.contractorId !== null) return this.firmAdmins(endpoint.contractorId);
    const registrant = await this.em.findOne(User, {
      id: endpoint.createdById,
      role: UserRole.ADMIN,
      disabledAt: null,
    });
    return registrant ? [registrant] : this.em.find(User, { role: UserRole.ADMIN, disabledAt: null });
  }

  /** A technician still enabled, or none. */
  async technician(id: string | null): Promise<User[]> {
    if (id === null) return [];
    const user = await this.em.findOne(User, { id, role: UserRole.TECHNICIAN, disabledAt: null });
    return user ? [user] : [];
  }
}

/**
 * The reserves of the rejection that `event` announced: those of the latest rejection of the
 * customer subscription audited before the event committed (a later one has its own event).
 */
async function reservesOf(em: EntityManager, customerSubscriptionId: string, before: Date): Promise<string[]> {
  const rejection = await em.findOne(
    AuditEvent,
    {
      entityType: AuditEntityType.CUSTOMER_SUBSCRIPTION,
      entityId: customerSubscriptionId,
      action: AuditAction.TRANSITION,
      toStatus: CustomerSubscriptionStatus.REJECTED,
      occurredAt: { $lte: before },
    },
    { fields: ['changes'], orderBy: { id: 'desc' } },
  );
  return (rejection?.changes.find((change) => change.field === 'reserves')?.to as string[] | undefined) ?? [];
}

/** What one event of the log tells whom. */
async function draftsOf(em: EntityManager, people: People, event: LoggedEvent): Promise<Draft[]> {
  switch (event.topic) {
    case 'CUSTOMER_SUBSCRIPTION_CHANGED': {
      const change = event.payload;
      const subject = {
        subjectType: NotificationSubject.CUSTOMER_SUBSCRIPTION,
        subjectId: change.customerSubscriptionId,
      };
      const drafts: Omit<Draft, 'subjectLabel' | 'subjectType' | 'subjectId'>[] = [];
      if (
        change.contractorId !== null &&
        change.change === WorkChange.STATUS_CHANGED &&
        change.status === CustomerSubscriptionStatus.REJECTED
      ) {
        drafts.push({
          recipients: [
            ...(await people.firmAdmins(change.contractorId)),
            ...(await people.technician(change.technicianId)),
          ],
          kind: NotificationKind.INSTALLATION_REJECTED,
          details: await reservesOf(em, change.customerSubscriptionId, event.occurredAt),
        });
      }
      const toFirm =
        change.contractorId !== null &&
        (change.previousContractorId !== null ||
          (change.previousStatus === CustomerSubscriptionStatus.PENDING &&
            change.status === CustomerSubscriptionStatus.ASSIGNED));
      const toTechnician = change.technicianId !== null && change.technicianId !== change.technicianIdBefore;
      if (toFirm || toTechnician) {
        drafts.push({
          recipients: [
            ...(toFirm ? await people.firmAdmins(change.contractorId!) : []),
            ...(toTechnician ? await people.technician(change.technicianId) : []),
          ],
          kind: NotificationKind.WORK_ASSIGNED,
          details: [],
        });
      }
      if (drafts.length === 0) return [];
      const subscription = await em.findOne(CustomerSubscription, { id: change.customerSubscriptionId });
      if (!subscription) return [];
      return drafts.map((draft) => ({ ...draft, ...subject, subjectLabel: subscription.orderReference }));
    }
    case 'SITE_CHANGED': {
      const change = event.payload;
      // Only a move of its status (PLANNED → ASSIGNED) or of its firm can be an assignment: other changes read nothing.
      if (change.contractorId === null || (change.previousStatus === null && change.previousContractorId === null))
        return [];
      const site = await em.findOne(Site, { id: change.siteId });
      if (site?.status !== SiteStatus.ASSIGNED) return [];
      if (change.previousStatus !== SiteStatus.PLANNED && change.previousContractorId === null) return [];
      return [
        {
          recipients: await people.firmAdmins(change.contractorId),
          kind: NotificationKind.WORK_ASSIGNED,
          subjectType: NotificationSubject.SITE,
          subjectId: site.id,
          subjectLabel: site.code,
          details: [],
        },
      ];
    }
    case 'INVOICE_CHANGED': {
      const change = event.payload;
      const kind = invoiceKinds[change.change];
      if (!kind) return [];
      const invoice = await em.findOne(Invoice, { id: change.invoiceId });
      if (!invoice) return [];
      return [
        {
          recipients: await people.firmAdmins(change.contractorId),
          kind,
          subjectType: NotificationSubject.INVOICE,
          subjectId: invoice.id,
          subjectLabel: invoice.number ?? invoice.period,
          details: kind === NotificationKind.REVISION_REQUESTED && invoice.statusReason ? [invoice.statusReason] : [],
        },
      ];
    }
    case 'WEBHOOK_ENDPOINT_DISABLED':
      return [
        {
          recipients: await people.endpointOwners(event.payload),
          kind: NotificationKind.WEBHOOK_DISABLED,
          subjectType: NotificationSubject.WEBHOOK_ENDPOINT,
          subjectId: event.payload.endpointId,
          // The label's column holds 200 characters; a URL may be longer.
          subjectLabel: event.payload.url.slice(0, 200),
          details: [],
        },
      ];
    default:
      return [];
  }
}

/** The console's page of a record, for its recipient: a technician works a customer subscription in the field pages. */
function pathOf(notification: Notification, recipient: User): string {
  switch (notification.subjectType) {
    case NotificationSubject.CUSTOMER_SUBSCRIPTION:
      return recipient.role === UserRole.TECHNICIAN
        ? `/terrain/${notification.subjectId}`
        : `/raccordements/${notification.subjectId}`;
    case NotificationSubject.SITE:
      return `/sites/${notification.subjectId}`;
    case NotificationSubject.INVOICE:
      return `/factures/${notification.subjectId}`;
    case NotificationSubject.API_KEY:
      return '/acces';
    case NotificationSubject.WEBHOOK_ENDPOINT:
      return '/webhooks';
  }
}

/**
 * Stores `drafts` as one notification per recipient and kind, each from `logPosition` (null: not from
 * the log), announces each to its recipient once the transaction commits, and adds the e-mail job of
 * each whose recipient did not turn its kind off, and the SMS job of each whose recipient turned its
 * kind on by SMS and gave a number.
 */
export async function notify(em: EntityManager, drafts: readonly Draft[], logPosition: string | null): Promise<void> {
  const made: { notification: Notification; recipient: User }[] = [];
  const seen = new Set<string>();
  for (const draft of drafts) {
    for (const recipient of draft.recipients) {
      const key = `${recipient.id}:${draft.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const notification = em.create(Notification, {
        recipient,
        kind: draft.kind,
        subjectType: draft.subjectType,
        subjectId: draft.subjectId,
        subjectLabel: draft.subjectLabel,
        details: [...draft.details],
        logPosition,
        createdAt: new Date(),
      });
      made.push({ notification, recipient });
    }
  }
  if (made.length === 0) return;
  await em.flush();
  const preferences = await em.find(NotificationPreference, {
    user: { $in: [...new Set(made.map(({ recipient }) => recipient.id))] },
  });
  const preferenceOf = new Map(preferences.map((preference) => [preference.user.id, preference]));
  for (const { notification, recipient } of made) {
    announceNotification(em, notification);
    const preference = preferenceOf.get(recipient.id);
    const message = {
      notificationId: notification.id,
      language: recipient.language,
      kind: notification.kind,
      subjectType: notification.subjectType,
      subjectLabel: notification.subjectLabel,
      details: notification.details,
      path: pathOf(notification, recipient),
    };
    if (!preference?.emailOff.includes(notification.kind)) {
      const mail: NotificationMail = { ...message, to: recipient.email, recipientName: recipient.displayName };
      await addJob(em, notificationMailTask, mail, { jobKey: `notification-mail:${notification.id}` });
    }
    if (preference?.smsNumber && preference.smsOn.includes(notification.kind)) {
      const sms: NotificationSms = { ...message, to: preference.smsNumber };
      await addJob(em, notificationSmsTask, sms, { jobKey: `notification-sms:${notification.id}` });
    }
  }
}

/**
 * The notification consumer of the change log: turns each event into notifications for the people
 * it concerns (a firm's administrators for its work and its invoices, a technician for work given
 * to it, an endpoint's owners when it is disabled for failing), in the batch's transaction, so each event notifies each of them once.
 */
export const notificationConsumer: LogConsumer = (em, events) =>
  withAnnouncedEvents(em, async () => {
    const people = new People(em);
    for (const event of events) await notify(em, await draftsOf(em, people, event), event.position);
  });
