import { Dexie, type EntityTable, type Table } from 'dexie';

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
  /** The user who took it (the `me` query's id): only they see or send it. */
  readonly userId: string;
  readonly customerSubscriptionId: string;
  readonly kind: PhotoKind;
  readonly takenAt: string;
  readonly position: Position | null;
  readonly blob: Blob;
  /** The outbox entry that sends it; null while it belongs to a form's draft. */
  entryId: number | null;
  uploaded: boolean;
}

/** What the server said of a refused entry, kept to show it translated: its code, field and sentence. */
export interface StoredProblem {
  readonly code: string;
  readonly field: string | null;
  readonly message: string;
  /** A BAD_USER_INPUT's reason for its one field, as the API's code (absent from problems stored before the server sent it). */
  readonly reasonCode?: string;
  /** The values that reason names, by name. */
  readonly reasonParams?: Readonly<Record<string, string>>;
  /** A BAD_USER_INPUT's refused values, each with its input field and reason (its code, as `reasonCode`). */
  readonly problems?: readonly {
    readonly field: string;
    readonly reasonCode?: string;
    readonly reasonParams?: Readonly<Record<string, string>>;
  }[];
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
  /** The user who saved it (the `me` query's id): only they see or send it. */
  readonly userId: string;
  readonly kind: DraftKind;
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

/** The two forms the field saves: an installation report and a failure declaration. */
export type DraftKind = 'report' | 'failure';

/**
 * A form as the technician left it, kept as they type so that nothing is lost (a reload, the app
 * killed, no network): its values as typed, its photos (kept in `photos` with no entry yet, listed
 * here in their order) and, for a report, the signature drawn. One per user, work and form.
 */
export interface Draft {
  readonly userId: string;
  readonly customerSubscriptionId: string;
  readonly kind: DraftKind;
  readonly values: Record<string, unknown>;
  readonly photoIds: readonly string[];
  readonly signature: Blob | null;
  readonly savedAt: string;
}

/** A work as the field view last loaded it for a user, kept to be shown and reported on without network. */
export interface CachedWork {
  readonly userId: string;
  readonly id: string;
  readonly data: unknown;
  readonly loadedAt: string;
}

/** A value the field view last loaded (a user's list, the field settings, who is signed in), by name. */
export interface CachedValue {
  readonly key: string;
  readonly value: unknown;
  readonly loadedAt: string;
}

/** The owner given to what version 1 kept without one: the first user identified on this phone takes it (`adoptUnowned`). */
export const unknownOwner = '';

/** The field view's IndexedDB database: the outbox, its photos, the drafts, and what was last loaded, each by user. */
export class FieldDatabase extends Dexie {
  outbox!: EntityTable<OutboxEntry, 'id'>;
  photos!: EntityTable<StoredPhoto, 'id'>;
  drafts!: Table<Draft, [string, string, DraftKind]>;
  works!: Table<CachedWork, [string, string]>;
  values!: EntityTable<CachedValue, 'key'>;

  constructor(name = 'raccord-field') {
    super(name);
    this.version(1).stores({
      outbox: '++id, customerSubscriptionId, state',
      photos: 'id, entryId, customerSubscriptionId',
      work: 'id',
      values: 'key',
    });
    // Version 2: everything belongs to a user. The outbox and its photos of version 1 had no
    // owner: they get the unknown one, for the next user identified here to take. The works and
    // the list last loaded were a cache: dropped (each user's is loaded again), with the settings,
    // which now carry the photo limits.
    this.version(2)
      .stores({
        outbox: '++id, customerSubscriptionId, state, userId',
        photos: 'id, entryId, customerSubscriptionId, userId',
        drafts: '[userId+customerSubscriptionId+kind], userId',
        work: null,
        works: '[userId+id], userId',
      })
      .upgrade(async (tx) => {
        await tx.table('outbox').toCollection().modify({ userId: unknownOwner });
        await tx.table('photos').toCollection().modify({ userId: unknownOwner });
        await tx.table('values').bulkDelete(['list', 'settings']);
      });
  }
}

let database: FieldDatabase | null = null;

/** The field view's database in this browser, opened on first use. */
export function fieldDatabase(): FieldDatabase {
  database ??= new FieldDatabase();
  return database;
}
