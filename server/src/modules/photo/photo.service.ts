import {
  LockMode,
  ref,
  UniqueConstraintViolationException,
  type EntityManager,
  type FilterQuery,
} from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { badUserInput, DomainError, ErrorCode, invalidTransition, notFound } from '../../common/errors.js';
import { now } from '../../common/time.js';
import { parseInput, recordId } from '../../common/validation.js';
import type { Context } from '../../context.js';
import { viewerContractorId, workScope } from '../auth/scope.js';
import {
  CustomerSubscription,
  CustomerSubscriptionStatus,
} from '../customer-subscription/customer-subscription.entity.js';
import type { InstallationReport } from '../customer-subscription/installation-report.entity.js';
import { processPhoto } from './photo-image.js';
import { defaultPhotoLimits, type PhotoLimits } from './photo-limits.js';
import { Photo, PhotoKind } from './photo.entity.js';
import type { PhotoStore } from './photo.store.js';

/**
 * The photos the viewer may see: photos of work it may see (`workScope`) and, for a firm's users and
 * keys, only those its own firm took — a photo stays with the firm that took it when the work moves
 * to another firm.
 */
export function visiblePhotos(context: Context): FilterQuery<Photo> {
  const work = workScope(context);
  const firm = viewerContractorId(context);
  return {
    ...(Object.keys(work).length > 0 ? { customerSubscription: work } : {}),
    ...(firm !== null ? { contractor: firm } : {}),
  };
}

/** Of `photos` (of work the viewer may see), those it may see: a firm's own (see `visiblePhotos`). */
export function ownPhotos(context: Context, photos: readonly Photo[]): Photo[] {
  const firm = viewerContractorId(context);
  return firm === null ? [...photos] : photos.filter((photo) => photo.contractor?.id === firm);
}

/** The photo limits in force: the configuration's, or the defaults in scripts. */
export function photoLimitsOf(context: Context): PhotoLimits {
  return context.settings?.photos ?? defaultPhotoLimits;
}

/** How far ahead of the server's clock a phone's clock may run: a photo "taken" later than this is refused. */
const clockSlackMs = 5 * 60_000;

/** The statuses in which the work is still done in the field, so photos of it may be added. */
const openForFieldWork: readonly CustomerSubscriptionStatus[] = [
  CustomerSubscriptionStatus.ASSIGNED,
  CustomerSubscriptionStatus.SCHEDULED,
  CustomerSubscriptionStatus.REJECTED,
];

const photoId = z
  .uuid({ error: 'must be a UUID such as "3f2a5c1e-8b4d-4f6a-9c2e-1d7b8a9e0f12"' })
  .transform((id) => id.toLowerCase());

const decimalDegrees = z
  .string()
  .trim()
  .regex(/^-?\d{1,3}(\.\d{1,15})?$/, { error: 'must be a decimal number such as "36.7538"' })
  .transform(Number);

/** The text fields of a photo upload (multipart/form-data: every value is a string). */
const uploadFieldsSchema = z
  .object({
    customerSubscriptionId: recordId,
    kind: z.enum(PhotoKind),
    takenAt: z.iso
      .datetime({ offset: true, error: 'must be a date and time in ISO 8601, e.g. 2026-11-02T08:30:00Z' })
      .transform((text) => new Date(text)),
    latitude: decimalDegrees
      .pipe(
        z
          .number()
          .min(18.9, { error: 'must be within Algeria (18.9 to 37.2)' })
          .max(37.2, { error: 'must be within Algeria (18.9 to 37.2)' }),
      )
      .optional(),
    longitude: decimalDegrees
      .pipe(
        z
          .number()
          .min(-8.7, { error: 'must be within Algeria (−8.7 to 12.0)' })
          .max(12.0, { error: 'must be within Algeria (−8.7 to 12.0)' }),
      )
      .optional(),
    accuracyMetres: z
      .string()
      .trim()
      .regex(/^\d{1,6}(\.\d{1,3})?$/, { error: 'must be a distance in metres from 0, such as "12.5"' })
      .transform(Number)
      .optional(),
  })
  .superRefine((fields, context) => {
    if ((fields.latitude === undefined) !== (fields.longitude === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [fields.latitude === undefined ? 'latitude' : 'longitude'],
        message: 'give both coordinates or neither',
      });
    }
  });

const uploadFieldNames = ['file', ...Object.keys(uploadFieldsSchema.shape)];

/** A photo upload as the transport received it. */
export interface PhotoUpload {
  /** The id the client chose (the path's `:id`). */
  readonly id: string;
  /** The text fields, as sent (blank ones count as absent). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The file's bytes; null when the upload carries no file. */
  readonly bytes: Buffer | null;
}

