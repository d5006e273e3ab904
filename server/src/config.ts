import { join } from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './common/client-address.js';
import { defaultIdempotencyKeyTtlHours } from './common/idempotency.js';
import { projectRoot } from './common/paths.js';
import { calendarDate } from './common/validation.js';
import { defaultRolloutDeadline } from './modules/dashboard/rollout-projection.js';
import { defaultPositionToleranceMetres } from './modules/customer-subscription/field-checks.js';
import { qualityThresholdsSchema } from './modules/customer-subscription/installation-quality.js';
import { partyIdentitySchema } from './modules/invoice/invoice-document.js';
import { defaultPhotoLimits } from './modules/photo/photo-limits.js';
import { defaultWebhookSettings } from './modules/webhook/webhook.settings.js';

const booleanString = z
  .enum(['true', 'false', '1', '0'], { error: 'must be "true" or "false" (or 1 / 0)' })
  .transform((value) => value === 'true' || value === '1');

const portNumber = z
  .string()
  .regex(/^\d+$/, { error: 'must be a whole number from 0 to 65535' })
  .transform(Number)
  .refine((port) => port <= 65535, { error: 'must be a whole number from 0 to 65535' });

const positiveInteger = (what: string, max: number) =>
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/, { error: `must be a whole number from 1 to ${max} (${what})` })
    .transform(Number)
    .refine((value) => value <= max, { error: `must be a whole number from 1 to ${max} (${what})` });

/**
 * Every environment variable Raccord reads, described once. `.env.example` documents the same list;
 * `describeConfiguration()` prints it. Values are strings in the environment and are parsed here.
 */
const environmentSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { error: 'must be development, production or test' })
    .default('development'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  DATABASE_REPLICA_URLS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.url({
          protocol: /^postgres(ql)?$/,
          error: 'must be a comma-separated list of postgres:// or postgresql:// URLs',
        }),
      ),
    )
    .default([]),
  HOST: z.string().min(1, { error: 'must not be empty' }).default('127.0.0.1'),
  PORT: portNumber.default(4000),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  MIGRATE_ON_START: booleanString.default(true),
  LOAD_REFERENCE_DATA_ON_START: booleanString.default(true),
  LOAD_DEMO_DATA_ON_START: booleanString.default(true),
  EMBEDDED_PG_DIR: z
    .string()
    .min(1, { error: 'must not be empty' })
    .default(join(projectRoot, '.data', 'postgres')),
  EMBEDDED_PG_PORT: portNumber.refine((port) => port > 0, { error: 'must be from 1 to 65535' }).default(54329),
  DB_POOL_MAX: positiveInteger('connections in the pool', 1000).default(10),
  SHUTDOWN_TIMEOUT_MS: positiveInteger('milliseconds', 600_000).default(10_000),
  MAX_BODY_BYTES: positiveInteger('bytes', 100 * 1024 * 1024).default(1024 * 1024),
  MAX_IMPORT_BODY_BYTES: positiveInteger('bytes', 100 * 1024 * 1024).default(10 * 1024 * 1024),
  MAX_WS_MESSAGE_BYTES: positiveInteger('bytes', 100 * 1024 * 1024).default(64 * 1024),
  DB_STATEMENT_TIMEOUT_MS: positiveInteger('milliseconds', 3_600_000).default(15_000),
  AUTH_TOKEN_SECRET: z
    .string()
    .min(32, { error: 'must be at least 32 characters (e.g. openssl rand -base64 48)' })
    .optional(),
  AUTH_TOKEN_TTL_MINUTES: positiveInteger('minutes', 10_080).default(480),
  PASSWORD_RESET_TTL_MINUTES: positiveInteger('minutes', 1440).default(60),
  QUALITY_THRESHOLDS: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({
          code: 'custom',
          message:
            'must be JSON such as {"B_PLUS":{"minReceivedPowerDbm":"-27","maxReceivedPowerDbm":"-8","maxSpliceLossDb":"0.1"}}',
        });
        return z.NEVER;
      }
    })
    .pipe(qualityThresholdsSchema)
    .optional(),
  RETENTION_PERCENT: z
    .string()
    .regex(/^\d{1,2}(\.\d{1,2})?$/, { error: 'must be a percentage from 0 to 99.99, such as "5"' })
    .default('5'),
  PAYMENT_TERMS_DAYS: positiveInteger('days from the date of issue to the due date', 365).default(30),
  CHANGE_LOG_RETENTION_DAYS: positiveInteger('days the change log keeps an event', 3650).default(90),
  IDEMPOTENCY_KEY_TTL_HOURS: positiveInteger('hours an idempotency key is kept', 8760).default(
    defaultIdempotencyKeyTtlHours,
  ),
  INVOICE_BUYER: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({
          code: 'custom',
          message: 'must be JSON with name, legalForm, address, rcNumber, nif, nis and taxArticle',
        });
        return z.NEVER;
      }
    })
    .pipe(partyIdentitySchema)
    .optional(),
  WS_SESSION_CHECK_SECONDS: positiveInteger('seconds', 3600).default(30),
  FIELD_POSITION_TOLERANCE_METRES: positiveInteger('metres', 100_000).default(defaultPositionToleranceMetres),
  DASHBOARD_QUERY_MAX_AGE_MS: z
    .string()
    .regex(/^\d{1,5}$/, { error: 'must be a whole number of milliseconds from 0 to 60000' })
    .transform(Number)
    .refine((value) => value <= 60_000, { error: 'must be a whole number of milliseconds from 0 to 60000' })
    .default(1000),
  ROLLOUT_DEADLINE: calendarDate.default(defaultRolloutDeadline),
  ALLOWED_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must be a comma-separated list of http(s) origins' })))
    .default([]),
  TRUST_PROXY: z
    .string()
    .transform((text, context): TrustProxy => {
      try {
        return parseTrustProxy(text);
      } catch (error) {
        context.addIssue({
          code: 'custom',
          message: `must be a number of proxies or a comma-separated list of addresses and subnets: ${(error as Error).message}`,
        });
        return z.NEVER;
      }
    })
    .optional(),
  METRICS_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9._~+/=-]{32,200}$/, {
      error: 'must be 32 to 200 characters of A-Z a-z 0-9 . _ ~ + / = - (e.g. openssl rand -base64 48)',
    })
    .optional(),
  DEBUG_METRICS: booleanString.default(false),
  PHOTO_STORAGE: z.enum(['local', 's3'], { error: 'must be local or s3' }).default('local'),
  PHOTO_DIR: z
    .string()
    .min(1, { error: 'must not be empty' })
    .default(join(projectRoot, '.data', 'photos')),
  PHOTO_MAX_BYTES: positiveInteger('bytes', 100 * 1024 * 1024).default(defaultPhotoLimits.maxBytes),
  PHOTO_MAX_PIXELS: positiveInteger('pixels', 268_402_689).default(defaultPhotoLimits.maxPixels),
  PHOTO_MAX_PER_REPORT: positiveInteger('photos', 100).default(defaultPhotoLimits.maxPerReport),
  WEBHOOK_DISABLE_AFTER_DAYS: positiveInteger('days', 365).default(defaultWebhookSettings.disableAfterDays),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{1,50}$/, { error: 'must be a region name such as eu-west-3 (a-z, 0-9, -)' })
    .default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      error: 'must be a bucket name: 3 to 63 of a-z 0-9 . -, starting and ending with a letter or digit',
    })
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1, { error: 'must not be empty' }).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1, { error: 'must not be empty' }).optional(),
  S3_FORCE_PATH_STYLE: booleanString.default(false),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z
    .string()
    .regex(/^[^\r\n]{1,200}$/, {
      error: 'must be one line of at most 200 characters, e.g. Raccord <raccord@example.dz>',
    })
    .refine((value) => /@/.test(value), { error: 'must hold an e-mail address, e.g. Raccord <raccord@example.dz>' })
    .default('Raccord <no-reply@raccord.invalid>'),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  SMS_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  SMS_API_KEY: z
    .string()
    .regex(/^[\x21-\x7E]{1,500}$/, { error: 'must be 1 to 500 printable ASCII characters, without spaces' })
    .optional(),
  ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
  ADMIN_PASSWORD: z
    .string()
    .min(12, { error: 'must be at least 12 characters' })
    .max(200, { error: 'must be at most 200 characters' })
    .optional(),
});

