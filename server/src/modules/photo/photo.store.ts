import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { Config } from '../../config.js';

/** An object read back from the photo store. */
export interface StoredObject {
  readonly body: Readable;
  /** Size in bytes, when the store tells it. */
  readonly byteSize: number | null;
}

/**
 * Where photos' bytes live, by key (e.g. `3f/3f2a….jpg`): the local disk or S3-compatible object
 * storage. Keys are made by the photo service and never reused for other bytes.
 */
export interface PhotoStore {
  /** What the store is, for the logs. */
  readonly description: string;
  /** Stores `bytes` under `key`, replacing nothing the service still refers to. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object under `key`, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object under `key`; nothing happens when there is none. */
  delete(key: string): Promise<void>;
}

/** Keys the service makes: two-character folder, then a file name of letters, digits, `.` and `-`. */
const keyPattern = /^[0-9a-f]{2}\/[0-9a-z.-]{1,150}$/;

/** Photos as files under `root` (PHOTO_DIR), one folder per first two characters of the id. */
export class LocalPhotoStore implements PhotoStore {
  readonly description: string;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.description = `local disk (${this.root})`;
  }

  private pathOf(key: string): string {
    if (!keyPattern.test(key)) throw new Error(`Not a photo store key: ${JSON.stringify(key)}`);
    return join(this.root, ...key.split('/'));
  }

  /** Written to a temporary file first, then renamed: a reader never sees half a file. */
  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.part`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    const path = this.pathOf(key);
    try {
      const { size } = await stat(path);
      return { body: createReadStream(path), byteSize: size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** What the S3 store needs to reach its bucket. */
export interface S3PhotoStoreOptions {
  /** Endpoint of an S3-compatible service (MinIO, Ceph, …); unset for AWS itself. */
  readonly endpoint?: string;
  readonly region: string;
  readonly bucket: string;
  /** Unset: the SDK's usual sources (environment, shared files, instance role). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Bucket in the path (`https://host/bucket/key`) rather than in the host name: most S3-compatible services want it. */
  readonly forcePathStyle: boolean;
}

/** Photos as objects in an S3 bucket, through the AWS SDK's S3 client. */
export class S3PhotoStore implements PhotoStore {
  readonly description: string;
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3PhotoStoreOptions) {
    this.bucket = options.bucket;
    this.description = `S3 bucket ${options.bucket}${options.endpoint ? ` at ${options.endpoint}` : ''}`;
    this.client = new S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
      // Checksums only where S3 requires them: not every S3-compatible service knows the newer checksum headers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: contentType,
        ContentLength: bytes.length,
      }),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return { body: object.Body as Readable, byteSize: object.ContentLength ?? null };
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

/** The photo store the configuration names (PHOTO_STORAGE): the local disk under PHOTO_DIR, or S3. */
export function createPhotoStore(config: Config): PhotoStore {
  if (config.PHOTO_STORAGE === 'local') return new LocalPhotoStore(config.PHOTO_DIR);
  return new S3PhotoStore({
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
    region: config.S3_REGION,
    bucket: config.S3_BUCKET!,
    ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } }
      : {}),
    forcePathStyle: config.S3_FORCE_PATH_STYLE,
  });
}
