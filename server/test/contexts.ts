import type { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import type { Context } from '../src/context.js';
import { createContext } from '../src/modules/auth/operation-context.js';
import { defaultBuyer } from '../src/modules/invoice/invoice-document.js';

/**
 * A context of the system (no viewer) whose clock stands at `instant` (UTC), with the settings a
 * server starts with (retention 5 %, payment in 30 days, no quality thresholds): what a scheduled job
 * sees at that instant.
 */
export const contextAt = (orm: MikroORM, instant: string): Context => ({
  ...createContext(orm, `test-${instant}`, pino({ level: 'silent' }), {
    settings: {
      qualityThresholds: {},
      retentionPercent: '5',
      paymentTermsDays: 30,
      positionToleranceMetres: 300,
      buyer: defaultBuyer,
    },
  }),
  clock: () => new Date(instant),
});
