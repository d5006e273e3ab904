import type { EntityManager } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import type { LoggedEvent } from '../src/common/change-log.js';
import { committedEvents, openEvents, type PendingEvent } from '../src/common/events.js';
import { WorkChange } from '../src/modules/site/site.events.js';
import { notificationConsumer } from '../src/modules/notification/notification.consumer.js';
import { installedCustomerSubscription, mustQuery } from './api.js';
import { signIn, type TestApp } from './harness.js';

/** An event as the change log hands it, before the log gives it its position and time. */
export type UnloggedEvent = Omit<LoggedEvent, 'position' | 'occurredAt'>;

let positions = 0;

/**
 * Runs the notification consumer on `events` as the change log would: in one transaction (in which
 * `inside` runs after it, before the commit), each event at a new position; returns the events it
 * announced, as the commit would publish them.
 */
export async function consume(
  t: TestApp,
  events: UnloggedEvent[],
  inside: (em: EntityManager) => Promise<void> = async () => undefined,
): Promise<{ topic: string; payload: unknown }[]> {
  let pending: PendingEvent[] = [];
  await t.app.orm.em.fork().transactional(async (em) => {
    pending = openEvents(em as EntityManager);
    await notificationConsumer(
      em as EntityManager,
      events.map((event) => ({ ...event, position: String(++positions), occurredAt: new Date() }) as LoggedEvent),
    );
    await inside(em as EntityManager);
  });
  return committedEvents(pending, pino({ level: 'silent' }));
}

/** The CUSTOMER_SUBSCRIPTION_CHANGED event that the rejection of installation `id` of `contractorId` announces. */
export function rejected(id: string, contractorId: string): UnloggedEvent {
  return {
    topic: 'CUSTOMER_SUBSCRIPTION_CHANGED',
    payload: {
      customerSubscriptionId: id,
      contractorId,
      siteId: null,
      wilayaCode: '16',
      change: WorkChange.STATUS_CHANGED,
      previousStatus: 'INSTALLED',
      previousContractorId: null,
      previousWilayaCode: null,
      status: 'REJECTED',
      technicianId: null,
      technicianIdBefore: null,
    },
  } as UnloggedEvent;
}

/** A CONTRACTOR user of `firmId` (its administrator with `admin`), signed in: its email, password and Authorization header value. */
export async function firmUser(
  t: TestApp,
  firmId: string,
  admin: boolean,
): Promise<{ email: string; password: string; authorization: string }> {
  const email = `notified-${Math.random().toString(36).slice(2)}@raccord.test`;
  const password = 'notified user password';
  await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: {
      email,
      displayName: admin ? 'Samira Benali' : 'Karim Haddad',
      role: 'CONTRACTOR',
      contractorId: firmId,
      isContractorAdmin: admin,
      password,
    },
  });
  return { email, password, authorization: `Bearer ${await signIn(t.url, email, password)}` };
}

/** An installation of `firmId` rejected through the API with `reserves`: its id and order reference. */
export async function rejectedInstallation(
  t: TestApp,
  firmId: string,
  reserves: string[],
): Promise<{ id: string; reference: string }> {
  const id = await installedCustomerSubscription(t, firmId);
  const { rejectInstallation } = await mustQuery<{
    rejectInstallation: { customerSubscription: { orderReference: string } };
  }>(
    t,
    'mutation ($input: RejectInstallationInput!) { rejectInstallation(input: $input) { customerSubscription { orderReference } } }',
    { input: { id, expectedVersion: 4, reserves } },
  );
  return { id, reference: rejectInstallation.customerSubscription.orderReference };
}
