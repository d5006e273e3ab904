import type { Task } from 'graphile-worker';
import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { PoolClient } from 'pg';
import { Webhook } from 'standardwebhooks';
import { writeEventsWith } from '../../common/change-log.js';
import { webhookId } from './webhook.consumer.js';
import type { WebhookEndpointDisabledEvent } from './webhook.events.js';
import { isPrivateAddress, webhookSettings } from './webhook.settings.js';

/** How long an endpoint has to answer one attempt. */
export const deliveryTimeoutMs = 10_000;

/** What an attempt came to: the endpoint's HTTP status, or why it gave none. */
interface Outcome {
  readonly httpStatus: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/** A DNS lookup that refuses names resolving to an address outside the public Internet. */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...(options as LookupOptions), all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const refused = addresses.find((entry) => isPrivateAddress(entry.address));
    if (refused)
      return callback(
        Object.assign(new Error(`address not allowed: ${hostname} resolves to ${refused.address}`), {
          code: 'EADDRNOTALLOWED',
        }),
        '',
        0,
      );
    if ((options as LookupOptions).all)
      return (callback as never as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

/**
 * POSTs `body` to `url` with `headers`, redirects not followed (one counts as a failure): in
 * production the connection is refused when the host is, or resolves to, a private address.
 */
function post(url: string, body: string, headers: Record<string, string>): Promise<Outcome> {
  const started = performance.now();
  const done = (httpStatus: number | null, error: string | null): Outcome => ({
    httpStatus,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  const target = new URL(url);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  const allowPrivate = webhookSettings().allowPrivateAddresses;
  if (!allowPrivate && (isIP(host) ? isPrivateAddress(host) : host === 'localhost'))
    return Promise.resolve(done(null, `address not allowed: ${host}`));
  const options: RequestOptions = {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Raccord-Webhooks', ...headers },
    signal: AbortSignal.timeout(deliveryTimeoutMs),
    ...(allowPrivate ? {} : { lookup: publicOnlyLookup }),
  };
  return new Promise((resolve) => {
    const sent = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, options, (response) => {
      // Only the status counts: the body is drained and dropped, however long it is (the timeout ends it).
      response.resume();
      response.on('error', () => undefined);
      resolve(done(response.statusCode ?? null, null));
    });
    sent.on('error', (error: Error & { code?: string }) =>
      resolve(
        done(
          null,
          (error.name === 'AbortError' || error.name === 'TimeoutError' ? 'TIMEOUT' : error.message).slice(0, 500),
        ),
      ),
    );
    sent.end(body);
  });
}

/**
 * The `webhook-signature` header: the current secret's signature, and during a rotation the previous
 * secret's too, space-separated (Standard Webhooks), so a receiver holding either verifies it.
 */
export function signature(id: string, at: Date, body: string, secrets: readonly string[]): string {
  return secrets.map((secret) => new Webhook(secret).sign(id, at, body)).join(' ');
}

interface DeliveryRow {
  readonly endpoint_id: string;
  readonly event_position: string;
  readonly payload: Record<string, unknown>;
  readonly status: string;
  readonly url: string;
  readonly endpoint_status: string;
  readonly secret: string;
  readonly previous_secret: string | null;
  readonly previous_secret_expires_at: Date | null;
  readonly contractor_id: string | null;
  readonly created_by_id: string;
}

/** Runs `work` in one transaction on `client`. */
async function transaction<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const result = await work();
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * The job queue's task that sends one delivery (`{ deliveryId }`): POSTs its body, signed, records
 * the attempt, and throws when it failed so that the queue tries again later (see
 * `webhookMaxAttempts` for the schedule). An endpoint whose attempts have all failed for
 * WEBHOOK_DISABLE_AFTER_DAYS days is DISABLED, audited, logged and announced on the change log
 * (WEBHOOK_ENDPOINT_DISABLED, whose notification tells its owner); a delivery whose endpoint is
 * DISABLED or gone is not attempted. Reads and writes through graphile-worker's own connection: the
 * queue's tasks receive no EntityManager.
 */
export const deliverWebhook: Task = async (payload, helpers) => {
  const { deliveryId } = payload as { deliveryId: string };
  const { rows } = await helpers.query<DeliveryRow>(
    `select d.endpoint_id, d.event_position, d.payload, d.status, e.url, e.status as endpoint_status, e.secret,
            e.previous_secret, e.previous_secret_expires_at, e.contractor_id,
            e.created_by_id
       from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id where d.id = $1`,
    [deliveryId],
  );
  const delivery = rows[0];
  if (!delivery || delivery.status !== 'PENDING') return;
  if (delivery.endpoint_status !== 'ENABLED') {
    await helpers.query(
      `update webhook_delivery set status = 'FAILED', next_attempt_at = null where id = $1 and status = 'PENDING'`,
      [deliveryId],
    );
    return;
  }
  const attemptedAt = new Date();
  const id = webhookId(delivery.event_position);
  const body = JSON.stringify(delivery.payload);
  const secrets = [delivery.secret];
  if (
    delivery.previous_secret &&
    delivery.previous_secret_expires_at &&
    delivery.previous_secret_expires_at > attemptedAt
  )
    secrets.push(delivery.previous_secret);
  const outcome = await post(delivery.url, body, {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(attemptedAt.getTime() / 1000)),
    'webhook-signature': signature(id, attemptedAt, body, secrets),
  });
  const succeeded = outcome.httpStatus !== null && outcome.httpStatus >= 200 && outcome.httpStatus < 300;
  const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
  const disableAfterMs = webhookSettings().disableAfterDays * 24 * 3600_000;
  // graphile-worker's own backoff after this attempt (see webhookMaxAttempts).
  const retryAt = new Date(Date.now() + Math.exp(Math.min(helpers.job.attempts, 10)) * 1000);
  const disabled = await helpers.withPgClient((client) =>
    transaction(client, async () => {
      await client.query(
        `insert into webhook_attempt (delivery_id, attempted_at, http_status, error, duration_ms) values ($1, $2, $3, $4, $5)`,
        [deliveryId, attemptedAt, outcome.httpStatus, outcome.error, outcome.durationMs],
      );
      if (succeeded) {
        await client.query(
          `update webhook_delivery set status = 'SUCCEEDED', attempts = attempts + 1, last_attempt_at = $2, next_attempt_at = null where id = $1`,
          [deliveryId, attemptedAt],
        );
        await client.query(
          `update webhook_endpoint set failing_since = null where id = $1 and failing_since is not null`,
          [delivery.endpoint_id],
        );
        return false;
      }
      const { rows: failing } = await client.query<{ failing_since: Date }>(
        `update webhook_endpoint set failing_since = coalesce(failing_since, $2) where id = $1 and status = 'ENABLED' returning failing_since`,
        [delivery.endpoint_id, attemptedAt],
      );
      const since = failing[0]?.failing_since;
      const nowDisabled = since !== undefined && attemptedAt.getTime() - since.getTime() >= disableAfterMs;
      if (nowDisabled) {
        await client.query(
          `update webhook_endpoint set status = 'DISABLED', disabled_reason = 'FAILING', version = version + 1, updated_at = $2 where id = $1`,
          [delivery.endpoint_id, attemptedAt],
        );
        // Audited as the system, like the changes a person makes through the API.
        await client.query(
          `insert into audit_event (occurred_at, actor_type, actor_id, entity_type, entity_id, action, from_status, to_status, changes, reason, request_id)
           values ($1, 'SYSTEM', null, 'WEBHOOK_ENDPOINT', $2, 'TRANSITION', 'ENABLED', 'DISABLED', '[]', $3, $4)`,
          [
            attemptedAt,
            delivery.endpoint_id,
            `every delivery failed since ${since.toISOString()}`,
            `job-${helpers.job.id}`,
          ],
        );
        const disabledEvent: WebhookEndpointDisabledEvent = {
          endpointId: delivery.endpoint_id,
          url: delivery.url,
          contractorId: delivery.contractor_id,
          createdById: delivery.created_by_id,
          failingSince: since.toISOString(),
        };
        await writeEventsWith(client, [{ topic: 'WEBHOOK_ENDPOINT_DISABLED', payload: disabledEvent }], attemptedAt);
      }
      const givenUp = nowDisabled || lastAttempt;
      await client.query(
        `update webhook_delivery set status = $2, attempts = attempts + 1, last_attempt_at = $3, next_attempt_at = $4 where id = $1`,
        [deliveryId, givenUp ? 'FAILED' : 'PENDING', attemptedAt, givenUp ? null : retryAt],
      );
      return nowDisabled;
    }),
  );
  if (disabled)
    // For the operators: the owner hears of it from its notification.
    helpers.logger.error(
      `webhook endpoint ${delivery.endpoint_id} disabled: every delivery failed for ${webhookSettings().disableAfterDays} days`,
      { endpointId: delivery.endpoint_id, contractorId: delivery.contractor_id, url: delivery.url },
    );
  if (!succeeded && !disabled)
    throw new Error(
      `webhook delivery ${deliveryId} to ${delivery.url} failed: ${outcome.httpStatus ?? outcome.error ?? 'no answer'}`,
    );
};
