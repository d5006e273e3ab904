import { Dexie } from 'dexie';
import { currentLanguage, translate as t } from '../../lib/i18n.ts';
import { session } from '../../lib/session.ts';
import { forgetCachedWork } from './cache.ts';
import { fieldDatabase } from './db.ts';
import { forgetSignedIn, keptUser } from './owner.ts';

/** The question asked before signing out while `count` reports or drafts of the user wait on this phone. */
function waitingQuestion(count: number): string {
  return new Intl.PluralRules(currentLanguage()).select(count) === 'one'
    ? t(
        '{{count}} rapport ou brouillon n’est pas encore envoyé : il reste sur ce téléphone, et vous le retrouverez en vous reconnectant. Se déconnecter quand même ?',
        { count },
      )
    : t(
        '{{count}} rapports ou brouillons ne sont pas encore envoyés : ils restent sur ce téléphone, et vous les retrouverez en vous reconnectant. Se déconnecter quand même ?',
        { count },
      );
}

/**
 * The field view's part of signing out, before the session ends: a phone lost or handed on must not
 * show the customers' names, phones and addresses of the work last loaded, so the user's kept
 * lists and works go (and who `me` said they were). Their reports waiting in the outbox and their
 * drafts stay — their work, never silently lost — and the user is asked first when there are some,
 * told how many. `userId`: the signed-in user as `me` answered (null without network: then as it
 * last answered for this session). Resolves with whether to sign out.
 */
export async function beforeSignOut(userId: string | null): Promise<boolean> {
  if (!(await Dexie.exists(fieldDatabase().name))) return true;
  const db = fieldDatabase();
  const token = session.token();
  const id = userId ?? (token ? ((await keptUser(db, token))?.id ?? null) : null);
  if (!id) return true;
  const waiting =
    (await db.outbox.where('userId').equals(id).count()) + (await db.drafts.where('userId').equals(id).count());
  if (waiting > 0 && !window.confirm(waitingQuestion(waiting))) return false;
  await db.transaction('rw', db.works, db.values, async () => {
    await forgetCachedWork(db, id);
    await forgetSignedIn(db, id);
  });
  return true;
}
