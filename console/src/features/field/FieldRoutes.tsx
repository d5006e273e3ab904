import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { Route, Routes } from 'react-router';
import { useClient } from 'urql';
import { fieldDatabase, type FieldDatabase } from './db.ts';
import { FieldListPage } from './FieldListPage.tsx';
import { FieldWorkPage } from './FieldWorkPage.tsx';
import { OutboxSender, type PassResult } from './outbox.ts';
import { registerServiceWorker } from './service-worker.ts';
import { httpTransport } from './transport.ts';
import './field.css';

/** The field view's database and outbox sender, for its pages. */
interface FieldContextValue {
  readonly db: FieldDatabase;
  readonly sender: OutboxSender;
  /** How the last pass of the outbox ended (null before the first). */
  readonly lastPass: PassResult | null;
}

const FieldContext = createContext<FieldContextValue | null>(null);

export function useField(): FieldContextValue {
  const value = useContext(FieldContext);
  if (!value) throw new Error('useField outside the field view');
  return value;
}

/**
 * The field view (`/terrain`), loaded apart from the office pages: the list of work and each work's
 * page. While it is open, the outbox goes out by itself: on start, when the network comes back, and
 * when a backoff ends. It registers the service worker that lets it open without network.
 */
export default function FieldRoutes() {
  const client = useClient();
  const db = fieldDatabase();
  const sender = useMemo(() => new OutboxSender(db, httpTransport(client)), [client]);
  const [lastPass, setLastPass] = useState<PassResult | null>(null);
  useEffect(() => {
    registerServiceWorker();
    const unsubscribe = sender.onPass(setLastPass);
    const online = () => void sender.flush({ force: true });
    window.addEventListener('online', online);
    void sender.flush();
    return () => {
      unsubscribe();
      window.removeEventListener('online', online);
      sender.stop();
    };
  }, [sender]);
  const value = useMemo(() => ({ db, sender, lastPass }), [sender, lastPass]);
  return (
    <FieldContext.Provider value={value}>
      <div className="field">
        <Routes>
          <Route index element={<FieldListPage />} />
          <Route path=":id" element={<FieldWorkPage />} />
        </Routes>
      </div>
    </FieldContext.Provider>
  );
}
