import { useEffect, useState } from 'react';
import { session } from '../../lib/session.ts';

/** An image the API serves at a path, as the page may show it: loading, a blob URL, or failed. */
export type AuthorizedImage =
  { readonly state: 'loading' } | { readonly state: 'loaded'; readonly url: string } | { readonly state: 'failed' };

/**
 * The image at `path` on the API server (a photo or its thumbnail), fetched with the session's token
 * (which an <img src> could not send) and shown through a blob URL, revoked when no longer shown.
 */
export function useAuthorizedImage(path: string): AuthorizedImage {
  const [image, setImage] = useState<{ path: string; image: AuthorizedImage }>({ path, image: { state: 'loading' } });
  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    fetch(path, { headers: { authorization: `Bearer ${session.token() ?? ''}` }, signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const blob = await response.blob();
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setImage({ path, image: { state: 'loaded', url } });
      })
      .catch(() => {
        if (!controller.signal.aborted) setImage({ path, image: { state: 'failed' } });
      });
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [path]);
  return image.path === path ? image.image : { state: 'loading' };
}
