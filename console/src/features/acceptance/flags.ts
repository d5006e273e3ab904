import type { ResultOf } from '../../lib/graphql.ts';
import { msg } from '../../lib/i18n.ts';
import type { QueueItem } from './documents.ts';

/** A piece of work of the queue, as the page reads it. */
export type QueueItemData = ResultOf<typeof QueueItem>;

/**
 * What to look at twice before accepting a report, in a few words each (shown through `t`): photos
 * taken far from the work or no position at all, measurements outside the thresholds, required photos
 * missing, the same image sent as several photos, no signature of the customer.
 */
export function flagsOf(item: QueueItemData): string[] {
  const report = item.latestInstallationReport;
  if (!report) return [msg('Pas de rapport')];
  const flags: string[] = [];
  if (report.positionCheck.verdict === 'FAR') flags.push(msg('Loin du chantier'));
  if (report.positionCheck.verdict === 'NO_POSITION') flags.push(msg('Sans position'));
  if (report.qualityIssues.length > 0) flags.push(msg('Hors seuils'));
  if (report.missingPhotoKinds.length > 0) flags.push(msg('Photos manquantes'));
  if (report.photoFiles.some((photo) => photo.reused)) flags.push(msg('Photo réutilisée'));
  if (!report.customerSigned) flags.push(msg('Non signé'));
  return flags;
}
