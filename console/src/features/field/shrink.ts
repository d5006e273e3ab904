/** The longest side, in pixels, a photo is sent at: the server keeps at most 2,560, a meter's screen is readable at 2,048. */
export const photoLongestSide = 2048;

/** The JPEG quality of a shrunk photo. */
const jpegQuality = 0.85;

/**
 * A camera's photo made fit to send before it is kept on the phone: turned upright as its EXIF
 * orientation says and, when its longest side is over `longest` pixels, scaled down to it and
 * encoded as JPEG (a 4000 × 3000, 4 MB original becomes about 350 KB). Never enlarged: a photo
 * small enough is kept as it is (the server turns it upright). A photo the browser cannot decode
 * (HEIC on some browsers) is kept as it is too, for the server to judge.
 */
export async function shrinkPhoto(file: Blob, longest = photoLongestSide): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const scale = longest / Math.max(bitmap.width, bitmap.height);
    if (scale >= 1) return file;
    const width = Math.round(bitmap.width * scale);
    const height = Math.round(bitmap.height * scale);
    return (await encodeJpeg(bitmap, width, height)) ?? file;
  } finally {
    bitmap.close();
  }
}

/** `bitmap` drawn at `width` × `height` and encoded as JPEG, off the page where the browser can (OffscreenCanvas); null when it cannot encode. */
async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (context) {
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, 0, 0, width, height);
      return canvas.convertToBlob({ type: 'image/jpeg', quality: jpegQuality }).catch(() => null);
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', jpegQuality));
}
