import type express from 'express';
import multer from 'multer';
import { pipeline } from 'node:stream/promises';
import { badUserInput, DomainError, ErrorCode } from '../../common/errors.js';
import type { HttpRoutes, RequestContext } from '../../transport/application.js';
import { answerRefusal } from '../../transport/errors.js';
import { requireOperationAccess } from '../auth/permissions.js';
import type { PhotoLimits } from './photo-limits.js';
import { findVisiblePhoto, photoBody, photoTooLarge, photoUrl, uploadPhoto } from './photo.service.js';
import type { PhotoStore } from './photo.store.js';

/** Longest text field of an upload, in bytes: the longest value, an ISO 8601 time, is under 40. */
const maxFieldBytes = 200;

/** The refusal for what multer (or busboy under it) could not read. */
function uploadError(error: unknown, limits: PhotoLimits): DomainError {
  if (error instanceof multer.MulterError) {
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return photoTooLarge(limits.maxBytes);
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return badUserInput(error.field ?? 'file', 'an upload carries one file, in the field "file"');
      case 'LIMIT_FIELD_VALUE':
        return badUserInput(error.field ?? 'file', `must be at most ${maxFieldBytes} bytes`);
      default:
        return new DomainError(ErrorCode.BAD_REQUEST, `The upload has too many parts or fields (${error.code})`);
    }
  }
  return new DomainError(ErrorCode.BAD_REQUEST, 'The upload could not be read as multipart/form-data');
}

const photoPath = '/photos/:id';
const thumbnailPath = '/photos/:id/thumbnail';

/**
 * The photo routes, with the same Authorization header as the API (errors in GraphQL's error shape):
 * - `PUT /photos/:id`: uploads a photo of the work under the UUID the client chose (multipart/form-data:
 *   the image in `file`, and `customerSubscriptionId`, `kind`, `takenAt`, optional `latitude` with
 *   `longitude`, and `accuracyMetres`); 201 with `{ photo }` when stored, 200 with the same when this
 *   very upload was stored already (`uploadPhoto`). The viewer is authenticated and allowed
 *   (`Http.uploadPhoto`) before the body is read.
 * - `GET /photos/:id` and `GET /photos/:id/thumbnail`: the image and its WebP thumbnail (`Http.photo`),
 *   only of work the viewer may see; another firm's photo answers exactly like a missing one (404).
 */
export function photoRoutes(store: PhotoStore, limits: PhotoLimits): HttpRoutes {
  return {
    paths: [photoPath, thumbnailPath],
    mount: (router, contextOf) => mountPhotoRoutes(router, contextOf, store, limits),
  };
}

/** Mounts the photo routes on `router` (see `photoRoutes`). */
function mountPhotoRoutes(
  router: express.Router,
  contextOf: RequestContext,
  store: PhotoStore,
  limits: PhotoLimits,
): void {
  const readUpload = multer({
    storage: multer.memoryStorage(),
    limits: {
      files: 1,
      fileSize: limits.maxBytes,
      fields: 10,
      fieldSize: maxFieldBytes,
      fieldNameSize: 50,
      parts: 11,
      headerPairs: 20,
    },
  }).single('file');

  router.put(photoPath, async (request: express.Request<{ id: string }>, response, next) => {
    try {
      const context = await contextOf(request);
      requireOperationAccess(context, 'Http', 'uploadPhoto');
      if (!request.is('multipart/form-data')) {
        throw new DomainError(
          ErrorCode.BAD_REQUEST,
          'Send the photo as multipart/form-data, the image in the field "file"',
        );
      }
      await new Promise<void>((resolve, reject) => {
        readUpload(request, response, (error: unknown) => (error ? reject(uploadError(error, limits)) : resolve()));
      });
      const { photo, created } = await uploadPhoto(context, store, {
        id: request.params.id,
        fields: (request.body ?? {}) as Record<string, unknown>,
        bytes: request.file?.buffer ?? null,
      });
      if (created) response.status(201).setHeader('Location', photoUrl(photo));
      response.setHeader('Cache-Control', 'no-store').json({ photo: photoBody(photo) });
    } catch (error) {
      answerRefusal(error, response, next);
    }
  });

  const download =
    (what: 'image' | 'thumbnail'): express.RequestHandler<{ id: string }> =>
    async (request, response, next) => {
      try {
        const context = await contextOf(request);
        requireOperationAccess(context, 'Http', 'photo');
        const photo = await findVisiblePhoto(context, request.params.id);
        // Without the id: another firm's photo, a missing one and a malformed id answer the very same bytes.
        if (!photo) throw new DomainError(ErrorCode.NOT_FOUND, 'No such photo, or none you may see', { field: 'id' });
        const key = what === 'image' ? photo.storageKey : photo.thumbnailKey;
        const object = await store.get(key);
        if (!object) throw new Error(`Photo ${photo.id}: no object "${key}" in the photo store`);
        response
          .status(200)
          .type(what === 'image' ? photo.contentType : 'image/webp')
          .setHeader('Cache-Control', 'private, max-age=86400, immutable')
          .setHeader('X-Content-Type-Options', 'nosniff');
        if (object.byteSize !== null) response.setHeader('Content-Length', String(object.byteSize));
        try {
          await pipeline(object.body, response);
        } catch (error) {
          // The client went away, or the store broke off: the response is cut short, nothing more to say.
          request.log.warn({ err: error, photoId: photo.id }, 'photo download interrupted');
        }
      } catch (error) {
        answerRefusal(error, response, next);
      }
    };
  router.get(photoPath, download('image'));
  router.get(thumbnailPath, download('thumbnail'));
}
