import { useCallback, useEffect } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The wilaya a page of figures shows, kept in the address (`?wilaya=16`), for a viewer limited to the
 * wilayas `own` (a DOT manager's, as the API's `viewerCan.wilayas` says) or to none (`own` null: any
 * wilaya, or none for the whole country). A limited viewer is shown one of its own, the first by
 * default; asking for another, it is shown its own and the address says so. `wilayaCode` is null for
 * the country (never for a limited viewer with a wilaya); `setWilaya('')` goes back to the country.
 */
export function useWilayaScope(own: readonly string[] | null): {
  wilayaCode: string | null;
  setWilaya: (code: string) => void;
} {
  const [params, setParams] = useSearchParams();
  const asked = params.get('wilaya') || null;
  const wilayaCode = own !== null ? (asked && own.includes(asked) ? asked : (own[0] ?? null)) : asked;
  const setWilaya = useCallback(
    (code: string, replace = false) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (code) next.set('wilaya', code);
          else next.delete('wilaya');
          return next;
        },
        { replace },
      ),
    [setParams],
  );
  useEffect(() => {
    if (own !== null && asked !== null && wilayaCode !== asked) setWilaya(wilayaCode ?? '', true);
  }, [own, asked, wilayaCode, setWilaya]);
  return { wilayaCode, setWilaya: (code) => setWilaya(code) };
}
