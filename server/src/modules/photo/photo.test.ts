import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeContractor,
  createCustomerSubscription,
  mustQuery,
  scheduledCustomerSubscription,
} from '../../../test/api.js';
import { signIn, startTestApp, type TestApp } from '../../../test/harness.js';
import { DomainError } from '../../common/errors.js';
import type { Context } from '../../context.js';
import { createContext } from '../auth/operation-context.js';
import { CustomerSubscription } from '../customer-subscription/customer-subscription.entity.js';
import { attachPhotos } from './photo.service.js';

/**
 * Photos as real files, on each store: the local disk, and S3 as served by an s3rver this file
 * starts on a free port of 127.0.0.1 with a temporary folder (nothing reaches the internet). The same
 * tests run against both.
 */

interface StoreUnderTest {
  readonly env: Record<string, string>;
  /** Every key (or file path under the folder) the store holds. */
  objects(): Promise<string[]>;
  stop(): Promise<void>;
}

async function localStore(): Promise<StoreUnderTest> {
  const directory = await mkdtemp(join(tmpdir(), 'raccord-photos-'));
  return {
    env: { PHOTO_STORAGE: 'local', PHOTO_DIR: directory },
    objects: async () => {
      const entries = await readdir(directory, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1))
        .sort();
    },
    stop: () => rm(directory, { recursive: true, force: true }),
  };
}

