import { describe, expect, it } from 'vitest';
import { ConfigurationError, loadConfig } from './config.js';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('loadConfig', () => {
  it('gives every variable its documented default', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 4000,
      LOG_LEVEL: 'info',
      MIGRATE_ON_START: true,
      LOAD_REFERENCE_DATA_ON_START: true,
      LOAD_DEMO_DATA_ON_START: true,
      EMBEDDED_PG_PORT: 54329,
      DB_POOL_MAX: 10,
      SHUTDOWN_TIMEOUT_MS: 10_000,
      MAX_BODY_BYTES: 1024 * 1024,
      MAX_IMPORT_BODY_BYTES: 10 * 1024 * 1024,
      MAX_WS_MESSAGE_BYTES: 64 * 1024,
      DB_STATEMENT_TIMEOUT_MS: 15_000,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.EMBEDDED_PG_DIR).toMatch(/\.data\/postgres$/);
  });

  it('parses the values it is given, and treats empty strings as unset', () => {
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: 'postgresql://user:secret@db.example:5433/raccord',
      MIGRATE_ON_START: 'false',
      LOAD_REFERENCE_DATA_ON_START: '0',
      LOG_LEVEL: '',
      DB_POOL_MAX: '25',
    });
    expect(config).toMatchObject({
      PORT: 0,
      MIGRATE_ON_START: false,
      LOAD_REFERENCE_DATA_ON_START: false,
      LOG_LEVEL: 'info',
      DB_POOL_MAX: 25,
    });
  });

  it('names a bad PORT and why', () => {
    for (const port of ['abc', '-1', '65536', '80.5', '4000x']) {
      const problems = problemsOf({ PORT: port });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        new RegExp(`^PORT: must be a whole number from 0 to 65535 \\(got "${port.replace('.', '\\.')}"\\)$`),
      );
    }
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      NODE_ENV: 'staging',
      MIGRATE_ON_START: 'yes',
      DB_POOL_MAX: '0',
      EMBEDDED_PG_PORT: '0',
      DATABASE_URL: 'mysql://root@localhost/raccord',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
      ['DATABASE_URL', 'DB_POOL_MAX', 'EMBEDDED_PG_PORT', 'LOG_LEVEL', 'MIGRATE_ON_START', 'NODE_ENV', 'PORT'].sort(),
    );
    expect(new ConfigurationError(problems).message).toMatch(/^Invalid configuration:\n {2}- /);
  });

  it('refuses values past their bounds, which would break timers or the pool', () => {
    expect(problemsOf({ SHUTDOWN_TIMEOUT_MS: '2147483647' })[0]).toMatch(
      /^SHUTDOWN_TIMEOUT_MS: must be a whole number from 1 to 600000/,
    );
    expect(problemsOf({ DB_POOL_MAX: '99999999999999999999999' })[0]).toMatch(
      /^DB_POOL_MAX: must be a whole number from 1 to 1000/,
    );
    expect(problemsOf({ MAX_BODY_BYTES: '0' })[0]).toMatch(/^MAX_BODY_BYTES: /);
  });

  it('takes ADMIN_EMAIL and ADMIN_PASSWORD together, and requires AUTH_TOKEN_SECRET and INVOICE_BUYER in production', () => {
    expect(problemsOf({ ADMIN_EMAIL: 'admin@raccord.test' })).toEqual([
      'ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD go together (got (value hidden))',
    ]);
    expect(problemsOf({ ADMIN_EMAIL: 'admin@raccord.test', ADMIN_PASSWORD: 'short' })[0]).toBe(
      'ADMIN_PASSWORD: must be at least 12 characters (got (value hidden))',
    );
    expect(problemsOf({ NODE_ENV: 'production' }).map((problem) => problem.split(':')[0])).toEqual([
      'INVOICE_BUYER',
      'AUTH_TOKEN_SECRET',
    ]);
    expect(problemsOf({ AUTH_TOKEN_SECRET: 'too short' })[0]).toMatch(
      /^AUTH_TOKEN_SECRET: must be at least 32 characters .*\(got \(value hidden\)\)$/,
    );
  });

  it('reads the buyer printed on invoices from INVOICE_BUYER, and names what is missing', () => {
    const buyer = {
      name: 'Algérie Télécom',
      legalForm: 'SPA',
      address: 'Alger',
      rcNumber: '16/00-0000000B00',
      nif: '000016000000000',
      nis: '000016000000000',
      taxArticle: '16000000000',
    };
    expect(loadConfig({ INVOICE_BUYER: JSON.stringify(buyer) }).INVOICE_BUYER).toEqual({
      ...buyer,
      autoEntrepreneurCardNumber: null,
    });
    expect(problemsOf({ INVOICE_BUYER: JSON.stringify({ ...buyer, nif: '' }) })[0]).toMatch(/^INVOICE_BUYER: /);
    expect(problemsOf({ INVOICE_BUYER: '{not json' })[0]).toMatch(/^INVOICE_BUYER: must be JSON/);
  });

  it('reads the replicas from DATABASE_REPLICA_URLS, with DATABASE_URL only, and a metrics token of 32 characters at least', () => {
    const primary = 'postgres://raccord@db-primary:5432/raccord';
    const replicas =
      ' postgres://raccord:s3cret@db-replica-1:5432/raccord?application_name=raccord-replica , postgresql://raccord@db-replica-2/raccord';
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: replicas }).DATABASE_REPLICA_URLS).toEqual([
      'postgres://raccord:s3cret@db-replica-1:5432/raccord?application_name=raccord-replica',
      'postgresql://raccord@db-replica-2/raccord',
    ]);
    expect(loadConfig({}).DATABASE_REPLICA_URLS).toEqual([]);
    const [bad] = problemsOf({
      DATABASE_URL: primary,
      DATABASE_REPLICA_URLS: 'postgres://raccord:s3cret@db-replica-1/raccord,mysql://db',
    });
    expect(bad).toMatch(
      /^DATABASE_REPLICA_URLS: must be a comma-separated list of postgres:\/\/ or postgresql:\/\/ URLs/,
    );
    expect(bad).not.toContain('s3cret');
    expect(problemsOf({ DATABASE_REPLICA_URLS: replicas })[0]).toMatch(/^DATABASE_REPLICA_URLS: needs DATABASE_URL/);
    expect(loadConfig({ METRICS_TOKEN: 'a'.repeat(32) }).METRICS_TOKEN).toBe('a'.repeat(32));
    const [short] = problemsOf({ METRICS_TOKEN: 'short-token' });
    expect(short).toMatch(/^METRICS_TOKEN: must be 32 to 200 characters/);
    expect(short).not.toContain('short-token');
  });

  it('keeps photos on the local disk by default, and on S3 with a bucket and both keys or neither', () => {
    expect(loadConfig({})).toMatchObject({
      PHOTO_STORAGE: 'local',
      PHOTO_MAX_BYTES: 12 * 1024 * 1024,
      PHOTO_MAX_PER_REPORT: 10,
      S3_FORCE_PATH_STYLE: false,
    });
    expect(loadConfig({}).PHOTO_DIR).toMatch(/\.data\/photos$/);
    expect(
      loadConfig({
        PHOTO_STORAGE: 's3',
        S3_BUCKET: 'raccord-photos',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_FORCE_PATH_STYLE: 'true',
      }),
    ).toMatchObject({
      PHOTO_STORAGE: 's3',
      S3_BUCKET: 'raccord-photos',
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: true,
    });
    expect(
      problemsOf({ PHOTO_STORAGE: 'ftp', PHOTO_MAX_BYTES: '0', S3_BUCKET: 'Photos_2026', S3_ENDPOINT: 'minio:9000' })
        .map((problem) => problem.split(':')[0])
        .sort(),
    ).toEqual(['PHOTO_MAX_BYTES', 'PHOTO_STORAGE', 'S3_BUCKET', 'S3_ENDPOINT']);
    expect(problemsOf({ PHOTO_STORAGE: 's3' })).toEqual([
      'S3_BUCKET: is required with PHOTO_STORAGE=s3 (got undefined)',
    ]);
    expect(problemsOf({ S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' })).toEqual([
      'S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together (got (value hidden))',
    ]);
  });

  it('leaves SMS off by default, and takes SMS_URL and SMS_API_KEY together, never repeating them', () => {
    expect(loadConfig({}).SMS_URL).toBeUndefined();
    expect(loadConfig({ SMS_URL: 'https://sms.example.dz/send', SMS_API_KEY: 'k3y-of-the-gateway' })).toMatchObject({
      SMS_URL: 'https://sms.example.dz/send',
      SMS_API_KEY: 'k3y-of-the-gateway',
    });
    expect(problemsOf({ SMS_URL: 'https://sms.example.dz/send' })).toEqual([
      'SMS_API_KEY: SMS_URL and SMS_API_KEY go together (got (value hidden))',
    ]);
    expect(problemsOf({ SMS_URL: 'ftp://user:hunter2@sms.example.dz', SMS_API_KEY: 'a key with spaces' })).toEqual([
      'SMS_URL: must be an http:// or https:// URL (got (value hidden))',
      'SMS_API_KEY: must be 1 to 500 printable ASCII characters, without spaces (got (value hidden))',
    ]);
  });

  it('never repeats a database URL, which may hold a password', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://root:hunter2@localhost/raccord' });
    expect(problem).toContain('DATABASE_URL');
    expect(problem).not.toContain('hunter2');
  });
});
