import { useTranslation } from 'react-i18next';

/** The outline of what loads: a list's table, a record's details, or a few lines. */
export type SkeletonShape = 'table' | 'details' | 'lines';

const rowCounts: Record<SkeletonShape, number> = { table: 5, details: 6, lines: 3 };

/**
 * What a page shows in the place of content that loads: grey bars shaped like it (a table's rows, a
 * record's labels and values), marked `aria-busy`, with "Chargement…" said to screen readers only.
 * The bars pulse unless the user asks for less motion (styles.css).
 */
export function Skeleton({ shape = 'lines' }: { shape?: SkeletonShape | undefined }) {
  const { t } = useTranslation();
  return (
    <div className={`skeleton skeleton-${shape}`}>
      <p role="status" className="visually-hidden">
        {t('Chargement…')}
      </p>
      <div className="skeleton-shape" aria-busy="true">
        {Array.from({ length: rowCounts[shape] }, (_, row) => (
          <div key={row} className="skeleton-row">
            <span className="skeleton-bar" />
            {shape !== 'lines' && <span className="skeleton-bar" />}
            {shape === 'table' && <span className="skeleton-bar" />}
          </div>
        ))}
      </div>
    </div>
  );
}
