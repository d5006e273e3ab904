/**
 * The console's sign-in token, kept for the browser tab (sessionStorage): closing the tab signs out.
 */
const key = 'raccord.token';

export const session = {
  token(): string | null {
    return sessionStorage.getItem(key);
  },
  save(token: string): void {
    sessionStorage.setItem(key, token);
  },
  clear(): void {
    sessionStorage.removeItem(key);
  },
};

/** Sends the browser to the sign-in page, to come back to where it was once signed in. */
export function goToSignIn(): void {
  session.clear();
  const here = `${window.location.pathname}${window.location.search}`;
  if (window.location.pathname !== '/login') window.location.assign(`/login?next=${encodeURIComponent(here)}`);
}
