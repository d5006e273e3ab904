/** One text message. */
export interface Sms {
  /** The mobile number, in E.164 ("+213550123456"). */
  readonly to: string;
  /** The message, one line. */
  readonly text: string;
  /** What identifies this message across retries: the gateway may drop a second request with the same key. */
  readonly idempotencyKey: string;
}

/** Sends text messages through an SMS gateway. */
export interface SmsSender {
  /** Resolves once the gateway accepted the message (a 2xx answer); rejects when it refused it, failed or could not be reached in time. */
  send(sms: Sms): Promise<void>;
}

/** How long the gateway has to answer one message before it counts as failed (and the job is tried again). */
export const smsTimeoutMs = 10_000;

/** Thrown when the gateway answers other than 2xx: its status and the start of its answer, for the job's log. */
export class SmsRefusedError extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`the SMS gateway answered ${status}${body ? `: ${body.slice(0, 200)}` : ''}`);
    this.name = 'SmsRefusedError';
  }
}

/**
 * The sender of the SMS gateway at `url` (SMS_URL), authenticated with `apiKey` (SMS_API_KEY); null
 * when no URL is set (SMS is off, the default).
 *
 * Each message is one request, which a small bridge to any provider can take:
 *
 * ```http
 * POST <SMS_URL>
 * Authorization: Bearer <SMS_API_KEY>
 * Content-Type: application/json
 * Idempotency-Key: <the notification's id, the same on every retry>
 *
 * {"to": "+213550123456", "text": "Raccord : Installation refusée : raccordement CMD-2026-000123 …"}
 * ```
 *
 * Any 2xx answer means sent (its body is not read). Another status, a network error or no answer
 * within `smsTimeoutMs` rejects, and the job queue tries again later: no message is lost to a
 * gateway that is down, and the Idempotency-Key lets the gateway drop a retry of one it already sent.
 */
export function createSmsSender(options: { url: string | undefined; apiKey: string | undefined }): SmsSender | null {
  const { url, apiKey } = options;
  if (!url) return null;
  return {
    async send(sms) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': sms.idempotencyKey,
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        },
        body: JSON.stringify({ to: sms.to, text: sms.text }),
        signal: AbortSignal.timeout(smsTimeoutMs),
      });
      const body = await response.text();
      if (!response.ok) throw new SmsRefusedError(response.status, body);
    },
  };
}
