import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Repeater } from '@repeaterjs/repeater';
import type { Logger } from 'pino';
import { isResync, type EventBus, type RaccordEvent, type RaccordTopics, type Topic } from '../../common/events.js';
import { InvoiceChange } from '../invoice/invoice.events.js';
import { Wilaya } from '../reference-data/wilaya.entity.js';
import { readDashboard, type DashboardFigures } from './dashboard.service.js';

declare module '../../context.js' {
  interface Settings {
    /** The dashboards this process's subscribers watch; absent in scripts. */
    readonly dashboards?: DashboardFeed;
  }
}

/** At most one push per dashboard in this interval, however many changes arrive (milliseconds). */
export const dashboardPushIntervalMs = 1000;

/**
 * The time and the timers the pushes are spaced by: the process's own (`systemPushClock`), or a
 * test's, which moves time itself and so checks the spacing exactly.
 */
export interface PushClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `run` once, `ms` milliseconds from now. */
  setTimeout(run: () => void, ms: number): unknown;
  /** Cancels a timer `setTimeout` returned (nothing for undefined). */
  clearTimeout(timer: unknown): void;
}

/** The process's clock and timers. */
export const systemPushClock: PushClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
};

/** Watched dashboards are read again this often with no change at all: "today" and the days waited move with the clock (milliseconds). */
export const dashboardRefreshIntervalMs = 60_000;

/** Invoice changes that move the dashboards' invoice figures (a line added to a DRAFT does not). */
const invoiceFigureChanges = new Set<InvoiceChange>([
  InvoiceChange.SUBMITTED,
  InvoiceChange.APPROVED,
  InvoiceChange.REVISION_REQUESTED,
  InvoiceChange.CREDITED,
  InvoiceChange.PAYMENT_RECORDED,
]);

/** A reading of a dashboard shared by the queries that ask within `queryMaxAgeMs` of it. */
interface Reading {
  readonly figures: Promise<DashboardFigures>;
  readonly at: number;
}

interface Watched {
  /** Push functions of this process's subscribers. */
  readonly subscribers: Set<(figures: DashboardFigures) => unknown>;
  lastPushAt: number;
  /** The figures last pushed, without their reading time: figures that did not move are not pushed again. */
  lastFingerprint: string | undefined;
  dirty: boolean;
  computing: boolean;
  timer: unknown;
}

/** The figures as JSON without their reading time, wilayas by code: equal when nothing a subscriber sees moved. */
function fingerprintOf(figures: DashboardFigures): string {
  return JSON.stringify(figures, (name, value: unknown) =>
    name === 'computedAt' ? undefined : value instanceof Wilaya ? value.code : value,
  );
}

/** The key of a dashboard: a wilaya code, or '' for the national one. */
const keyOf = (wilayaCode: string | null): string => wilayaCode ?? '';

/**
 * The dashboards whose figures an event may move, by key: the national one and the wilayas the event
 * names; 'all' for an invoice change that moves invoice figures (the wilayas an invoice bills take a
 * query to know); none for a change that moves no figure (a line added to a DRAFT).
 */
function dashboardsMovedBy(event: RaccordEvent): readonly string[] | 'all' {
  switch (event.topic) {
    case 'CUSTOMER_SUBSCRIPTION_CHANGED':
    case 'SITE_CHANGED':
      return [
        '',
        event.payload.wilayaCode,
        ...(event.payload.previousWilayaCode ? [event.payload.previousWilayaCode] : []),
      ];
    case 'FIGURES_CHANGED':
    case 'CUSTOMER_SUBSCRIPTIONS_IMPORTED':
      return ['', ...event.payload.wilayaCodes];
    case 'INVOICE_CHANGED':
      return invoiceFigureChanges.has(event.payload.change) ? 'all' : [];
    default:
      return [];
  }
}

/**
 * Keeps the dashboards that this process's subscribers watch up to date. It listens to the event
 * bus (so changes made on any server process count) and, for each dashboard a change touches,
 * reads the figures once and pushes them to every subscriber of that dashboard when they moved:
 * the first change at once, then at most one push per `dashboardPushIntervalMs` during a burst.
 * Watched dashboards are also read every `dashboardRefreshIntervalMs`, since time moves some figures
 * by itself. Dashboards nobody here watches are not read.
 *
 * It also serves `Query.dashboard` (`read`): one reading of a dashboard is shared by every query
 * within `queryMaxAgeMs` (DASHBOARD_QUERY_MAX_AGE_MS) of it, and dropped as soon as a change the
 * event bus announces touches that dashboard, so a console polling it costs a handful of SQL
 * statements a second however many are open.
 */
export class DashboardFeed {
  private readonly watched = new Map<string, Watched>();
  private readonly readings = new Map<string, Reading>();
  private readonly listeners: AsyncIterator<unknown>[] = [];
  private refresh: NodeJS.Timeout | undefined;
  private stopForgetting: (() => void) | undefined;

  /**
   * @param queryMaxAgeMs how long a query may be answered from an earlier reading (milliseconds; 0: every query reads)
   * @param clock the time and timers that space the pushes (a test's own, to check the spacing exactly)
   */
  constructor(
    private readonly orm: MikroORM,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly queryMaxAgeMs = 0,
    private readonly clock: PushClock = systemPushClock,
  ) {}

