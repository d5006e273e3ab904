import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Photo } from './photo.entity.js';

/** Batch loaders of photos; the caller has checked that the viewer may see the report or the work they hang off. */
export interface PhotoLoaders {
  /** The photos attached to each installation report, keyed by report id, in the order they were taken. */
  readonly byReport: DataLoader<string, Photo[]>;
  /** Every photo of each customer subscription (attached or waiting for a report), keyed by its id, in the order they were taken. */
  readonly byCustomerSubscription: DataLoader<string, Photo[]>;
}

/** Groups `photos` by the id `keyOf` reads, in the order of `ids`. */
function groupBy(ids: readonly string[], photos: readonly Photo[], keyOf: (photo: Photo) => string | undefined): Photo[][] {
  const groups = new Map<string, Photo[]>(ids.map((id) => [id, []]));
  for (const photo of photos) groups.get(keyOf(photo) ?? '')?.push(photo);
  return ids.map((id) => groups.get(id)!);
}

/** Photos of each installation report: one query for all the reports asked. */
export function photosByReport(em: EntityManager): DataLoader<string, Photo[]> {
  return new DataLoader(async (reportIds) => {
    const photos = await em.find(Photo, { report: { $in: [...reportIds] } }, { orderBy: { takenAt: 'asc', id: 'asc' } });
    return groupBy(reportIds, photos, (photo) => photo.report?.id);
  });
}

/** Photos of each customer subscription: one query for all the customer subscriptions asked. */
export function photosByCustomerSubscription(em: EntityManager): DataLoader<string, Photo[]> {
  return new DataLoader(async (subscriptionIds) => {
    const photos = await em.find(Photo, { customerSubscription: { $in: [...subscriptionIds] } }, { orderBy: { takenAt: 'asc', id: 'asc' } });
    return groupBy(subscriptionIds, photos, (photo) => photo.customerSubscription.id);
  });
}

export function createPhotoLoaders(em: EntityManager): PhotoLoaders {
  return { byReport: photosByReport(em), byCustomerSubscription: photosByCustomerSubscription(em) };
}
