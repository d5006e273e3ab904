import { unknownOwner, type FieldDatabase, type OutboxEntry, type StoredPhoto, type StoredProblem } from './db.ts';

/**
 * What came of one request of the outbox: done; a transient trouble (no network, a server error,
 * too many requests) to try again later; a refusal that trying again cannot change (the work was
 * cancelled or reassigned, a value is refused), which waits for the technician; or a session that
 * ended, which waits for the technician to sign in again.
 */
export type Attempt =
  | { readonly outcome: 'done' }
  | { readonly outcome: 'transient'; readonly problem: StoredProblem }
  | { readonly outcome: 'refused'; readonly problems: StoredProblem[] }
  | { readonly outcome: 'signed-out' };

/** How the outbox reaches the server: a photo's upload, then the entry's mutation. */
export interface Transport {
  uploadPhoto(photo: StoredPhoto): Promise<Attempt>;
  send(entry: OutboxEntry): Promise<Attempt>;
}

/** How a pass over the outbox ended: all sent (or held for the technician), some to try later, or a sign-in needed. */
export type PassResult = 'done' | 'later' | 'signed-out';

/** A report or failure as the form saves it, with the photos it sends, for the user who saves it. */
export interface NewEntry {
  readonly userId: string;
  readonly kind: OutboxEntry['kind'];
  readonly customerSubscriptionId: string;
  readonly customerName: string;
  readonly orderReference: string;
  readonly input: Record<string, unknown>;
  readonly photos: readonly Omit<StoredPhoto, 'userId' | 'entryId' | 'uploaded'>[];
}

const firstDelayMs = 5_000;
const longestDelayMs = 5 * 60_000;

/** How long to wait after the `attempts`-th failed attempt: 5 s, doubled each time, at most 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(firstDelayMs * 2 ** Math.max(0, attempts - 1), longestDelayMs);
}

/**
 * Saves a report or failure and its photos in the outbox, in one transaction, under an idempotency
 * key chosen now; its place in the order is its id. The form's draft goes in the same transaction:
 * what was typed is either in the draft or in the outbox, never in neither.
 */
export async function saveEntry(db: FieldDatabase, entry: NewEntry, savedAt = new Date()): Promise<number> {
  return db.transaction('rw', db.outbox, db.photos, db.drafts, async () => {
    const id = (await db.outbox.add({
      userId: entry.userId,
      kind: entry.kind,
      customerSubscriptionId: entry.customerSubscriptionId,
      customerName: entry.customerName,
      orderReference: entry.orderReference,
      savedAt: savedAt.toISOString(),
      input: entry.input,
      idempotencyKey: crypto.randomUUID(),
      photoIds: entry.photos.map((photo) => photo.id),
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
      problems: [],
    })) as number;
    await db.photos.bulkPut(
      entry.photos.map((photo) => ({ ...photo, userId: entry.userId, entryId: id, uploaded: false })),
    );
    await db.drafts.delete([entry.userId, entry.customerSubscriptionId, entry.kind]);
    return id;
  });
}

/** Notes a transient failure of `entry`: one attempt more, the next one after the backoff. */
async function postpone(db: FieldDatabase, entry: OutboxEntry, problem: StoredProblem, now: number): Promise<void> {
  const attempts = entry.attempts + 1;
  await db.outbox.update(entry.id!, { attempts, nextAttemptAt: now + backoffMs(attempts), problems: [problem] });
}

/** Holds `entry` for the technician's decision, with the server's reasons. */
async function block(db: FieldDatabase, entry: OutboxEntry, problems: StoredProblem[]): Promise<void> {
  await db.outbox.update(entry.id!, { state: 'blocked', attempts: entry.attempts + 1, problems });
}

/**
 * What an attempt at one of `entry`'s requests means for the pass: null when it went through;
 * 'signed-out', or 'later' (the entry postponed) after a transient failure, end the pass; 'held' (the
 * entry kept for the technician, with the server's reasons) after a refusal.
 */
async function settle(
  db: FieldDatabase,
  entry: OutboxEntry,
  attempt: Attempt,
  now: () => number,
): Promise<'signed-out' | 'later' | 'held' | null> {
  switch (attempt.outcome) {
    case 'done':
      return null;
    case 'signed-out':
      return 'signed-out';
    case 'transient':
      await postpone(db, entry, attempt.problem, now());
      return 'later';
    case 'refused':
      await block(db, entry, attempt.problems);
      return 'held';
  }
}

/**
 * One pass over `userId`'s outbox (another user's entries stay for them), in order: for each waiting entry, its photos not yet uploaded, then its
 * mutation; once the server has it, the entry and its photos leave this browser (and `onSent` is told). An entry held for
 * the technician holds back the later entries of the same work (they may depend on it) but not the
 * others'. A transient failure ends the pass, so that no entry overtakes an earlier one; `force`
 * tries at once even an entry still in its backoff (the network just came back).
 */