async function s3Store(): Promise<StoreUnderTest> {
  const directory = await mkdtemp(join(tmpdir(), 'raccord-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  await client.send(new CreateBucketCommand({ Bucket: 'raccord-photos' }));
  return {
    env: {
      PHOTO_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_BUCKET: 'raccord-photos',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    objects: async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: 'raccord-photos' }));
      return (listed.Contents ?? []).map((object) => object.Key!).sort();
    },
    stop: async () => {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A solid-colour image of `width` × `height` in `format`. */
function image(
  width: number,
  height: number,
  format: 'jpeg' | 'png' | 'webp' | 'gif' | 'avif',
  colour = '#c03020',
): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .toFormat(format)
    .toBuffer();
}

const maxBytes = 1024 * 1024;
const maxPixels = 4_000_000;

describe.each([
  ['the local disk', localStore],
  ['S3 (s3rver)', s3Store],
])('photos stored on %s', (_name, makeStore) => {
  let store: StoreUnderTest;
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const as = (who: string) => (who === 'admin' ? t.adminToken : tokens[who]!);

  async function user(role: string, extra: Record<string, unknown>): Promise<string> {
    const email = `${role.toLowerCase()}-${randomUUID()}@raccord.test`;
    await mustQuery(t, 'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }', {
      input: { email, displayName: role, role, password: 'photo test password', ...extra },
    });
    return signIn(t.url, email, 'photo test password');
  }

  /** PUTs a photo as `who` (a name of `tokens`, 'admin', or null for nobody) with `fields` and `file`. */
  async function upload(
    id: string,
    fields: Record<string, string>,
    file: Buffer | null,
    who: string | null = 'contractorA',
  ): Promise<{ status: number; body: Record<string, any> }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    if (file) form.append('file', new Blob([file]), 'photo');
    const response = await fetch(`${t.url}/photos/${id}`, {
      method: 'PUT',
      body: form,
      headers: who ? { authorization: `Bearer ${as(who)}` } : {},
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  async function download(path: string, who: string | null = 'contractorA'): Promise<Response> {
    return fetch(`${t.url}${path}`, { headers: who ? { authorization: `Bearer ${as(who)}` } : {} });
  }

  const fieldsFor = (subscription: string, extra: Record<string, string> = {}) => ({
    customerSubscriptionId: ids[subscription]!,
    kind: 'PBO',
    takenAt: new Date(Date.now() - 60_000).toISOString(),
    latitude: '36.7538',
    longitude: '3.0588',
    accuracyMetres: '8.5',
    ...extra,
  });

  async function written(): Promise<{ rows: number; objects: string[] }> {
    const [row] = await t.sql<{ count: number }>('select count(*)::int as count from photo');
    return { rows: row!.count, objects: await store.objects() };
  }

  beforeAll(async () => {
    store = await makeStore();
    t = await startTestApp({
      ...store.env,
      PHOTO_MAX_BYTES: String(maxBytes),
      PHOTO_MAX_PIXELS: String(maxPixels),
      PHOTO_MAX_PER_REPORT: '3',
    });
    const firmA = await activeContractor(t);
    const firmB = await activeContractor(t);
    ids['csA'] = await scheduledCustomerSubscription(t, firmA.id);
    ids['csA2'] = await scheduledCustomerSubscription(t, firmA.id);
    ids['csB'] = await scheduledCustomerSubscription(t, firmB.id);
    ids['pending'] = (await createCustomerSubscription(t)).id;
    tokens['contractorA'] = await user('CONTRACTOR', { contractorId: firmA.id });
    tokens['contractorB'] = await user('CONTRACTOR', { contractorId: firmB.id });
    tokens['viewer'] = await user('VIEWER', {});
    tokens['dotOran'] = await user('DOT_MANAGER', { wilayaCodes: ['31'] });
  });
  afterAll(async () => {
    await t?.stop();
    await store?.stop();
  });

  it('stores an upload (201), serves it and its thumbnail to whoever may see the work, and answers the same upload sent again with 200, storing nothing twice', async () => {
    const before = await written();
    const id = randomUUID();
    const bytes = await image(1200, 900, 'jpeg');
    const fields = fieldsFor('csA');
    const first = await upload(id, fields, bytes);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({
      photo: {
        id,
        kind: 'PBO',
        takenAt: fields.takenAt,
        latitude: 36.7538,
        longitude: 3.0588,
        accuracyMetres: 8.5,
        contentType: 'image/jpeg',
        byteSize: expect.any(Number),
        width: 1200,
        height: 900,
        url: `/photos/${id}`,
        thumbnailUrl: `/photos/${id}/thumbnail`,
      },
    });
    const after = await written();
    expect(after.rows).toBe(before.rows + 1);
    expect(after.objects.length).toBe(before.objects.length + 2);

    const again = await upload(id, fields, bytes);
    expect(again).toEqual({ status: 200, body: first.body });
    expect(await written()).toEqual(after);

    for (const who of ['contractorA', 'admin']) {
      const served = await download(`/photos/${id}`, who);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      expect(served.headers.get('cache-control')).toBe('private, max-age=86400, immutable');
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      const served_bytes = Buffer.from(await served.arrayBuffer());
      expect(served_bytes.length).toBe(first.body['photo'].byteSize);
      expect(Number(served.headers.get('content-length'))).toBe(served_bytes.length);
      expect(await sharp(served_bytes).metadata()).toMatchObject({ format: 'jpeg', width: 1200, height: 900 });
    }
    const thumbnail = await download(`/photos/${id}/thumbnail`);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect(thumbnail.headers.get('cache-control')).toBe('private, max-age=86400, immutable');
    expect(await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).toMatchObject({
      format: 'webp',
      width: 320,
      height: 240,
    });

    const [row] = await t.sql<Record<string, unknown>>('select * from photo where id = $1', [id]);
    expect(row).toMatchObject({
      customer_subscription_id: ids['csA'],
      kind: 'PBO',
      report_id: null,
      attached_at: null,
      content_type: 'image/jpeg',
    });
    expect(row!['contractor_id']).not.toBeNull();
    expect(row!['uploaded_by_id']).not.toBeNull();
  });

  it('stores a camera-sized photo at most 2,560 pixels on its longest side', async () => {
    const answer = await upload(randomUUID(), fieldsFor('csA'), await image(3000, 1000, 'jpeg'));
    expect(answer.status).toBe(201);
    expect(answer.body['photo']).toMatchObject({ width: 2560, height: 853 });
  });

  it('refuses the same id with other bytes or for other work (409), writing nothing', async () => {
    const id = randomUUID();
    expect((await upload(id, fieldsFor('csA'), await image(300, 200, 'jpeg'))).status).toBe(201);
    const before = await written();
    for (const [fields, bytes] of [
      [fieldsFor('csA'), await image(300, 200, 'jpeg', '#2040c0')],
      [fieldsFor('csA2'), await image(300, 200, 'jpeg')],
    ] as const) {
      const answer = await upload(id, fields, bytes);
      expect(answer.status).toBe(409);
      expect(answer.body).toEqual({
        errors: [{ message: expect.stringMatching(/^id: /), extensions: { code: 'CONFLICT', field: 'id' } }],
      });
    }
    expect(await written()).toEqual(before);
  });

  it('stores once an upload sent twice at the same time: one 201, one 200, one row, one image and one thumbnail', async () => {
    const before = await written();
    const id = randomUUID();
    const bytes = await image(800, 600, 'jpeg', '#30a050');
    const answers = await Promise.all([upload(id, fieldsFor('csA'), bytes), upload(id, fieldsFor('csA'), bytes)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 201]);
    expect(answers[0]!.body).toEqual(answers[1]!.body);
    const after = await written();
    expect(after.rows).toBe(before.rows + 1);
    expect(after.objects.length).toBe(before.objects.length + 2);
  });

  it('stores the image upright as its EXIF orientation says, with no metadata at all (no GPS, no camera)', async () => {
    const exifJpeg = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#808080' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: 'Samsung', Model: 'Galaxy A54' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '36/1 45/1 13/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '3/1 3/1 31/1',
        },
      })
      .toBuffer();
    const sent = await sharp(exifJpeg).metadata();
    expect(sent.orientation).toBe(6);
    expect(sent.exif?.toString('latin1')).toContain('Samsung');

    const id = randomUUID();
    const answer = await upload(id, fieldsFor('csA', { kind: 'PTO' }), exifJpeg);
    expect(answer.status).toBe(201);
    expect(answer.body['photo']).toMatchObject({ width: 200, height: 400 });
    const stored = Buffer.from(await (await download(`/photos/${id}`)).arrayBuffer());
    const metadata = await sharp(stored).metadata();
    expect(metadata).toMatchObject({ width: 200, height: 400 });
    expect(metadata.orientation).toBeUndefined();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.icc).toBeUndefined();
    expect(stored.includes('Samsung')).toBe(false);
    expect(stored.includes('Exif')).toBe(false);
    const thumbnail = await sharp(
      Buffer.from(await (await download(`/photos/${id}/thumbnail`)).arrayBuffer()),
    ).metadata();
    expect(thumbnail).toMatchObject({ format: 'webp', width: 160, height: 320 });
    expect(thumbnail.exif).toBeUndefined();
  });

  it('keeps PNG and WebP as they came, stores HEIF as JPEG, and never enlarges a small thumbnail', async () => {
    for (const [format, contentType] of [
      ['png', 'image/png'],
      ['webp', 'image/webp'],
      ['avif', 'image/jpeg'],
    ] as const) {
      const id = randomUUID();
      const answer = await upload(id, fieldsFor('csA', { kind: 'OTHER' }), await image(200, 100, format));
      expect(answer.status).toBe(201);
      expect(answer.body['photo']).toMatchObject({ contentType, width: 200, height: 100 });
      const served = await download(`/photos/${id}`);
      expect(served.headers.get('content-type')).toBe(contentType);
      expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe(
        contentType.slice('image/'.length),
      );
      const thumbnail = await sharp(
        Buffer.from(await (await download(`/photos/${id}/thumbnail`)).arrayBuffer()),
      ).metadata();
      expect(thumbnail).toMatchObject({ format: 'webp', width: 200, height: 100 });
    }
  });

  it('refuses each bad upload with a coded error and its HTTP status, writing nothing', async () => {
    const jpeg = await image(300, 200, 'jpeg');
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
      Buffer.alloc(200, 7),
    ]);
    const cases: [
      string,
      { who?: string | null; id?: string; fields?: Record<string, string>; file?: Buffer | null },
      number,
      string,
      string | undefined,
    ][] = [
      ['anonymous', { who: null }, 401, 'UNAUTHENTICATED', undefined],
      ['a VIEWER', { who: 'viewer' }, 403, 'FORBIDDEN', undefined],
      ['an id that is not a UUID', { id: 'photo-1' }, 400, 'BAD_USER_INPUT', 'id'],
      ['no file', { file: null }, 400, 'BAD_USER_INPUT', 'file'],
      ['an empty file', { file: Buffer.alloc(0) }, 400, 'BAD_USER_INPUT', 'file'],
      ['a file over PHOTO_MAX_BYTES', { file: Buffer.alloc(maxBytes + 1, 1) }, 413, 'PHOTO_TOO_LARGE', 'file'],
      ['text', { file: Buffer.from('PBO photo, honest') }, 415, 'PHOTO_NOT_AN_IMAGE', 'file'],
      ['a GIF', { file: await image(30, 20, 'gif') }, 415, 'PHOTO_NOT_AN_IMAGE', 'file'],
      ['half a JPEG', { file: jpeg.subarray(0, jpeg.length / 2) }, 415, 'PHOTO_NOT_AN_IMAGE', 'file'],
      ['a HEIC this build cannot decode', { file: heic }, 415, 'PHOTO_HEIC_UNSUPPORTED', 'file'],
      ['over PHOTO_MAX_PIXELS', { file: await image(2100, 2000, 'png') }, 413, 'PHOTO_TOO_MANY_PIXELS', 'file'],
      ['no kind', { fields: { kind: '' } }, 400, 'BAD_USER_INPUT', 'kind'],
      ['an unknown kind', { fields: { kind: 'SELFIE' } }, 400, 'BAD_USER_INPUT', 'kind'],
      ['takenAt not ISO 8601', { fields: { takenAt: '02/11/2026 08:30' } }, 400, 'BAD_USER_INPUT', 'takenAt'],
      [
        'takenAt in the future',
        { fields: { takenAt: new Date(Date.now() + 3_600_000).toISOString() } },
        400,
        'BAD_USER_INPUT',
        'takenAt',
      ],
      ['a latitude without longitude', { fields: { longitude: '' } }, 400, 'BAD_USER_INPUT', 'longitude'],
      [
        'a position in Paris',
        { fields: { latitude: '48.8566', longitude: '2.3522' } },
        400,
        'BAD_USER_INPUT',
        'latitude',
      ],
      ['a negative accuracy', { fields: { accuracyMetres: '-3' } }, 400, 'BAD_USER_INPUT', 'accuracyMetres'],
      ['an unknown field', { fields: { comment: 'hello' } }, 400, 'BAD_USER_INPUT', 'comment'],
      [
        'a malformed customer subscription id',
        { fields: { customerSubscriptionId: 'abc' } },
        400,
        'BAD_USER_INPUT',
        'customerSubscriptionId',
      ],
      [
        'a missing customer subscription',
        { fields: { customerSubscriptionId: '987654321' } },
        404,
        'NOT_FOUND',
        'customerSubscriptionId',
      ],
      [
        "another firm's work",
        { fields: { customerSubscriptionId: ids['csB']! } },
        404,
        'NOT_FOUND',
        'customerSubscriptionId',
      ],
      ['a DOT manager (uploads are the field’s)', { who: 'dotOran' }, 403, 'FORBIDDEN', undefined],
      [
        'work not open for the field (PENDING)',
        { who: 'admin', fields: { customerSubscriptionId: ids['pending']! } },
        409,
        'INVALID_TRANSITION',
        undefined,
      ],
    ];
    const before = await written();
    for (const [what, given, status, code, field] of cases) {
      const answer = await upload(
        given.id ?? randomUUID(),
        { ...fieldsFor('csA'), ...given.fields },
        given.file === undefined ? jpeg : given.file,
        given.who === undefined ? 'contractorA' : given.who,
      );
      expect({
        what,
        status: answer.status,
        code: answer.body['errors']?.[0]?.extensions?.code,
        field: answer.body['errors']?.[0]?.extensions?.field,
      }).toEqual({ what, status, code, field });
      expect(answer.body).toEqual({
        errors: [{ message: expect.any(String), extensions: expect.objectContaining({ code }) }],
      });
    }
    expect(await written()).toEqual(before);
  });

  it("answers another firm's work as a missing one, on upload and on download", async () => {
    const missingId = '987654321';
    const other = await upload(randomUUID(), fieldsFor('csB'), await image(300, 200, 'jpeg'));
    const missing = await upload(
      randomUUID(),
      { ...fieldsFor('csB'), customerSubscriptionId: missingId },
      await image(300, 200, 'jpeg'),
    );
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body).replaceAll(ids['csB']!, missingId)).toBe(JSON.stringify(missing.body));

    const id = randomUUID();
    expect((await upload(id, fieldsFor('csB'), await image(300, 200, 'jpeg'), 'contractorB')).status).toBe(201);
    expect((await download(`/photos/${id}`, 'contractorB')).status).toBe(200);
    for (const suffix of ['', '/thumbnail']) {
      const answers = await Promise.all(
        [
          download(`/photos/${id}${suffix}`, 'contractorA'),
          download(`/photos/${id}${suffix}`, 'dotOran'),
          download(`/photos/${randomUUID()}${suffix}`, 'contractorA'),
          download(`/photos/not-a-uuid${suffix}`, 'contractorA'),
        ].map(async (response) => ({
          status: (await response).status,
          type: (await response).headers.get('content-type'),
          body: await (await response).text(),
        })),
      );
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      expect(answers[0]!.status).toBe(404);
      expect(JSON.parse(answers[0]!.body)).toEqual({
        errors: [{ message: 'No such photo, or none you may see', extensions: { code: 'NOT_FOUND', field: 'id' } }],
      });
    }
    expect((await download(`/photos/${id}`, null)).status).toBe(401);
  });

  it('removes the stored image and thumbnail when the row cannot be written', async () => {
    const before = await written();
    await t.sql("alter table photo add constraint photo_test_refuses_other check (kind <> 'OTHER') not valid");
    try {
      const answer = await upload(randomUUID(), fieldsFor('csA', { kind: 'OTHER' }), await image(300, 200, 'jpeg'));
      expect(answer.status).toBe(500);
      expect(answer.body['errors'][0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.sql('alter table photo drop constraint photo_test_refuses_other');
    }
    expect(await written()).toEqual(before);
  });

  it('attaches uploaded photos to a report or a failure once, in the caller’s transaction, and checks every id', async () => {
    const uploaded: string[] = [];
    for (const kind of ['PBO', 'PTO', 'POWER_METER', 'ONT']) {
      const id = randomUUID();
      expect((await upload(id, fieldsFor('csA2', { kind }), await image(120, 80, 'jpeg'))).status).toBe(201);
      uploaded.push(id);
    }
    const elsewhere = randomUUID();
    expect((await upload(elsewhere, fieldsFor('csA'), await image(120, 80, 'jpeg'))).status).toBe(201);
    const context = (): Context =>
      createContext(t.app.orm, `attach-${randomUUID()}`, pino({ level: 'silent' }), {
        settings: {
          qualityThresholds: {},
          retentionPercent: '5',
          paymentTermsDays: 30,
          buyer: {} as never,
          photos: { maxBytes, maxPixels, maxPerReport: 3 },
        } as never,
      });
    const attach = async (photoIds: string[]) => {
      const c = context();
      return c.em.transactional(async (em) =>
        attachPhotos(em as never, c, await em.findOneOrFail(CustomerSubscription, ids['csA2']!), photoIds, null),
      );
    };
    const refusal = (photoIds: string[]) =>
      attach(photoIds).then(
        () => null,
        (error: unknown) =>
          error instanceof DomainError ? { code: error.extensions['code'], field: error.extensions['field'] } : error,
      );

    expect(await refusal(uploaded)).toEqual({ code: 'BAD_USER_INPUT', field: 'photoIds' });
    expect(await refusal([uploaded[0]!, 'not-a-uuid'])).toEqual({ code: 'BAD_USER_INPUT', field: 'photoIds.1' });
    expect(await refusal([uploaded[0]!, uploaded[0]!])).toEqual({ code: 'BAD_USER_INPUT', field: 'photoIds.1' });
    expect(await refusal([uploaded[0]!, elsewhere])).toEqual({ code: 'NOT_FOUND', field: 'photoIds.1' });
    expect(await refusal([randomUUID()])).toEqual({ code: 'NOT_FOUND', field: 'photoIds.0' });
    const [attachedBefore] = await t.sql<{ count: number }>(
      'select count(*)::int as count from photo where attached_at is not null',
    );
    expect(attachedBefore!.count).toBe(0);

    const attached = await attach([uploaded[1]!, uploaded[0]!]);
    expect(attached.map((photo) => photo.id)).toEqual([uploaded[1], uploaded[0]]);
    const rows = await t.sql<{ id: string; attached_at: Date | null }>(
      'select id, attached_at from photo where customer_subscription_id = $1 order by attached_at nulls last',
      [ids['csA2']],
    );
    expect(
      rows
        .filter((row) => row.attached_at !== null)
        .map((row) => row.id)
        .sort(),
    ).toEqual([uploaded[0], uploaded[1]].sort());
    expect(await refusal([uploaded[2]!, uploaded[0]!])).toEqual({ code: 'BAD_USER_INPUT', field: 'photoIds.1' });

    const loaded = await context().loaders.photos.byCustomerSubscription.loadMany([ids['csA2']!, '987654321']);
    expect((loaded[0] as { id: string }[]).map((photo) => photo.id).sort()).toEqual([...uploaded].sort());
    expect(loaded[1]).toEqual([]);
  });
});
