import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mustQuery } from '../../server/test/api.js';
import { eventually } from '../../server/test/eventually.js';
import type { LoggedEvent } from '../../server/src/common/change-log.js';
import { InvoiceChange } from '../../server/src/modules/invoice/invoice.events.js';
import { webhookConsumer } from '../../server/src/modules/webhook/webhook.consumer.js';
import { browserTest } from './browser.js';

describe('webhooks in a real Chromium', () => {
  const run = browserTest();
  const received: IncomingHttpHeaders[] = [];
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      received.push(request.headers);
      response.writeHead(204).end();
    });
  });
  beforeAll(() => new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('lists an endpoint with its deliveries, and sends one again with the same webhook-id', async () => {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/raccord`;
    await mustQuery(
      run.t,
      'mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { secret } }',
      { input: { url, eventTypes: ['INVOICE_CHANGED'], description: 'ERP finance' } },
    );
    // The event as the change log hands it to its consumers.
    const event = {
      position: '4242',
      occurredAt: new Date(),
      topic: 'INVOICE_CHANGED',
      payload: {
        invoiceId: '1',
        contractorId: '1',
        change: InvoiceChange.APPROVED,
        wilayaCodes: ['16'],
        record: { id: '1', version: 3 },
        lines: [],
      },
      audience: ['contractor:1', 'wilaya:16', 'invoice:1'],
    } as LoggedEvent;
    await run.t.app.orm.em.fork().transactional((em) => webhookConsumer(em, [event]));
    await eventually(() => expect(received).toHaveLength(1));

    const page = await run.signIn('/webhooks');
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor({ timeout: 15_000 });
    const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: url });
    expect(await endpoint.innerText()).toContain('ERP finance');
    const row = endpoint.getByTestId('webhook-delivery').filter({ hasText: 'evt_4242' });
    await expect.poll(() => row.innerText()).toMatch(/evt_4242\s+Factures\s+Livrée\s+1\s+204/);
    await row.getByRole('button', { name: 'Renvoyer' }).click();
    await eventually(() => expect(received).toHaveLength(2));
    expect(received[1]!['webhook-id']).toBe('evt_4242');
    await page.reload();
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/Livrée\s+2\s+204/);
    await page.close();
  });
});
