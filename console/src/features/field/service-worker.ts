import { Workbox } from 'workbox-window';

let registered = false;

/**
 * Registers the service worker the build makes (vite.config.ts: precached app shell, `index.html`
 * for navigations without network), once, in a production build only: the development server has none.
 * A new version takes over at once (it changes nothing the technician typed: that is in IndexedDB).
 */
export function registerServiceWorker(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  void new Workbox('/sw.js', { scope: '/' }).register();
}
