import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { committedEvents, createEventBus, resync, subscriberBacklogLimit, type PendingEvent } from './events.js';
import { InvoiceChange } from '../modules/invoice/invoice.events.js';
import { createLogger } from './logger.js';

function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger('info', destination), lines };
}

describe('committedEvents', () => {
  it('reads each payload after the commit, and logs and leaves out one that cannot be read', () => {
    const { logger, lines } = capturingLogger();
    const pending: PendingEvent[] = [
      {
        topic: 'INVOICE_CHANGED',
        payload: () => ({ invoiceId: '1', contractorId: '2', change: InvoiceChange.SUBMITTED }),
      },
      {
        topic: 'SITE_CHANGED',
        payload: () => {
          throw new TypeError("Cannot read properties of undefined (reading 'code')");
        },
      },
      { topic: 'FIGURES_CHANGED', payload: () => ({ wilayaCodes: ['16'] }) },
    ];
    expect(committedEvents(pending, logger)).toEqual([
      { topic: 'INVOICE_CHANGED', payload: { invoiceId: '1', contractorId: '2', change: 'SUBMITTED' } },
      { topic: 'FIGURES_CHANGED', payload: { wilayaCodes: ['16'] } },
    ]);
    expect(lines.filter((line) => String(line['msg']).startsWith('event lost'))).toHaveLength(1);
  });
});

describe('the in-memory event bus', () => {
  it('starts each subscription with a RESYNC mark, then gives the events of its topic in order', async () => {
    const { logger } = capturingLogger();
    const bus = createEventBus({ logger });
    const invoices = bus.subscribe('INVOICE_CHANGED');
    expect((await invoices.next()).value).toBe(resync);
    bus.publish([
      {
        topic: 'SITE_CHANGED',
        payload: {
          siteId: '9',
          contractorId: null,
          wilayaCode: '16',
          change: 'CREATED' as never,
          previousStatus: null,
          previousContractorId: null,
          previousWilayaCode: null,
        },
      },
      { topic: 'INVOICE_CHANGED', payload: { invoiceId: '1', contractorId: '2', change: InvoiceChange.LINE_ADDED } },
      { topic: 'INVOICE_CHANGED', payload: { invoiceId: '1', contractorId: '2', change: InvoiceChange.SUBMITTED } },
    ]);
    expect((await invoices.next()).value).toMatchObject({ change: 'LINE_ADDED' });
    expect((await invoices.next()).value).toMatchObject({ change: 'SUBMITTED' });
    await invoices.return?.();
    await bus.close();
  });

  it('keeps a stalled subscriber to a bounded backlog: the events past it are dropped for one RESYNC mark, then flow again', async () => {
    const { logger } = capturingLogger();
    const bus = createEventBus({ logger });
    const stalled = bus.subscribe('INVOICE_CHANGED');
    expect((await stalled.next()).value).toBe(resync);
    const burst = Array.from({ length: 1500 }, (_, index) => ({
      topic: 'INVOICE_CHANGED' as const,
      payload: { invoiceId: String(index + 1), contractorId: '2', change: InvoiceChange.LINE_ADDED },
    }));
    bus.publish(burst);
    // The in-memory bus hands the burst on within this turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    const read: string[] = [];
    for (let value = (await stalled.next()).value; value !== resync; value = (await stalled.next()).value)
      read.push((value as { invoiceId: string }).invoiceId);
    // The backlog, plus the one event already handed on to the reader in waiting (the merge with the Resync marks).
    expect(read.length).toBeGreaterThanOrEqual(subscriberBacklogLimit);
    expect(read.length).toBeLessThanOrEqual(subscriberBacklogLimit + 2);
    expect(read).toEqual(Array.from({ length: read.length }, (_, index) => String(index + 1)));
    bus.publish([
      { topic: 'INVOICE_CHANGED', payload: { invoiceId: 'after', contractorId: '2', change: InvoiceChange.SUBMITTED } },
    ]);
    expect((await stalled.next()).value).toMatchObject({ invoiceId: 'after' });
    await stalled.return?.();
  });
});
