import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { committedEvents, createEventBus, InvoiceChange, resync, type PendingEvent } from './events.js';
import { createLogger } from './logger.js';

function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  return { logger: createLogger('info', destination), lines };
}

describe('committedEvents', () => {
  it('reads each payload after the commit, and logs and leaves out one that cannot be read', () => {
    const { logger, lines } = capturingLogger();
    const pending: PendingEvent[] = [
      { topic: 'INVOICE_CHANGED', payload: () => ({ invoiceId: '1', contractorId: '2', change: InvoiceChange.SUBMITTED }) },
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
      { topic: 'SITE_CHANGED', payload: { siteId: '9', contractorId: null, wilayaCode: '16', change: 'CREATED' as never, previousStatus: null } },
      { topic: 'INVOICE_CHANGED', payload: { invoiceId: '1', contractorId: '2', change: InvoiceChange.LINE_ADDED } },
      { topic: 'INVOICE_CHANGED', payload: { invoiceId: '1', contractorId: '2', change: InvoiceChange.SUBMITTED } },
    ]);
    expect((await invoices.next()).value).toMatchObject({ change: 'LINE_ADDED' });
    expect((await invoices.next()).value).toMatchObject({ change: 'SUBMITTED' });
    await invoices.return?.();
    await bus.close();
  });
});
