import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAlgiersDateTime } from '../../lib/format.ts';
import type { PhotoKind, StoredPhoto } from './db.ts';
import { currentPosition } from './geo.ts';

/** A photo taken in a form, not yet saved in the outbox. */
export type TakenPhoto = Omit<StoredPhoto, 'entryId' | 'uploaded'>;

/** A photo just taken: a new UUID, the time now and the phone's position (when it gives one). */
export async function takePhoto(customerSubscriptionId: string, kind: PhotoKind, blob: Blob): Promise<TakenPhoto> {
  const takenAt = new Date().toISOString();
  const position = await currentPosition();
  return { id: crypto.randomUUID(), customerSubscriptionId, kind, takenAt, position, blob };
}

/** A thumbnail of a photo kept in memory (an object URL, released when it goes). */
function Thumbnail({ blob, alt }: { blob: Blob; alt: string }) {
  const url = useMemo(() => URL.createObjectURL(blob), [blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img src={url} alt={alt} className="field-thumbnail" />;
}

/**
 * One kind of photo of a report: a big button that opens the phone's camera (a file chooser on a
 * computer), then each photo taken with its time (Algiers) and the position's accuracy, to remove.
 */
export function PhotoField({
  customerSubscriptionId,
  kind,
  label,
  photos,
  onAdd,
  onRemove,
  required,
  problem,
}: {
  customerSubscriptionId: string;
  kind: PhotoKind;
  label: string;
  photos: readonly TakenPhoto[];
  onAdd: (photo: TakenPhoto) => void;
  onRemove: (id: string) => void;
  required: boolean;
  problem?: string | undefined;
}) {
  const { t } = useTranslation();
  const [locating, setLocating] = useState(false);
  const id = `field-photo-${kind.toLowerCase()}`;

  async function chosen(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setLocating(true);
    for (const file of files) onAdd(await takePhoto(customerSubscriptionId, kind, file));
    setLocating(false);
  }

  return (
    <div className="field-photo" data-testid={id}>
      <input id={id} type="file" accept="image/*" capture="environment" className="visually-hidden" onChange={(event) => void chosen(event)} aria-describedby={problem ? `${id}-problem` : undefined} />
      <label htmlFor={id} className={`field-button ${photos.length > 0 ? 'secondary' : ''}`}>
        {label}
        {required && photos.length === 0 && <span className="field-required"> {t('(obligatoire)')}</span>}
      </label>
      {locating && (
        <p role="status" className="muted">
          {t('Position en cours…')}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {photos.map((photo) => (
        <div key={photo.id} className="field-photo-item">
          <Thumbnail blob={photo.blob} alt={label} />
          <div>
            <p>{formatAlgiersDateTime(photo.takenAt)}</p>
            <p className="muted">{photo.position ? t('Position à {{metres}} m près', { metres: photo.position.accuracyMetres }) : t('Sans position')}</p>
            <button type="button" className="field-link-button" onClick={() => onRemove(photo.id)}>
              {t('Retirer')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
