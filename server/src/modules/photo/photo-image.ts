import sharp, { type Metadata, type Sharp } from 'sharp';
import { DomainError, ErrorCode } from '../../common/errors.js';

/** An encoded image ready for the photo store. */
export interface EncodedImage {
  readonly bytes: Buffer;
  readonly contentType: string;
  /** File name extension of the content type, without the dot. */
  readonly extension: string;
  readonly width: number;
  readonly height: number;
}

/** A photo as it is stored: the image and its thumbnail, both without any metadata. */
export interface ProcessedPhoto {
  readonly image: EncodedImage;
  readonly thumbnail: EncodedImage;
}

/** Longest side of a thumbnail, in pixels. */
export const thumbnailSize = 320;

/**
 * Longest side of a stored photo, in pixels: a power meter's screen and a PTO's label stay readable,
 * and a year of the roll-out (a million connections, three or four photos each) takes about a fifth of
 * the room a phone camera's 12-megapixel originals would.
 */
export const storedSize = 2560;

/** Brands of an ISO base media file (`ftyp` box) that mean HEVC-coded HEIF: HEIC, what iPhones take. */
const heicBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);

/** Whether the bytes are a HEIC image, by what sharp read of them or else by their first box. */
function isHeic(bytes: Buffer, metadata: Metadata | null): boolean {
  if (metadata?.format === 'heif') return metadata.compression === 'hevc';
  return (
    bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp' && heicBrands.has(bytes.toString('latin1', 8, 12))
  );
}

function notReadable(bytes: Buffer, metadata: Metadata | null): DomainError {
  if (isHeic(bytes, metadata)) {
    return new DomainError(
      ErrorCode.PHOTO_HEIC_UNSUPPORTED,
      'file: this HEIC photo cannot be read by the server; send it as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible)',
      { field: 'file' },
    );
  }
  return new DomainError(ErrorCode.PHOTO_NOT_AN_IMAGE, 'file: must be a JPEG, PNG, WebP or HEIF image', {
    field: 'file',
  });
}

/** How each accepted format is stored: as it came, but HEIF as JPEG, which every browser shows. */
function encode(pipeline: Sharp, format: string): { pipeline: Sharp; contentType: string; extension: string } {
  switch (format) {
    case 'png':
      return { pipeline: pipeline.png(), contentType: 'image/png', extension: 'png' };
    case 'webp':
      return { pipeline: pipeline.webp({ quality: 85 }), contentType: 'image/webp', extension: 'webp' };
    default:
      return {
        pipeline: pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 85 }),
        contentType: 'image/jpeg',
        extension: 'jpg',
      };
  }
}

/**
 * Checks that `bytes` are a photo Raccord keeps (JPEG, PNG, WebP, or HEIF when this build of libvips
 * decodes it, stored as JPEG) of at most `maxPixels`, and re-encodes it: turned upright as its EXIF
 * orientation says, without any metadata (EXIF with the GPS position and the camera, XMP, ICC: sharp
 * writes none unless asked; colours are converted to sRGB), at most `storedSize` pixels on its
 * longest side, and a WebP thumbnail of at most `thumbnailSize` pixels on its longest side. All of it runs in libuv's thread pool.
 * @throws DomainError PHOTO_NOT_AN_IMAGE, PHOTO_HEIC_UNSUPPORTED, PHOTO_TOO_MANY_PIXELS (field `file`)
 */
export async function processPhoto(bytes: Buffer, maxPixels: number): Promise<ProcessedPhoto> {
  let metadata: Metadata;
  try {
    // The header only: the pixel count is checked below, with a clearer answer than libvips' refusal.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw notReadable(bytes, null);
  }
  if (!['jpeg', 'png', 'webp', 'heif'].includes(metadata.format)) throw notReadable(bytes, metadata);
  if (metadata.width * metadata.height > maxPixels) {
    throw new DomainError(
      ErrorCode.PHOTO_TOO_MANY_PIXELS,
      `file: the image has ${metadata.width} × ${metadata.height} pixels; at most ${maxPixels} are accepted (PHOTO_MAX_PIXELS)`,
      { field: 'file', maxPixels },
    );
  }
  const upright = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }).autoOrient();
  const image = encode(
    upright.clone().resize(storedSize, storedSize, { fit: 'inside', withoutEnlargement: true }),
    metadata.format,
  );
  const thumbnail = upright
    .clone()
    .resize(thumbnailSize, thumbnailSize, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 });
  try {
    const [stored, small] = await Promise.all([
      image.pipeline.toBuffer({ resolveWithObject: true }),
      thumbnail.toBuffer({ resolveWithObject: true }),
    ]);
    return {
      image: {
        bytes: stored.data,
        contentType: image.contentType,
        extension: image.extension,
        width: stored.info.width,
        height: stored.info.height,
      },
      thumbnail: {
        bytes: small.data,
        contentType: 'image/webp',
        extension: 'webp',
        width: small.info.width,
        height: small.info.height,
      },
    };
  } catch {
    throw notReadable(bytes, metadata);
  }
}