/** What `uploadPhoto` did: `created` is false when the same upload had been stored already. */
export interface UploadedPhoto {
  readonly photo: Photo;
  readonly created: boolean;
}

/** The refusal of an upload larger than `maxBytes`. */
export function photoTooLarge(maxBytes: number): DomainError {
  return new DomainError(ErrorCode.PHOTO_TOO_LARGE, `file: must be at most ${maxBytes} bytes (PHOTO_MAX_BYTES)`, {
    field: 'file',
    maxBytes,
  });
}

/** The id as the store and the database hold it, or throws BAD_USER_INPUT on field `id`. */
function parsePhotoId(id: string): string {
  return parseInput(photoId, id, 'id');
}

/** SHA-256 (hex) of `bytes`, hashed in libuv's thread pool (WebCrypto), not on the event loop. */
async function sha256Of(bytes: Buffer): Promise<string> {
  return Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
}

/** The same upload sent again (same bytes, same work), or a refusal when the id holds another. */
function sameUploadOrConflict(existing: Photo, subscriptionId: string, sha256: string): UploadedPhoto {
  if (existing.uploadSha256 === sha256 && existing.customerSubscription.id === subscriptionId)
    return { photo: existing, created: false };
  throw new DomainError(
    ErrorCode.CONFLICT,
    'id: a photo with this id was already uploaded with other bytes or for other work: upload this one under a new id',
    {
      field: 'id',
    },
  );
}

/**
 * Stores a photo of the work under the id the client chose: checks the fields and the file, then
 * that the customer subscription is one the viewer may see (another firm's answers as a missing one)
 * and still worked in the field (ASSIGNED, SCHEDULED or REJECTED); re-encodes the image without its
 * metadata, stores it and its thumbnail, and records the row. The same id sent again with the same
 * bytes for the same work returns the photo stored the first time, storing nothing; with other bytes
 * it is a CONFLICT. Nothing is left in the store when the row cannot be written.
 * @throws DomainError BAD_USER_INPUT, NOT_FOUND (field `customerSubscriptionId`), CONFLICT (field `id`),
 * INVALID_TRANSITION, PHOTO_TOO_LARGE, PHOTO_TOO_MANY_PIXELS, PHOTO_NOT_AN_IMAGE, PHOTO_HEIC_UNSUPPORTED
 */
export async function uploadPhoto(context: Context, store: PhotoStore, upload: PhotoUpload): Promise<UploadedPhoto> {
  const limits = photoLimitsOf(context);
  const id = parsePhotoId(upload.id);
  const unknown = Object.keys(upload.fields).find((name) => !uploadFieldNames.includes(name));
  if (unknown !== undefined)
    throw badUserInput(
      unknown.slice(0, 50),
      `is not a field of a photo upload (the fields are ${uploadFieldNames.join(', ')})`,
    );
  const given = Object.fromEntries(Object.entries(upload.fields).filter(([, value]) => value !== ''));
  const fields = parseInput(uploadFieldsSchema, given);
  if (fields.takenAt.getTime() > now(context).getTime() + clockSlackMs)
    throw badUserInput('takenAt', 'must not be in the future');
  const bytes = upload.bytes;
  if (!bytes) throw badUserInput('file', 'is required');
  if (bytes.length === 0) throw badUserInput('file', 'must not be empty');
  if (bytes.length > limits.maxBytes) throw photoTooLarge(limits.maxBytes);
  const sha256 = await sha256Of(bytes);

  const em = context.em.fork();
  const subscription = await em.findOne(CustomerSubscription, {
    id: fields.customerSubscriptionId,
    ...workScope(context),
  });
  if (!subscription) throw notFound('customerSubscriptionId', 'customer subscription', fields.customerSubscriptionId);
  const existing = await em.findOne(Photo, id);
  if (existing) return sameUploadOrConflict(existing, subscription.id, sha256);
  if (!openForFieldWork.includes(subscription.status))
    throw invalidTransition('customer subscription', 'add a photo to', subscription.status, openForFieldWork);
  if (fields.takenAt.getTime() < subscription.orderedAt.getTime())
    throw badUserInput('takenAt', 'must not be before the order was taken: the photo cannot show this work');

  const processed = await processPhoto(bytes, limits.maxPixels);
  // A key of this attempt's own: a concurrent upload of the same id never overwrites or removes it.
  const base = `${id.slice(0, 2)}/${id}.${randomBytes(6).toString('hex')}`;
  const storageKey = `${base}.${processed.image.extension}`;
  const thumbnailKey = `${base}.thumbnail.${processed.thumbnail.extension}`;
  const removeObjects = async () => {
    const removals = await Promise.allSettled([store.delete(storageKey), store.delete(thumbnailKey)]);
    for (const removal of removals)
      if (removal.status === 'rejected')
        context.logger.error(
          { err: removal.reason, storageKey, thumbnailKey },
          'photo: an object could not be removed from the store',
        );
  };
  const stored = await Promise.allSettled([
    store.put(storageKey, processed.image.bytes, processed.image.contentType),
    store.put(thumbnailKey, processed.thumbnail.bytes, processed.thumbnail.contentType),
  ]);
  const failed = stored.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await removeObjects();
    throw failed.reason;
  }

  const photo = em.create(Photo, {
    id,
    customerSubscription: subscription,
    contractor: subscription.contractor,
    uploadedBy: context.viewer?.kind === 'user' ? context.viewer.user.id : null,
    kind: fields.kind,
    takenAt: fields.takenAt,
    latitude: fields.latitude ?? null,
    longitude: fields.longitude ?? null,
    accuracyMetres: fields.accuracyMetres ?? null,
    contentType: processed.image.contentType,
    byteSize: processed.image.bytes.length,
    width: processed.image.width,
    height: processed.image.height,
    uploadSha256: sha256,
    storageKey,
    thumbnailKey,
    createdAt: now(context),
  });
  try {
    await em.flush();
  } catch (error) {
    await removeObjects();
    if (error instanceof UniqueConstraintViolationException) {
      // The same id uploaded meanwhile by a concurrent request: answer as if it had come first.
      const winner = await context.em.fork().findOne(Photo, id);
      if (winner) return sameUploadOrConflict(winner, subscription.id, sha256);
    }
    throw error;
  }
  return { photo, created: true };
}

