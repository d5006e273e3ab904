import { useCallback, useEffect } from 'react';
import { readFragment } from 'gql.tada';
import { useQuery } from 'urql';
import type { FieldDatabase } from './db.ts';
import {
  FieldListQuery,
  FieldSettingsQuery,
  FieldWork,
  FieldWorkQuery,
  type FieldSettingsData,
  type FieldWorkData,
} from './documents.ts';
import { algiersToday } from './format.ts';
import { useLive } from './live.ts';
import type { OutboxSender } from './outbox.ts';

/** How many pieces of work of each kind the list loads: a firm's open work for the coming days. */
const listSize = 100;

/** The list as last loaded: the work with an appointment and the work without, each in its order. */
export interface FieldList {
  readonly appointments: FieldWorkData[];
  readonly unscheduled: FieldWorkData[];
  readonly loadedAt: string;
}

interface StoredList {
  readonly appointments: string[];
  readonly unscheduled: string[];
}

/** The name a user's list is kept under. */
const listKey = (userId: string) => `list:${userId}`;

/** Keeps a user's freshly loaded list and each of its works in this browser, replacing their previous list. */
async function keepList(
  db: FieldDatabase,
  userId: string,
  appointments: FieldWorkData[],
  unscheduled: FieldWorkData[],
  loadedAt: string,
): Promise<void> {
  await db.transaction('rw', db.works, db.values, async () => {
    await db.works.bulkPut(
      [...appointments, ...unscheduled].map((work) => ({ userId, id: work.id, data: work, loadedAt })),
    );
    await db.values.put({
      key: listKey(userId),
      value: {
        appointments: appointments.map((work) => work.id),
        unscheduled: unscheduled.map((work) => work.id),
      } satisfies StoredList,
      loadedAt,
    });
  });
}

/** Forgets a user's list and every work kept for them (customers' names, phones, addresses). */
export async function forgetCachedWork(db: FieldDatabase, userId: string): Promise<void> {
  await db.transaction('rw', db.works, db.values, async () => {
    await db.works.where('userId').equals(userId).delete();
    await db.values.delete(listKey(userId));
  });
}

/** Reads a user's list as last kept, with each work as last loaded (from the list or from its page). */
async function readList(db: FieldDatabase, userId: string): Promise<FieldList | null> {
  const stored = await db.values.get(listKey(userId));
  if (!stored) return null;
  const ids = stored.value as StoredList;
  const keys = [...ids.appointments, ...ids.unscheduled].map((id): [string, string] => [userId, id]);
  const works = new Map(
    (await db.works.bulkGet(keys))
      .filter((work) => work !== undefined)
      .map((work) => [work.id, work.data as FieldWorkData]),
  );
  const pick = (list: string[]) => list.map((id) => works.get(id)).filter((work) => work !== undefined);
  return { appointments: pick(ids.appointments), unscheduled: pick(ids.unscheduled), loadedAt: stored.loadedAt };
}

/**
 * The list's query, which the field view starts as it opens, without waiting to know the user
 * (`useFieldList` keeps its answer under the user once known); `pause` away from the list.
 */
export function useFieldListQuery(pause: boolean) {
  return useQuery({ query: FieldListQuery, variables: { first: listSize }, requestPolicy: 'cache-and-network', pause });
}

export type FieldListQueryState = ReturnType<typeof useFieldListQuery>;

/** What a query of the field view follows: the outbox that sends, and where it says whether the server answered. */
export interface Follow {
  readonly sender: OutboxSender;
  readonly reached: (reachable: boolean) => void;
}

/**
 * Has a query follow the network and the outbox: its outcome says whether the server can be reached
 * (an error: not, fresh data: yes), and `reload` runs when the network comes back and when the outbox
 * has sent an entry (of `workId` only, when given), whose work has changed.
 */
function useFollow(
  { sender, reached }: Follow,
  result: { data?: unknown; error?: unknown; stale: boolean },
  reload: () => void,
  workId?: string,
) {
  useEffect(() => {
    if (result.error) reached(false);
    else if (result.data && !result.stale) reached(true);
  }, [result.data, result.error, result.stale, reached]);
  useEffect(() => {
    window.addEventListener('online', reload);
    const unsubscribe = sender.onSent((entry) => {
      if (workId === undefined || entry.customerSubscriptionId === workId) reload();
    });
    return () => {
      window.removeEventListener('online', reload);
      unsubscribe();
    };
  }, [sender, reload, workId]);
}

/**
 * The signed-in user's list: loaded from the API when there is network (`query`, and kept in
 * IndexedDB under their id), else as they last kept it; loaded again when the network comes back and
 * when the outbox has sent something. `error` is the last load's failure (e.g. no network),
 * `fetching` whether a load runs.
 */
export function useFieldList(db: FieldDatabase, userId: string, [result, reload]: FieldListQueryState, follow: Follow) {
  const reloadNow = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  useFollow(follow, result, reloadNow);
  useEffect(() => {
    if (!result.data || result.stale) return;
    void keepList(
      db,
      userId,
      result.data.appointments.edges.map((edge) => readFragment(FieldWork, edge.node)),
      result.data.unscheduled.edges.map((edge) => readFragment(FieldWork, edge.node)),
      new Date().toISOString(),
    );
  }, [db, userId, result.data, result.stale]);
  const list = useLive(() => readList(db, userId), [userId]);
  return {
    list: list ?? null,
    kept: list !== undefined,
    fetching: result.fetching,
    error: result.error,
    reload: reloadNow,
  };
}

/**
 * One work: loaded from the API when there is network (and kept for the signed-in user), else as they
 * last kept it; loaded again when the network comes back and when the outbox has sent something of it.
 */
export function useFieldWork(db: FieldDatabase, userId: string, id: string, follow: Follow) {
  const [result, reload] = useQuery({ query: FieldWorkQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const reloadNow = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  useFollow(follow, result, reloadNow, id);
  useEffect(() => {
    const work = result.data?.customerSubscription ? readFragment(FieldWork, result.data.customerSubscription) : null;
    if (work && !result.stale)
      void db.works.put({ userId, id: work.id, data: work, loadedAt: new Date().toISOString() });
  }, [db.works, userId, result.data, result.stale]);
  const kept = useLive(() => db.works.get([userId, id]), [userId, id]);
  const missing = result.data !== undefined && result.data.customerSubscription === null;
  return {
    work: missing ? null : ((kept?.data as FieldWorkData | undefined) ?? null),
    loadedAt: kept?.loadedAt ?? null,
    fetching: result.fetching,
    missing,
    error: result.error,
    reload: reloadNow,
  };
}

/** The field settings and the work items in force (today's, in Algiers), from the API when there is network (and kept), else as last kept. */
export function useFieldSettings(db: FieldDatabase) {
  const [result] = useQuery({
    query: FieldSettingsQuery,
    variables: { on: algiersToday() },
    requestPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (result.data && !result.stale)
      void db.values.put({ key: 'settings', value: result.data, loadedAt: new Date().toISOString() });
  }, [db.values, result.data, result.stale]);
  const kept = useLive(() => db.values.get('settings'), []);
  return {
    settings: (kept?.value as FieldSettingsData | undefined) ?? result.data ?? null,
    fetching: result.fetching,
    error: result.error,
  };
}
