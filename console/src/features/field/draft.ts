import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { Draft, DraftKind, FieldDatabase, StoredPhoto } from './db.ts';

/** Which draft: the user's, of one work, of one form. */
export interface DraftKey {
  readonly userId: string;
  readonly customerSubscriptionId: string;
  readonly kind: DraftKind;
}

/** What a form keeps of itself: its values as typed, its photos' ids in order, and a report's signature. */
export interface DraftContent {
  readonly values: Record<string, unknown>;
  readonly photoIds: readonly string[];
  readonly signature: Blob | null;
}

/** A draft with its photos, as a form restores it. */
export interface RestoredDraft extends Draft {
  readonly photos: StoredPhoto[];
}

/** How long typing must pause before the draft is written. */
const debounceMs = 400;

/** The draft of `key` with its photos (in the draft's order), or null when there is none. */
export async function readDraft(db: FieldDatabase, key: DraftKey): Promise<RestoredDraft | null> {
  return db.transaction('r', db.drafts, db.photos, async () => {
    const draft = await db.drafts.get([key.userId, key.customerSubscriptionId, key.kind]);
    if (!draft) return null;
    const photos = (await db.photos.bulkGet([...draft.photoIds])).filter(
      (photo): photo is StoredPhoto => photo !== undefined && photo.entryId === null,
    );
    return { ...draft, photos };
  });
}

/** Writes the draft of `key` as it now stands. */
export async function writeDraft(
  db: FieldDatabase,
  key: DraftKey,
  content: DraftContent,
  savedAt = new Date(),
): Promise<void> {
  await db.drafts.put({
    ...key,
    values: content.values,
    photoIds: [...content.photoIds],
    signature: content.signature,
    savedAt: savedAt.toISOString(),
  });
}

/** Keeps a photo just taken in a form, before it is in any draft or entry: once taken, it is never only in memory. */
export async function keepDraftPhoto(
  db: FieldDatabase,
  userId: string,
  photo: Omit<StoredPhoto, 'userId' | 'entryId' | 'uploaded'>,
): Promise<void> {
  await db.photos.put({ ...photo, userId, entryId: null, uploaded: false });
}

/** Forgets a photo removed from a form (one not yet in the outbox). */
export async function dropDraftPhoto(db: FieldDatabase, id: string): Promise<void> {
  await db.photos
    .where('id')
    .equals(id)
    .and((photo) => photo.entryId === null)
    .delete();
}

/** The technician gives up a form (after confirming): its draft and its photos leave this browser. */
export async function discardDraft(db: FieldDatabase, key: DraftKey, photoIds: readonly string[]): Promise<void> {
  await db.transaction('rw', db.drafts, db.photos, async () => {
    const draft = await db.drafts.get([key.userId, key.customerSubscriptionId, key.kind]);
    const ids = [...new Set([...photoIds, ...(draft?.photoIds ?? [])])];
    await db.photos
      .where('id')
      .anyOf(ids)
      .and((photo) => photo.entryId === null)
      .delete();
    await db.drafts.delete([key.userId, key.customerSubscriptionId, key.kind]);
  });
}

/**
 * Takes an entry the server refused at once back into its form's draft: the entry leaves the
 * outbox, the photos the form still shows are the draft's again (the others, such as the signature
 * made into a photo when it was saved, go), and the technician corrects what was refused and sends
 * again. The form writes its draft again itself.
 */
export async function returnToDraft(
  db: FieldDatabase,
  entryId: number,
  keptPhotoIds: readonly string[],
): Promise<void> {
  await db.transaction('rw', db.outbox, db.photos, async () => {
    const kept = new Set(keptPhotoIds);
    const photos = await db.photos.where('entryId').equals(entryId).toArray();
    await db.photos.bulkDelete(photos.filter((photo) => !kept.has(photo.id)).map((photo) => photo.id));
    await db.photos.bulkPut(photos.filter((photo) => kept.has(photo.id)).map((photo) => ({ ...photo, entryId: null })));
    await db.outbox.delete(entryId);
  });
}

/**
 * Writes a form's draft as the technician fills it: `debounceMs` after the last change, at once
 * when the page is hidden (the phone locked, the app sent to the background, perhaps to be killed)
 * and when the form goes. Nothing is written for a form opened and left as it was (unless it came
 * from a draft). `pause` stops the writing (the form is being sent: the outbox takes it over);
 * `resume` starts it again and writes at once (the entry came back into the draft).
 */
export function useDraftKeeper(
  db: FieldDatabase,
  key: DraftKey,
  content: DraftContent,
  restored: boolean,
): { pause(): void; resume(): void } {
  const fingerprint = JSON.stringify([content.values, content.photoIds]);
  const initial = useRef({ fingerprint, signature: content.signature });
  const pending = useRef<DraftContent | null>(null);
  const paused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // What the form holds and where its draft goes, as of the last render.
  const latest = useRef({ db, key, content });
  useLayoutEffect(() => {
    latest.current = { db, key, content };
  });

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (next && !paused.current) void writeDraft(latest.current.db, latest.current.key, next);
  }, []);

  useEffect(() => {
    if (paused.current) return;
    if (!restored && fingerprint === initial.current.fingerprint && content.signature === initial.current.signature)
      return;
    pending.current = latest.current.content;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, debounceMs);
  }, [fingerprint, content.signature, restored, flush]);

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return {
    pause() {
      paused.current = true;
      pending.current = null;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    },
    resume() {
      paused.current = false;
      pending.current = latest.current.content;
      flush();
    },
  };
}
