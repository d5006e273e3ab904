import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { session } from '../../lib/session.ts';
import { MeQuery } from '../auth/documents.ts';
import type { FieldDatabase } from './db.ts';
import { useLive } from './live.ts';

/** The signed-in user as the field view knows them: their id (what their outbox, drafts and lists are kept under) and name. */
export interface FieldUser {
  readonly id: string;
  readonly displayName: string;
}

/** Who the `me` query last said holds this browser's session, kept to know them without network. */
interface SignedIn extends FieldUser {
  /** SHA-256 of the session's token, in hexadecimal: the session it was said of (the token itself is not kept). */
  readonly tokenDigest: string;
}

const signedInKey = 'signedIn';

/** SHA-256 of a session token, in hexadecimal. */
async function digestOf(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The user `me` last said holds the session of `token` on this phone, or null when none was said of it. */
export async function keptUser(db: FieldDatabase, token: string): Promise<FieldUser | null> {
  const kept = (await db.values.get(signedInKey))?.value as SignedIn | undefined;
  return kept && kept.tokenDigest === (await digestOf(token)) ? { id: kept.id, displayName: kept.displayName } : null;
}

/** Forgets who `me` last said held this phone's session, when it was `userId`. */
export async function forgetSignedIn(db: FieldDatabase, userId: string): Promise<void> {
  const kept = (await db.values.get(signedInKey))?.value as SignedIn | undefined;
  if (kept?.id === userId) await db.values.delete(signedInKey);
}

/**
 * The signed-in user, from the `me` query when there is network, else as `me` last said it for this
 * very session (another session, another user perhaps: unknown until `me` answers). `user` is null
 * while it is not known; `unknown` says that without network it cannot be.
 */
export function useFieldUser(db: FieldDatabase): { user: FieldUser | null; unknown: boolean } {
  const token = session.token();
  const [digest, setDigest] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    if (token) void digestOf(token).then((value) => current && setDigest(value));
    return () => {
      current = false;
    };
  }, [token]);
  // The Layout's query (cache-first, asked as the page opens): the field view waits for its answer, never asks again.
  const [me] = useQuery({ query: MeQuery });
  const answered = me.data?.me ?? null;
  const answeredId = answered?.id;
  const answeredName = answered?.displayName;
  useEffect(() => {
    if (answeredId === undefined || answeredName === undefined || !digest) return;
    const value: SignedIn = { id: answeredId, displayName: answeredName, tokenDigest: digest };
    void db.values.put({ key: signedInKey, value, loadedAt: new Date().toISOString() });
  }, [db.values, answeredId, answeredName, digest]);
  const kept = useLive(async () => ((await db.values.get(signedInKey))?.value as SignedIn | undefined) ?? null, []);
  const known = kept && digest && kept.tokenDigest === digest ? { id: kept.id, displayName: kept.displayName } : null;
  const user = answered ? { id: answered.id, displayName: answered.displayName } : known;
  return { user, unknown: !user && !!me.error && digest !== null && kept !== undefined };
}
