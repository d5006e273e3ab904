import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Photo } from './photo.entity.js';

/** Batch loaders of photos; the caller has checked that the viewer may see the report or the work they hang off. */
export interface PhotoLoaders {
  /** The photos attached to each installation report, keyed by report id, in the order they were taken. */
  readonly byReport: DataLoader<string, Photo[]>;
  /** Every photo of each customer subscription (attached or waiting for a report), keyed by its id, in the order they were taken. */
  readonly byCustomerSubscription: DataLoader<string, Photo[]>;
  /** How many photos were uploaded with each image (keyed by the SHA-256 of its bytes). */
  readonly uploadsOfImage: DataLoader<string, number>;
}

/** Groups `photos` by the id `keyOf` reads, in the order of `ids`. */
function groupBy(
  ids: readonly string[],
  photos: readonly Photo[],
  keyOf: (photo: Photo) => string | undefined,
): Photo[][] {
  const groups = new Map<string, Photo[]>(ids.map((id) => [id, []]));
  for (const photo of photos) groups.get(keyOf(photo) ?? '')?.push(photo);
  return ids.map((id) => groups.get(id)!);
}

/** Photos of each installation report: one query for all the reports asked. */
export function photosByReport(em: EntityManager): DataLoader<string, Photo[]> {
  return new DataLoader(async (reportIds) => {
    const photos = await em.find(
      Photo,
      { report: { $in: [...reportIds] } },
      { orderBy: { takenAt: 'asc', id: 'asc' } },
    );
    return groupBy(reportIds, photos, (photo) => photo.report?.id);
  });
}

/** Photos of each customer subscription: one query for all the customer subscriptions asked. */
export function photosByCustomerSubscription(em: EntityManager): DataLoader<string, Photo[]> {
  return new DataLoader(async (subscriptionIds) => {
    const photos = await em.find(
      Photo,
      { customerSubscription: { $in: [...subscriptionIds] } },
      { orderBy: { takenAt: 'asc', id: 'asc' } },
    );
    return groupBy(subscriptionIds, photos, (photo) => photo.customerSubscription.id);
  });
}

/** How many photos carry each image (`uploadSha256`): one query for all the images asked. */
export function uploadsOfImage(em: EntityManager): DataLoader<string, number> {
  return new DataLoader(async (hashes) => {
    const rows = await em
      .getConnection()
      .execute<{ hash: string; uses: number }[]>(
        `select upload_sha256 as hash, count(*)::int as uses from photo where upload_sha256 in (${hashes.map(() => '?').join(', ')}) group by upload_sha256`,
        [...hashes],
      );
    const uses = new Map(rows.map((row) => [row.hash, row.uses]));
    return hashes.map((hash) => uses.get(hash) ?? 0);
  });
}

export function createPhotoLoaders(em: EntityManager): PhotoLoaders {
  return {
    byReport: photosByReport(em),
    byCustomerSubscription: photosByCustomerSubscription(em),
    uploadsOfImage: uploadsOfImage(em),
  };
}
