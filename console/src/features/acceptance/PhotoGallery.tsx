import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAlgiersDateTime, formatCount } from '../../lib/format.ts';
import { photoKindLabels } from './labels.ts';
import { useAuthorizedImage } from './photos.ts';

/** What the gallery reads of a photo of the report. */
export interface PhotoShown {
  readonly id: string;
  readonly kind: string;
  readonly url: string;
  readonly thumbnailUrl: string;
  readonly takenAt: string;
  readonly distanceFromWorkMetres: number | null;
  readonly accuracyMetres: number | null;
  readonly reused: boolean;
}

/** An image of the API server, or what stands in for it while it loads or when it could not be. */
function ApiImage({ path, alt, className }: { path: string; alt: string; className: string }) {
  const { t } = useTranslation();
  const image = useAuthorizedImage(path);
  if (image.state === 'loaded') return <img src={image.url} alt={alt} className={className} />;
  return (
    <span className={`${className} photo-placeholder`} role={alt ? 'img' : undefined} aria-label={alt || undefined}>
      {image.state === 'loading' ? t('Chargement…') : t('Photo indisponible')}
    </span>
  );
}

/** Where and when a photo was taken, its distance to the work flagged beyond `toleranceMetres`. */
function PhotoFacts({ photo, toleranceMetres }: { photo: PhotoShown; toleranceMetres: number }) {
  const { t } = useTranslation();
  const distance = photo.distanceFromWorkMetres;
  return (
    <>
      <span>{formatAlgiersDateTime(photo.takenAt)}</span>
      {distance === null ? (
        <span className="flag">{t('Sans position')}</span>
      ) : distance > toleranceMetres ? (
        <span className="flag" data-testid="photo-far">
          <span aria-hidden="true">⚠ </span>
          {t('à {{distance}} m du chantier', { distance: formatCount(distance) })}
        </span>
      ) : (
        <span>{t('à {{distance}} m du chantier', { distance: formatCount(distance) })}</span>
      )}
      {photo.accuracyMetres !== null && (
        <span className="muted">
          {t('précision ± {{accuracy}} m', { accuracy: formatCount(Math.round(photo.accuracyMetres)) })}
        </span>
      )}
      {photo.reused && (
        <span className="flag" data-testid="photo-reused">
          <span aria-hidden="true">⚠ </span>
          {t('la même image a été envoyée pour une autre photo')}
        </span>
      )}
    </>
  );
}

/**
 * A photo at full size in a modal dialog (the browser's <dialog>: focus kept inside, Escape closes),
 * with its facts; the previous and next photos by button or the arrow keys.
 */
function PhotoDialog({
  photos,
  index,
  toleranceMetres,
  onMove,
  onClose,
}: {
  photos: readonly PhotoShown[];
  index: number;
  toleranceMetres: number;
  onMove: (index: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useId();
  const photo = photos[index]!;
  const label = t(photoKindLabels[photo.kind] ?? photo.kind);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="photo-dialog"
      aria-labelledby={heading}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => {
        if (event.key === 'ArrowRight' && index < photos.length - 1) onMove(index + 1);
        if (event.key === 'ArrowLeft' && index > 0) onMove(index - 1);
      }}
    >
      <h3 id={heading}>
        {t('{{kind}} ({{position}} sur {{count}})', { kind: label, position: index + 1, count: photos.length })}
      </h3>
      <ApiImage
        key={photo.id}
        path={photo.url}
        alt={t('{{kind}}, prise le {{instant}}', { kind: label, instant: formatAlgiersDateTime(photo.takenAt) })}
        className="photo-full"
      />
      <p className="photo-facts">
        <PhotoFacts photo={photo} toleranceMetres={toleranceMetres} />
      </p>
      <div className="form-actions">
        <button type="button" onClick={() => onMove(index - 1)} disabled={index === 0} aria-keyshortcuts="ArrowLeft">
          {t('Photo précédente')}
        </button>
        <button
          type="button"
          onClick={() => onMove(index + 1)}
          disabled={index === photos.length - 1}
          aria-keyshortcuts="ArrowRight"
        >
          {t('Photo suivante')}
        </button>
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
          {t('Fermer')}
        </button>
      </div>
    </dialog>
  );
}

/**
 * The photos of a report as thumbnails, each with what it shows, when and how far from the work it was
 * taken (flagged beyond the position check's tolerance); a click opens it at full size. The keyboard
 * comes back to the thumbnail the dialog was opened from.
 */
export function PhotoGallery({ photos, toleranceMetres }: { photos: readonly PhotoShown[]; toleranceMetres: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const thumbnails = useRef<(HTMLButtonElement | null)[]>([]);
  const opener = useRef<number | null>(null);
  // Once the dialog has closed (the page is no longer inert), the keyboard returns to the thumbnail it was opened from.
  useEffect(() => {
    if (open === null && opener.current !== null) {
      thumbnails.current[opener.current]?.focus();
      opener.current = null;
    }
  }, [open]);

  function show(index: number) {
    opener.current = index;
    setOpen(index);
  }

  if (photos.length === 0) return <p className="flag">{t('Aucune photo jointe au rapport.')}</p>;
  return (
    <>
      <ul className="photo-grid">
        {photos.map((photo, index) => {
          const label = t(photoKindLabels[photo.kind] ?? photo.kind);
          return (
            <li key={photo.id} data-testid="report-photo">
              <button
                type="button"
                className="photo-thumbnail"
                ref={(element) => {
                  thumbnails.current[index] = element;
                }}
                onClick={() => show(index)}
                aria-label={t('Agrandir : {{kind}}', { kind: label })}
              >
                <ApiImage path={photo.thumbnailUrl} alt="" className="photo-thumbnail-image" />
              </button>
              <span className="photo-kind">{label}</span>
              <span className="photo-facts">
                <PhotoFacts photo={photo} toleranceMetres={toleranceMetres} />
              </span>
            </li>
          );
        })}
      </ul>
      {open !== null && photos[open] && (
        <PhotoDialog
          photos={photos}
          index={open}
          toleranceMetres={toleranceMetres}
          onMove={setOpen}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