/** Rules across variables, checked after each is valid on its own. */
const configurationSchema = environmentSchema.superRefine((config, context) => {
  if ((config.ADMIN_EMAIL === undefined) !== (config.ADMIN_PASSWORD === undefined)) {
    context.addIssue({
      code: 'custom',
      path: [config.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
      message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together',
    });
  }
  if (config.NODE_ENV === 'production' && !config.INVOICE_BUYER) {
    context.addIssue({
      code: 'custom',
      path: ['INVOICE_BUYER'],
      message: "is required in production: the buyer's identity printed on every invoice (décret exécutif 05-468)",
    });
  }
  if (config.DATABASE_REPLICA_URLS.length > 0 && !config.DATABASE_URL) {
    context.addIssue({
      code: 'custom',
      path: ['DATABASE_REPLICA_URLS'],
      message: 'needs DATABASE_URL: read replicas serve a database of your own, not the embedded one',
    });
  }
  if (config.PHOTO_STORAGE === 's3' && !config.S3_BUCKET) {
    context.addIssue({ code: 'custom', path: ['S3_BUCKET'], message: 'is required with PHOTO_STORAGE=s3' });
  }
  if ((config.S3_ACCESS_KEY_ID === undefined) !== (config.S3_SECRET_ACCESS_KEY === undefined)) {
    context.addIssue({
      code: 'custom',
      path: [config.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID'],
      message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
    });
  }
  if ((config.SMS_URL === undefined) !== (config.SMS_API_KEY === undefined)) {
    context.addIssue({
      code: 'custom',
      path: [config.SMS_URL ? 'SMS_API_KEY' : 'SMS_URL'],
      message: 'SMS_URL and SMS_API_KEY go together',
    });
  }
  if (config.NODE_ENV === 'production' && !config.AUTH_TOKEN_SECRET) {
    context.addIssue({
      code: 'custom',
      path: ['AUTH_TOKEN_SECRET'],
      message: 'is required in production (at least 32 characters)',
    });
  }
});

/** The validated configuration the app runs with. Durations in milliseconds unless named otherwise. */
export type Config = z.infer<typeof environmentSchema>;

/** Thrown by `loadConfig` with every invalid variable listed, one per line, in `message`. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/**
 * Reads and validates the configuration from `env` (default `process.env`). Empty strings count as
 * unset, so `PORT=` falls back to the default.
 *
 * @throws ConfigurationError naming every bad variable, why it is bad and the value received.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant: Record<string, string> = {};
  for (const key of Object.keys(environmentSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') relevant[key] = value;
  }
  const parsed = configurationSchema.safeParse(relevant);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const variable = String(issue.path[0]);
    const received = relevant[variable];
    const shown = [
      'DATABASE_URL',
      'DATABASE_REPLICA_URLS',
      'AUTH_TOKEN_SECRET',
      'ADMIN_PASSWORD',
      'METRICS_TOKEN',
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
      'SMTP_URL',
      'SMS_URL',
      'SMS_API_KEY',
    ].includes(variable)
      ? '(value hidden)'
      : JSON.stringify(received);
    return `${variable}: ${issue.message} (got ${shown})`;
  });
  throw new ConfigurationError(problems);
}
