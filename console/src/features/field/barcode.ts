import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

/**
 * Reads barcodes (ONT serial numbers: Code 128, Code 39, QR, Data Matrix) from the camera or a photo,
 * with the browser's BarcodeDetector where it exists, else barcode-detector's ZXing WebAssembly —
 * served by the console itself (and precached by the service worker), never from a CDN, so that it
 * works without network. This module is loaded only when the technician asks to scan.
 */
const formats = ['code_128', 'code_39', 'qr_code', 'data_matrix', 'ean_13'] as const;

prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
});

interface Detector {
  detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}

async function detector(): Promise<Detector> {
  const native = (
    globalThis as {
      BarcodeDetector?: { new (options: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> };
    }
  ).BarcodeDetector;
  if (native) {
    const supported = await native.getSupportedFormats();
    const usable = formats.filter((format) => supported.includes(format));
    if (usable.length > 0) return new native({ formats: usable });
  }
  return new BarcodeDetector({ formats: [...formats] });
}

/** The first barcode's text in an image or a video frame, or null when none is read. */
export async function readBarcode(source: ImageBitmapSource): Promise<string | null> {
  const found = await (await detector()).detect(source);
  return found.find((barcode) => barcode.rawValue.trim() !== '')?.rawValue.trim() ?? null;
}
