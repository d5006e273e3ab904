import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeContractor, installedCustomerSubscription, mustQuery } from '../../test/api.js';
import { eventually } from '../../test/eventually.js';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { subscribe } from '../../test/live.js';
import { maxOperationLabels, Metrics } from './metrics.js';

const token = 'metrics-token-of-the-test-0123456789abcdef';

/** The value of the sample `name{labels…}` in a Prometheus text exposition (labels in any order, others allowed); undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:][a-z0-9_:]*)(?:\{(.*)\})? (\S+)$/i.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(t: TestApp, authorization = `Bearer ${token}`): Promise<{ status: number; text: string }> {
  const response = await fetch(`${t.url}/metrics`, { headers: authorization ? { authorization } : {} });
  return { status: response.status, text: await response.text() };
}

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: token });
  });
  afterAll(() => t?.stop());

  it('is not served without METRICS_TOKEN, and refuses a scraper without the token', async () => {
    const closed = await startTestApp();
    try {
      const { status, text } = await scrape(closed);
      expect(status).toBe(404);
      expect(text).not.toContain('raccord_');
    } finally {
      await closed.stop();
    }
    for (const authorization of [
      '',
      'Bearer wrong-token-wrong-token-wrong-token',
      `Basic ${token}`,
      `Bearer ${token}x`,
    ]) {
      const refused = await scrape(t, authorization);
      expect(refused.status).toBe(401);
      expect(refused.text).not.toContain('raccord_');
    }
  });

  it('shows requests by operation name, errors by code, the database, WebSockets, events, acceptances, invoices, the month close and the event loop, and the figures move', async () => {
    const firm = await activeContractor(t);
    const installed = await installedCustomerSubscription(t, firm.id);
    const live = await subscribe(t.url, `Bearer ${t.adminToken}`, 'subscription { invoiceChanged { change } }');
    const first = await scrape(t);
    expect(first.status).toBe(200);
    const named = { route: '/graphql', operation: 'Wilayas', type: 'query', status: '200' };
    const before = sample(first.text, 'raccord_http_request_duration_seconds_count', named) ?? 0;

    await mustQuery(t, 'query Wilayas { wilayas { code } }');
    await mustQuery(t, 'query Wilayas { wilayas { code } }');
    const bad = await t.graphql('query Broken { contractor(id: "abc") { id } }');
    expect(bad.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    await mustQuery(
      t,
      'mutation ($id: ID!) { acceptInstallation(input: { id: $id, expectedVersion: 4 }) { customerSubscription { status } } }',
      { id: installed },
    );
    const [draft] = await t.sql<{ id: string; version: number }>(
      'select id, version from invoice where contractor_id = $1',
      [firm.id],
    );
    await mustQuery(
      t,
      'mutation ($id: ID!, $v: Int!) { submitInvoice(input: { id: $id, expectedVersion: $v }) { invoice { status } } }',
      { id: draft!.id, v: draft!.version },
    );
    expect(await live.waitFor(3)).toBe(3);

    const { text } = await scrape(t);
    expect(sample(text, 'raccord_http_request_duration_seconds_count', named)).toBe(before + 2);
    expect(sample(text, 'raccord_http_request_duration_seconds_count', { operation: 'Broken', type: 'query' })).toBe(1);
    // The raw query is never a label.
    expect(text).not.toContain('wilayas { code }');
    expect(
      sample(text, 'raccord_graphql_errors_total', { code: 'BAD_USER_INPUT', transport: 'http' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'raccord_db_query_duration_seconds_count', { pool: 'primary' })).toBeGreaterThan(10);
    expect(sample(text, 'raccord_db_pool_max', { pool: 'primary' })).toBe(10);
    expect(sample(text, 'raccord_db_pool_used', { pool: 'primary' })).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'raccord_db_pool_waiting', { pool: 'primary' })).toBe(0);
    expect(sample(text, 'raccord_websocket_connections')).toBe(1);
    expect(sample(text, 'raccord_websocket_operations')).toBe(1);
    expect(sample(text, 'raccord_events_published_total', { topic: 'INVOICE_CHANGED' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'raccord_change_log_listening')).toBe(1);
    expect(sample(text, 'raccord_acceptances_total')).toBe(1);
    expect(sample(text, 'raccord_invoice_transitions_total', { change: 'SUBMITTED' })).toBe(1);
    expect(sample(text, 'raccord_month_close_runs_total', { outcome: 'ok' })).toBe(1);
    expect(sample(text, 'raccord_month_close_last_success_timestamp_seconds')).toBeGreaterThan(
      Date.now() / 1000 - 3600,
    );
    expect(sample(text, 'raccord_invoices_overdue')).toBe(0);
    expect(sample(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
    expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);

    await live.close();
    // The server counts the socket out once it sees it close.
    const after = await eventually(async () => {
      const scraped = await scrape(t);
      expect(sample(scraped.text, 'raccord_websocket_connections')).toBe(0);
      return scraped;
    });
    expect(
      sample(after.text, 'raccord_http_request_duration_seconds_count', { route: '/metrics', status: '200' }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("counts the modules' routes (documents, photos) under their paths, never under an id", async () => {
    const photoId = '5d9c3e1a-8f2b-4c6d-9e0f-424242424242';
    const routes: Record<string, string> = {
      '/invoices/:id/pdf': '/invoices/424242/pdf',
      '/credit-notes/:id/pdf': '/credit-notes/424242/pdf',
      '/photos/:id': `/photos/${photoId}`,
      '/photos/:id/thumbnail': `/photos/${photoId}/thumbnail`,
    };
    for (const path of Object.values(routes)) expect((await fetch(`${t.url}${path}`)).status).toBe(401);
    const { text } = await scrape(t);
    for (const route of Object.keys(routes)) {
      expect(sample(text, 'raccord_http_request_duration_seconds_count', { route, status: '401' })).toBe(1);
    }
    expect(text).not.toContain('424242');
  });

  it(`keeps at most ${maxOperationLabels} operation names as labels, the rest counted as other`, () => {
    const metrics = new Metrics();
    const labels = Array.from({ length: maxOperationLabels + 5 }, (_, index) =>
      metrics.operationLabel(`Operation${index}`),
    );
    expect(new Set(labels).size).toBe(maxOperationLabels + 1);
    expect(labels.at(-1)).toBe('other');
    expect(metrics.operationLabel('Operation0')).toBe('Operation0');
    expect(metrics.operationLabel(null)).toBe('anonymous');
  });
});
