import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * A link back to the page a record belongs to ("← Factures"): its arrow (styles.css, `.back-link`)
 * points back the way the language reads, to the left in French and English, to the right in Arabic.
 */
export function BackLink({ to, className, children }: { to: string; className?: string; children: ReactNode }) {
  return (
    <Link to={to} className={className ? `back-link ${className}` : 'back-link'}>
      {children}
    </Link>
  );
}