/** A photo the viewer may see (`visiblePhotos`); null otherwise, or for an id that is not a UUID. */
export async function findVisiblePhoto(context: Context, id: string): Promise<Photo | null> {
  const parsed = photoId.safeParse(id);
  if (!parsed.success) return null;
  return context.em.findOne(Photo, { $and: [{ id: parsed.data }, visiblePhotos(context)] });
}

/** Path of a photo's image on the API's HTTP server. */
export function photoUrl(photo: Photo): string {
  return `/photos/${photo.id}`;
}

/** Path of a photo's thumbnail on the API's HTTP server. */
export function thumbnailUrl(photo: Photo): string {
  return `/photos/${photo.id}/thumbnail`;
}

/** A photo as the upload route answers it. */
export function photoBody(photo: Photo): Record<string, unknown> {
  return {
    id: photo.id,
    kind: photo.kind,
    takenAt: photo.takenAt.toISOString(),
    latitude: photo.latitude,
    longitude: photo.longitude,
    accuracyMetres: photo.accuracyMetres,
    contentType: photo.contentType,
    byteSize: photo.byteSize,
    width: photo.width,
    height: photo.height,
    url: photoUrl(photo),
    thumbnailUrl: thumbnailUrl(photo),
  };
}

/**
 * Attaches uploaded photos to an installation report (or, with `report` null, to a failure of the
 * work), in the caller's transaction (`em`): each id a UUID named once, of a photo of this customer
 * subscription taken by the firm the work is assigned to (another work's, or another firm's taken
 * before the work moved, answers as a missing one), not attached yet, at most PHOTO_MAX_PER_REPORT
 * of them. The rows are locked until the caller commits, so that no photo is attached twice.
 * @returns the photos in the order of `photoIds`
 * @throws DomainError BAD_USER_INPUT (field `photoIds` or `photoIds.<i>`), NOT_FOUND (field `photoIds.<i>`)
 */
export async function attachPhotos(
  em: EntityManager,
  context: Context,
  subscription: CustomerSubscription,
  photoIds: readonly string[],
  report: InstallationReport | null,
): Promise<Photo[]> {
  const { maxPerReport } = photoLimitsOf(context);
  if (photoIds.length > maxPerReport) throw badUserInput('photoIds', `must hold at most ${maxPerReport} photos`);
  const ids = photoIds.map((id, index) => parseInput(photoId, id, `photoIds.${index}`));
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) throw badUserInput(`photoIds.${index}`, 'must name each photo once');
  });
  if (ids.length === 0) return [];
  const found = await em.find(
    Photo,
    { id: { $in: ids }, customerSubscription: subscription.id, contractor: subscription.contractor?.id ?? null },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  const byId = new Map(found.map((photo) => [photo.id, photo]));
  const attachedAt = now(context);
  return ids.map((id, index) => {
    const photo = byId.get(id);
    if (!photo) throw notFound(`photoIds.${index}`, 'photo', id);
    if (photo.attachedAt) throw badUserInput(`photoIds.${index}`, 'is attached to a report or a failure already');
    photo.report = report ? ref(report) : null;
    photo.attachedAt = attachedAt;
    return photo;
  });
}
