declare module '../../context.js' {
  interface Settings {
    /** What a photo upload and a report may hold (PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, PHOTO_MAX_PER_REPORT); absent in scripts: the defaults apply. */
    readonly photos?: PhotoLimits;
  }
}

/** How much a photo upload may hold, from the configuration (PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, PHOTO_MAX_PER_REPORT). */
export interface PhotoLimits {
  /** Largest file accepted, in bytes. */
  readonly maxBytes: number;
  /** Most pixels (width × height) an image may have: decoding a bigger one would take too much memory. */
  readonly maxPixels: number;
  /** Most photos one installation report (or failure) may carry. */
  readonly maxPerReport: number;
}

/** The limits when the configuration sets none: 12 MiB, 50 megapixels, 10 photos a report. */
export const defaultPhotoLimits: PhotoLimits = { maxBytes: 12 * 1024 * 1024, maxPixels: 50_000_000, maxPerReport: 10 };
