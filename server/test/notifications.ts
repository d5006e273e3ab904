import type { EntityManager } from '@mikro-orm/postgresql';
import { expect } from 'vitest';
import type { LoggedEvent } from '../src/common/change-log.js';
import { WorkChange } from '../src/modules/site/site.events.js';
import { notificationConsumer } from '../src/modules/notification/notification.consumer.js';
import { mustQuery } from './api.js';
import { eventually } from './eventually.js';
import { signIn, type TestApp } from './harness.js';

/** An event as the change log hands it, before the log gives it its position and time. */
export type UnloggedEvent = Omit<LoggedEvent, 'position' | 'occurredAt'>;

/** Positions of made-up events, far past those of the app's real events. */
let positions = 1_000_000_000;

/**
 * Runs the notification consumer on `events` made up by the test, as the change log would: in one
 * transaction (in which `inside` runs after it, before the commit), each event at a position of its
 * own (far past the app's log, whose real events the app's own consumer handles meanwhile).
 */
export async function consume(
  t: TestApp,
  events: UnloggedEvent[],
  inside: (em: EntityManager) => Promise<void> = async () => undefined,
): Promise<void> {
  await t.app.orm.em.fork().transactional(async (em) => {
    await notificationConsumer(
      em as EntityManager,
      events.map((event) => ({ ...event, position: String(++positions), occurredAt: new Date() }) as LoggedEvent),
    );
    await inside(em as EntityManager);
  });
}

/**
 * Waits until the app's notification consumer has handled every event of its change log so far:
 * the people made after it are told of nothing that came before.
 */
export async function settled(t: TestApp): Promise<void> {
  await eventually(async () => {
    const [row] = await t.sql<{ behind: boolean }>(
      `select coalesce((select position from change_log_consumer where name = 'notifications'), (select head from change_log_state)) < (select head from change_log_state) as behind`,
    );
    expect(row!.behind).toBe(false);
  });
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

/** Rejects installation `id` (INSTALLED, version 4) through the API with `reserves`; returns its order reference. */
export async function rejectInstallation(t: TestApp, id: string, reserves: string[]): Promise<string> {
  const { rejectInstallation } = await mustQuery<{
    rejectInstallation: { customerSubscription: { orderReference: string } };
  }>(
    t,
    'mutation ($input: RejectInstallationInput!) { rejectInstallation(input: $input) { customerSubscription { orderReference } } }',
    { input: { id, expectedVersion: 4, reserves } },
  );
  return rejectInstallation.customerSubscription.orderReference;
}