  /** Starts listening to the event bus. */
  start(): void {
    // Before a change's answer leaves: a dashboard query that follows it must not get a reading from before it.
    this.stopForgetting = this.events.onCommitted((events) => this.forgetReadings(events));
    this.refresh = setInterval(() => this.touch([...this.watched.keys()]), dashboardRefreshIntervalMs);
    this.refresh.unref();
    for (const topic of [
      'CUSTOMER_SUBSCRIPTION_CHANGED',
      'SITE_CHANGED',
      'FIGURES_CHANGED',
      'CUSTOMER_SUBSCRIPTIONS_IMPORTED',
    ] as const) {
      this.listen(topic, (payload) => {
        const keys = dashboardsMovedBy({ topic, payload } as RaccordEvent);
        if (keys !== 'all') this.touch(keys);
      });
    }
    this.listen('INVOICE_CHANGED', (event) => {
      if (invoiceFigureChanges.has(event.change)) this.touch(['', ...event.wilayaCodes]);
    });
  }

  /**
   * The figures of the dashboard of `wilayaCode` (null: national) for a query: a reading made less
   * than `queryMaxAgeMs` ago that no change has touched since, else a new one (shared by the queries
   * that arrive while it is read). `computedAt` says when they were read. A reading that fails is
   * not kept. A new reading is made with `em`, the asking query's (a read replica's, when there are
   * some). Access is the caller's to check (`requireDashboardAccess`).
   */
  read(wilayaCode: string | null, em: EntityManager): Promise<DashboardFigures> {
    const key = keyOf(wilayaCode);
    const kept = this.readings.get(key);
    if (kept && Date.now() - kept.at < this.queryMaxAgeMs) return kept.figures;
    const reading: Reading = { figures: readDashboard(em, wilayaCode, new Date()), at: Date.now() };
    if (this.queryMaxAgeMs > 0) {
      this.readings.set(key, reading);
      reading.figures.catch(() => {
        if (this.readings.get(key) === reading) this.readings.delete(key);
      });
    }
    return reading.figures;
  }

  /**
   * Drops the shared readings that `events`, just committed by this process, move: called as they are
   * published, before the change's answer leaves (`inTransaction`), so a query that follows it reads
   * the change, though the change log brings this process's own events back only a little later.
   * Other processes drop theirs when the event reaches them.
   */
  forgetReadings(events: readonly RaccordEvent[]): void {
    for (const event of events) {
      const keys = dashboardsMovedBy(event);
      if (keys === 'all') this.readings.clear();
      else for (const key of keys) this.readings.delete(key);
    }
  }

  /** Stops listening and drops every pending push. */
  async stop(): Promise<void> {
    this.stopForgetting?.();
    this.readings.clear();
    clearInterval(this.refresh);
    for (const state of this.watched.values()) this.clock.clearTimeout(state.timer);
    await Promise.all(this.listeners.map((listener) => listener.return?.()));
  }

  /**
   * The figures of the dashboard of `wilayaCode` (null: national): the current ones at once, then
   * new ones each time a change touches them (coalesced, see the class).
   */
  subscribe(wilayaCode: string | null): AsyncIterableIterator<DashboardFigures> {
    const key = keyOf(wilayaCode);
    return new Repeater<DashboardFigures>(async (push, stop) => {
      let state = this.watched.get(key);
      if (!state) {
        this.watched.set(
          key,
          (state = {
            subscribers: new Set(),
            lastPushAt: 0,
            lastFingerprint: undefined,
            dirty: false,
            computing: false,
            timer: undefined,
          }),
        );
      }
      state.subscribers.add(push);
      try {
        const figures = await readDashboard(this.orm.em.fork(), wilayaCode, new Date());
        // The first subscriber's figures are the ones the next push compares with.
        state.lastFingerprint ??= fingerprintOf(figures);
        await push(figures);
      } catch (error) {
        stop(error);
      }
      await stop;
      state.subscribers.delete(push);
      if (state.subscribers.size === 0 && this.watched.get(key) === state) {
        this.clock.clearTimeout(state.timer);
        this.watched.delete(key);
      }
    });
  }

  private listen<K extends Topic>(topic: K, handle: (event: RaccordTopics[K]) => unknown): void {
    const iterator = this.events.subscribe([topic]);
    this.listeners.push(iterator);
    void (async () => {
      for await (const event of iterator) {
        try {
          // The mark that starts the stream: nothing was missed (the feed reads its figures itself).
          if (!isResync(event)) await handle(event.payload as RaccordTopics[K]);
        } catch (error) {
          this.logger.error(
            { err: error, topic },
            'dashboard: an event could not be applied; the next change refreshes the figures',
          );
        }
      }
    })();
  }

  private touch(keys: readonly string[]): void {
    for (const key of new Set(keys)) {
      this.readings.delete(key);
      const state = this.watched.get(key);
      if (!state) continue;
      state.dirty = true;
      this.schedule(key, state);
    }
  }

  private schedule(key: string, state: Watched): void {
    if (state.timer || state.computing || !state.dirty) return;
    const wait = Math.max(0, state.lastPushAt + dashboardPushIntervalMs - this.clock.now());
    state.timer = this.clock.setTimeout(() => void this.push(key, state), wait);
  }

  private async push(key: string, state: Watched): Promise<void> {
    state.timer = undefined;
    state.dirty = false;
    state.computing = true;
    state.lastPushAt = this.clock.now();
    try {
      const figures = await readDashboard(this.orm.em.fork(), key === '' ? null : key, new Date());
      const fingerprint = fingerprintOf(figures);
      if (fingerprint !== state.lastFingerprint) {
        state.lastFingerprint = fingerprint;
        for (const push of state.subscribers) push(figures);
      }
    } catch (error) {
      this.logger.error(
        { err: error, dashboard: key || 'national' },
        'dashboard: figures could not be read; retried at the next change',
      );
    } finally {
      state.computing = false;
      if (this.watched.get(key) === state) this.schedule(key, state);
    }
  }
}
