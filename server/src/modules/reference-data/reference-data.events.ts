import type { EntityManager } from '@mikro-orm/postgresql';
import { writeEvents } from '../../common/change-log.js';
import { isResync, type EventBus } from '../../common/events.js';
import { forgetReferenceData } from './reference-data.cache.js';

/**
 * Wilayas, daïras or communes changed (a reference import: names, a commune's wilaya or daïra, its
 * centre): every process drops the reference data it keeps. Internal to the server: no
 * subscription sends it to clients.
 */
export interface ReferenceDataChangedEvent {
  /** What was imported: the communes file (`COMMUNES`) or the communes' centres (`CENTRES`). */
  readonly source: 'COMMUNES' | 'CENTRES';
}

declare module '../../common/events.js' {
  interface RaccordTopics {
    REFERENCE_DATA_CHANGED: ReferenceDataChangedEvent;
  }
}

/**
 * Writes, in the import's transaction (`em`'s, opened by `em.transactional` as an import runs with no
 * operation context), that the reference data changed: the other processes drop theirs when the log
 * brings it (`watchReferenceData`); the importing process drops its own once the import commits.
 */
export function writeReferenceDataChanged(
  em: EntityManager,
  source: ReferenceDataChangedEvent['source'],
): Promise<void> {
  return writeEvents(em, [{ topic: 'REFERENCE_DATA_CHANGED', payload: { source } }], new Date());
}

/**
 * Drops the reference data this process keeps of `em`'s database whenever the change log brings a
 * change of it, made by any process (this one's own again: dropping twice reads once more).
 * Returns what stops watching.
 */
export function watchReferenceData(bus: EventBus, em: EntityManager): () => void {
  const changes = bus.subscribe(['REFERENCE_DATA_CHANGED']);
  void (async () => {
    // The mark that starts the stream is no change.
    for await (const event of changes) if (!isResync(event)) forgetReferenceData(em);
  })();
  return () => void changes.return?.();
}
