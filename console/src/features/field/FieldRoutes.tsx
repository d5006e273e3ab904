import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useMatch } from 'react-router';
import { useClient } from 'urql';
import { useFieldListQuery, useFieldSettings, type FieldListQueryState } from './cache.ts';
import { fieldDatabase, type FieldDatabase, type OutboxEntry } from './db.ts';
import type { FieldSettingsData } from './documents.ts';
import { FieldListPage } from './FieldListPage.tsx';
import { FieldWorkPage } from './FieldWorkPage.tsx';
import { knownFieldUser } from './known-user.ts';
import { adoptUnowned, OutboxSender, type PassResult } from './outbox.ts';
import { useFieldUser, type FieldUser } from './owner.ts';
import { registerServiceWorker } from './service-worker.ts';
import { httpTransport } from './transport.ts';
import './field.css';
import { Skeleton } from '../../components/Skeleton.tsx';

/** The field view's database, its signed-in user, their outbox sender and the report's settings, for its pages. */
interface FieldContextValue {
  readonly db: FieldDatabase;
  readonly user: FieldUser;
  readonly sender: OutboxSender;
  /** How the last pass of the outbox ended (null before the first). */
  readonly lastPass: PassResult | null;
  /** The field settings and work items in force, as last loaded (null before they ever were). */
  readonly settings: FieldSettingsData | null;
  /**
   * Whether the server can be reached, as last seen: the browser's online and offline events, and
   * the outcome of each request (`reached`, which the pages call with their queries' outcomes).
   */
  readonly reachable: boolean;
  readonly reached: (reachable: boolean) => void;
  /** What the outbox has sent since the field view opened, in order, until the user hides it (`hideSent`). */
  readonly sent: readonly SentEntry[];
  readonly hideSent: () => void;
}

/** A report or failure the server now has, as the field view confirms it. */
export type SentEntry = Pick<OutboxEntry, 'id' | 'kind' | 'customerSubscriptionId' | 'customerName' | 'orderReference'>;

const FieldContext = createContext<FieldContextValue | null>(null);

export function useField(): FieldContextValue {
  const value = useContext(FieldContext);
  if (!value) throw new Error('useField outside the field view');
  return value;
}

/**
 * The field view (`/terrain`), loaded apart from the office pages: the list of work and each work's
 * page, for the signed-in user only (what this browser keeps for another user stays theirs). While
 * it is open, the user's outbox goes out by itself: on start, when the network comes back, and when
 * a backoff ends; the pages follow the network and what the outbox sends. It registers the service worker that lets it open without network, and loads the
 * report's settings at once, so that a report can be filled offline. The settings (everyone's) and,
 * on the list, the list start loading as the view opens, beside `me` rather than after it: the
 * list is kept under the user once `me` (or this session's last answer) says who it is.
 */
export default function FieldRoutes() {
  const { t } = useTranslation();
  const db = fieldDatabase();
  const { user, unknown } = useFieldUser(db);
  const { settings } = useFieldSettings(db);
  const list = useFieldListQuery(useMatch('/terrain') === null);
  useEffect(registerServiceWorker, []);
  useEffect(() => {
    knownFieldUser.set(user);
    return () => knownFieldUser.set(null);
  }, [user]);
  if (!user) {
    return (
      <div className="field">
        {unknown ? (
          <p role="alert" className="field-alert">
            {t(
              'Hors connexion, et cette session n’a jamais été ouverte avec du réseau sur ce téléphone : ouvrez le terrain une fois avec du réseau.',
            )}
          </p>
        ) : (
          <Skeleton />
        )}
      </div>
    );
  }
  return <SignedInField key={user.id} db={db} user={user} settings={settings} list={list} />;
}

function SignedInField({
  db,
  user,
  settings,
  list,
}: {
  db: FieldDatabase;
  user: FieldUser;
  settings: FieldSettingsData | null;
  list: FieldListQueryState;
}) {
  const client = useClient();
  const sender = useMemo(() => new OutboxSender(db, httpTransport(client), user.id), [db, client, user.id]);
  const [lastPass, setLastPass] = useState<PassResult | null>(null);
  const [reachable, setReachable] = useState(() => navigator.onLine);
  const [sent, setSent] = useState<readonly SentEntry[]>([]);
  useEffect(() => {
    const unsubscribe = sender.onPass(setLastPass);
    const unsubscribeSent = sender.onSent(({ id, kind, customerSubscriptionId, customerName, orderReference }) => {
      setReachable(true);
      setSent((current) => [...current, { id, kind, customerSubscriptionId, customerName, orderReference }]);
    });
    const online = () => {
      setReachable(true);
      void sender.flush({ force: true });
    };
    const offline = () => setReachable(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    void adoptUnowned(db, user.id).then(() => sender.flush());
    return () => {
      unsubscribe();
      unsubscribeSent();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      sender.stop();
    };
  }, [db, sender, user.id]);
  const value = useMemo(
    () => ({
      db,
      user,
      sender,
      lastPass,
      settings,
      reachable,
      reached: setReachable,
      sent,
      hideSent: () => setSent([]),
    }),
    [db, sender, user, lastPass, settings, reachable, sent],
  );
  return (
    <FieldContext.Provider value={value}>
      <div className="field">
        <Routes>
          <Route index element={<FieldListPage query={list} />} />
          <Route path=":id" element={<FieldWorkPage />} />
        </Routes>
      </div>
    </FieldContext.Provider>
  );
}
