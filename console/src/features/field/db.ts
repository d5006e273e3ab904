import { Dexie, type EntityTable } from 'dexie';

/** A photo kind the API knows (PUT /photos/<uuid>, field `kind`). */
export type PhotoKind = 'PBO' | 'PTO' | 'POWER_METER' | 'ONT' | 'FAILURE' | 'SIGNATURE' | 'OTHER';

/** Where the phone was when a photo was taken (Geolocation API), in WGS 84 degrees and metres. */
export interface Position {
  readonly latitude: number;
  readonly longitude: number;
  readonly accuracyMetres: number;
}

/**
 * A photo kept in this browser until the server has it: its client-chosen UUID (the upload is
 * idempotent by it), the work it belongs to, its kind, when and where it was taken, and the image.
 */
export interface StoredPhoto {
  readonly id: string;
  readonly customerSubscriptionId: string;
  readonly kind: PhotoKind;
  readonly takenAt: string;
  readonly position: Position | null;
  readonly blob: Blob;
  /** The outbox entry that sends it; null while it belongs to a form not yet sent. */
  entryId: number | null;
  uploaded: boolean;
}

/** What the server said of a refused entry, kept to show it translated: its code, field and sentence. */
export interface StoredProblem {
  readonly code: string;
  readonly field: string | null;
  readonly message: string;
  /** A BAD_USER_INPUT's refused values, each with its input field and reason. */
  readonly problems?: readonly { readonly field: string; readonly reason: string }[];
}

/** Whether an entry still goes out by itself (`waiting`) or waits for the technician's decision (`blocked`). */
export type EntryState = 'waiting' | 'blocked';

/**
 * A report or failure saved in the field, waiting to go out. Entries go in the order of their `id`
 * (auto-incremented as they are saved). The mutation's input is kept as typed, with the version of
 * the work it was typed against; `idempotencyKey` is chosen when it is saved and kept across every
 * retry, so that the server records it once however many times it arrives.
 */
export interface OutboxEntry {
  id?: number;
  readonly kind: 'report' | 'failure';
  readonly customerSubscriptionId: string;
  /** Who and where, to show the entry without the work's details: customer name and order reference. */
  readonly customerName: string;
  readonly orderReference: string;
  readonly savedAt: string;
  /** The mutation's input, without `photoIds` and `idempotencyKey` (added when it is sent). */
  input: Record<string, unknown>;
  idempotencyKey: string;
  readonly photoIds: readonly string[];
  state: EntryState;
  attempts: number;
  /** When the next attempt may go (ms since the epoch); 0 for at once. */
  nextAttemptAt: number;
  /** Why the last attempt did not go through: the server's refusal (blocked) or the transient trouble. */
  problems: StoredProblem[];
}

/** The work as the field view last loaded it, kept to be shown and reported on without network. */
export interface CachedWork {
  readonly id: string;
  readonly data: unknown;
  readonly loadedAt: string;
}

/** A value the field view last loaded (the list's order, the field settings, the work items), by name. */
export interface CachedValue {
  readonly key: string;
  readonly value: unknown;
  readonly loadedAt: string;
}

/** The field view's IndexedDB database: the outbox, its photos, and what was last loaded. */
export class FieldDatabase extends Dexie {
  outbox!: EntityTable<OutboxEntry, 'id'>;
  photos!: EntityTable<StoredPhoto, 'id'>;
  work!: EntityTable<CachedWork, 'id'>;
  values!: EntityTable<CachedValue, 'key'>;

  constructor(name = 'raccord-field') {
    super(name);
    this.version(1).stores({
      outbox: '++id, customerSubscriptionId, state',
      photos: 'id, entryId, customerSubscriptionId',
      work: 'id',
      values: 'key',
    });
  }
}

let database: FieldDatabase | null = null;

/** The field view's database in this browser, opened on first use. */
export function fieldDatabase(): FieldDatabase {
  database ??= new FieldDatabase();
  return database;
}