export async function sendPending(
  db: FieldDatabase,
  transport: Transport,
  userId: string,
  options: { force?: boolean; now?: () => number; onSent?: (entry: OutboxEntry) => void } = {},
): Promise<PassResult> {
  const now = options.now ?? Date.now;
  const entries = await userEntries(db, userId);
  const held = new Set<string>();
  entries: for (const entry of entries) {
    if (entry.state === 'blocked' || held.has(entry.customerSubscriptionId)) {
      held.add(entry.customerSubscriptionId);
      continue;
    }
    if (!options.force && entry.nextAttemptAt > now()) return 'later';
    const photos = await db.photos.where('entryId').equals(entry.id!).toArray();
    const byId = new Map(photos.map((photo) => [photo.id, photo]));
    for (const photoId of entry.photoIds) {
      const photo = byId.get(photoId);
      if (!photo || photo.uploaded) continue;
      const failed = await settle(db, entry, await transport.uploadPhoto(photo), now);
      if (failed === 'held') {
        held.add(entry.customerSubscriptionId);
        continue entries;
      }
      if (failed) return failed;
      await db.photos.update(photo.id, { uploaded: true });
    }
    const failed = await settle(db, entry, await transport.send(entry), now);
    if (failed === 'held') {
      held.add(entry.customerSubscriptionId);
      continue;
    }
    if (failed) return failed;
    await db.transaction('rw', db.outbox, db.photos, async () => {
      await db.photos.where('entryId').equals(entry.id!).delete();
      await db.outbox.delete(entry.id!);
    });
    options.onSent?.(entry);
  }
  return 'done';
}

/** `userId`'s entries in the outbox, in their order. */
export function userEntries(db: FieldDatabase, userId: string): Promise<OutboxEntry[]> {
  return db.outbox.where('userId').equals(userId).sortBy('id');
}

/**
 * Gives `userId` what version 1 of the database kept without an owner (the outbox's entries and
 * photos saved before owners were recorded): they were saved on this phone by whoever used the
 * field view before the update, which the first user identified after it is taken to be.
 */
export async function adoptUnowned(db: FieldDatabase, userId: string): Promise<void> {
  await db.transaction('rw', db.outbox, db.photos, async () => {
    await db.outbox.where('userId').equals(unknownOwner).modify({ userId });
    await db.photos.where('userId').equals(unknownOwner).modify({ userId });
  });
}

/** When `userId`'s next waiting entry may be tried (ms since the epoch), or null when none waits. */
export async function nextAttemptAt(db: FieldDatabase, userId: string): Promise<number | null> {
  const waiting = (await userEntries(db, userId)).filter((entry) => entry.state === 'waiting');
  return waiting.length === 0 ? null : Math.min(...waiting.map((entry) => entry.nextAttemptAt));
}

/**
 * The technician tries a held entry again against the work as it now stands: its input names the
 * version just read, and it gets a new idempotency key (the server refused the old one's input, so
 * nothing was recorded under it, and the same key with another input would be refused).
 */
export async function retryEntry(db: FieldDatabase, id: number, currentVersion: number): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entry = await db.outbox.get(id);
    if (!entry) return;
    await db.outbox.update(id, {
      input: { ...entry.input, expectedVersion: currentVersion },
      idempotencyKey: crypto.randomUUID(),
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
      problems: [],
    });
  });
}

/** The technician gives up a held entry (after confirming): it and its photos leave this browser. */
export async function discardEntry(db: FieldDatabase, id: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.photos, async () => {
    await db.photos.where('entryId').equals(id).delete();
    await db.outbox.delete(id);
  });
}

/**
 * Sends a user's outbox one pass at a time: a pass asked for while one runs runs once more after it, so
 * that an entry saved meanwhile is not left waiting; after a pass that left work for later, the
 * next one is planned for when the first entry's backoff ends.
 */
export class OutboxSender {
  private running: Promise<PassResult> | null = null;
  private again: { force: boolean } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<(result: PassResult) => void>();
  private readonly sentListeners = new Set<(entry: OutboxEntry) => void>();
  private readonly sent = (entry: OutboxEntry) => {
    for (const listener of this.sentListeners) listener(entry);
  };

  constructor(
    private readonly db: FieldDatabase,
    private readonly transport: Transport,
    private readonly userId: string,
  ) {}

  /** Runs a pass now (or after the one running); resolves with how the last pass ended. */
  flush(options: { force?: boolean } = {}): Promise<PassResult> {
    if (this.running) {
      this.again = { force: (this.again?.force ?? false) || (options.force ?? false) };
      return this.running;
    }
    this.running = (async () => {
      let result = await sendPending(this.db, this.transport, this.userId, { ...options, onSent: this.sent });
      while (this.again) {
        const next = this.again;
        this.again = null;
        result = await sendPending(this.db, this.transport, this.userId, { ...next, onSent: this.sent });
      }
      return result;
    })().finally(() => {
      this.running = null;
    });
    return this.running.then(async (result) => {
      for (const listener of this.listeners) listener(result);
      if (result === 'later') await this.plan();
      return result;
    });
  }

  /** Called with the outcome of each pass. */
  onPass(listener: (result: PassResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with each entry the server now has, as soon as it has left this browser. */
  onSent(listener: (entry: OutboxEntry) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /** Stops the planned pass, if any. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async plan(): Promise<void> {
    this.stop();
    const at = await nextAttemptAt(this.db, this.userId);
    if (at === null) return;
    this.timer = setTimeout(() => void this.flush(), Math.max(0, at - Date.now()));
  }
}
