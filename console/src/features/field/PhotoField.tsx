import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { problemProps, ProblemNote } from '../../components/FormProblems.tsx';
import { formatCount } from '../../lib/format.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import type { PhotoKind, StoredPhoto } from './db.ts';
import { currentPosition } from './geo.ts';
import { shrinkPhoto } from './shrink.ts';
import { algiersDateTime } from './format.ts';

/** A photo taken in a form, kept in its draft until the form is sent. */
export type TakenPhoto = Omit<StoredPhoto, 'userId' | 'entryId' | 'uploaded'>;

/** The server's limits on a report's photos (fieldSettings): most bytes of one, most photos on one report. */
export interface PhotoLimits {
  readonly maxBytes: number;
  readonly maxCount: number;
}

/** A size in megabytes of 1,024 × 1,024 bytes, as the photo limits are told: "12 Mo", "12 MB". */
export function formatMegabytes(bytes: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'fr-FR', {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: 1,
  }).format(bytes / 1024 / 1024);
}

/** What the server would refuse in a form's photos (`blobs`, the signature's included): too many, or one too heavy; in words. */
export function photoLimitProblems(blobs: readonly Blob[], limits: PhotoLimits, t: TFunction): string[] {
  const found: string[] = [];
  if (blobs.length > limits.maxCount)
    found.push(
      t('Au plus {{count}} photos par rapport (signature comprise) : retirez-en {{extra}}.', {
        count: limits.maxCount,
        extra: blobs.length - limits.maxCount,
      }),
    );
  const heavy = blobs.filter((blob) => blob.size > limits.maxBytes).length;
  if (heavy > 0)
    found.push(
      t('Photo trop lourde : {{max}} au plus. Reprenez-la dans une résolution plus faible.', {
        max: formatMegabytes(limits.maxBytes),
      }),
    );
  return found;
}

/**
 * A photo just taken: a new UUID, the time now and the phone's position (when it gives one), asked
 * while `image` is made ready (a camera's photo being shrunk): the stamps are those of the moment it was taken.
 */
export async function takePhoto(
  customerSubscriptionId: string,
  kind: PhotoKind,
  image: Blob | Promise<Blob>,
): Promise<TakenPhoto> {
  const takenAt = new Date().toISOString();
  const [position, blob] = await Promise.all([currentPosition(), image]);
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
 * A photo is shrunk to at most 2,048 pixels (shrink.ts) before it is kept: the phone never holds
 * nor sends a camera's original of several megabytes.
 */
export function PhotoField({
  customerSubscriptionId,
  kind,
  label,
  photos,
  onAdd,
  onRemove,
  required,
  limits,
  room,
  problem,
}: {
  customerSubscriptionId: string;
  kind: PhotoKind;
  label: string;
  photos: readonly TakenPhoto[];
  onAdd: (photo: TakenPhoto) => Promise<void>;
  onRemove: (id: string) => void;
  required: boolean;
  limits: PhotoLimits;
  /** How many more photos the report may carry. */
  room: number;
  problem?: string | undefined;
}) {
  const { t } = useTranslation();
  const [locating, setLocating] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const id = `field-photo-${kind.toLowerCase()}`;

  async function chosen(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    const wanted = files.slice(0, Math.max(0, room));
    setRefused([]);
    setLocating(true);
    let heavy = 0;
    // One after the other: a camera's photo decoded takes some 50 MB of a phone's memory.
    for (const file of wanted) {
      const photo = await takePhoto(customerSubscriptionId, kind, shrinkPhoto(file));
      if (photo.blob.size > limits.maxBytes) heavy += 1;
      else await onAdd(photo);
    }
    setLocating(false);
    setRefused([
      ...(heavy > 0
        ? [
            t('Photo trop lourde : {{max}} au plus. Reprenez-la dans une résolution plus faible.', {
              max: formatMegabytes(limits.maxBytes),
            }),
          ]
        : []),
      ...(wanted.length < files.length
        ? [t('Au plus {{count}} photos par rapport : cette photo n’a pas été ajoutée.', { count: limits.maxCount })]
        : []),
    ]);
  }

  return (
    <div className="field-photo" data-testid={id}>
      <input
        id={id}
        type="file"
        accept="image/*"
        capture="environment"
        className="visually-hidden"
        onChange={(event) => void chosen(event)}
        {...problemProps(id, problem)}
      />
      <label htmlFor={id} className={`field-button ${photos.length > 0 ? 'secondary' : ''}`}>
        {label}
        {required && photos.length === 0 && <span className="field-required"> {t('(obligatoire)')}</span>}
      </label>
      {locating && (
        <p role="status" className="muted">
          {t('Position en cours…')}
        </p>
      )}
      {refused.map((message) => (
        <p key={message} className="field-problem" role="alert">
          {message}
        </p>
      ))}
      <ProblemNote id={id} problem={problem} />
      {photos.map((photo) => (
        <div key={photo.id} className="field-photo-item">
          <Thumbnail blob={photo.blob} alt={label} />
          <div>
            <p>{algiersDateTime(photo.takenAt)}</p>
            <p className="muted">
              {photo.position
                ? t('Position à {{metres}} m près', { metres: formatCount(photo.position.accuracyMetres) })
                : t('Sans position')}
            </p>
            <button type="button" className="field-link-button" onClick={() => onRemove(photo.id)}>
              {t('Retirer')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
