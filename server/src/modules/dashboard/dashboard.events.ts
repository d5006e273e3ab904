import type { EntityManager } from '@mikro-orm/postgresql';
import { announce } from '../../common/events.js';

/** The figures of these wilayas moved with no event of their own (a record left the wilaya). */
export interface FiguresChangedEvent {
  readonly wilayaCodes: readonly string[];
}

declare module '../../common/events.js' {
  interface RaccordTopics {
    FIGURES_CHANGED: FiguresChangedEvent;
  }
}

/** Announces that the dashboard figures of `wilayaCodes` moved with no event of their own (see `announce`). */
export function announceFiguresChanged(em: EntityManager, wilayaCodes: readonly string[]): void {
  announce(em, 'FIGURES_CHANGED', () => ({ wilayaCodes }));
}
