import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { TestApp } from './harness.js';

/** A small JPEG of one colour, as a phone's camera would send (without its metadata). */
export function testJpeg(colour = '#3070c0', width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
}

/**
 * Uploads a photo of `kind` for the customer subscription `subscriptionId` with `PUT /photos/<id>`
 * (a new UUID unless `id` is given), taken a minute ago at `position` (none when null), as `token`
 * (the test administrator by default). Returns the HTTP status and the photo's id.
 */
export async function uploadTestPhoto(
  t: TestApp,
  subscriptionId: string,
  kind: string,
  options: {
    id?: string;
    position?: { latitude: number; longitude: number } | null;
    token?: string;
    file?: Buffer;
  } = {},
): Promise<{ status: number; id: string; body: Record<string, unknown> }> {
  const id = options.id ?? randomUUID();
  const form = new FormData();
  form.append('customerSubscriptionId', subscriptionId);
  form.append('kind', kind);
  form.append('takenAt', new Date(Date.now() - 60_000).toISOString());
  const position = options.position === undefined ? { latitude: 36.7925, longitude: 2.9338 } : options.position;
  if (position) {
    form.append('latitude', String(position.latitude));
    form.append('longitude', String(position.longitude));
    form.append('accuracyMetres', '6');
  }
  form.append(
    'file',
    new Blob([new Uint8Array(options.file ?? (await testJpeg()))], { type: 'image/jpeg' }),
    'photo.jpg',
  );
  const response = await fetch(`${t.url}/photos/${id}`, {
    method: 'PUT',
    body: form,
    headers: { authorization: `Bearer ${options.token ?? t.adminToken}` },
  });
  return { status: response.status, id, body: (await response.json()) as Record<string, unknown> };
}
