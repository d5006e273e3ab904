/**
 * The console's sign-in token, kept in this browser (localStorage) so that every tab of the console
 * shares one session, until the user signs out, the token expires (AUTH_TOKEN_TTL_MINUTES) or the
 * server ends the session; signing out in one tab signs out the others (the `storage` event).
 */
const key = 'raccord.token';

export const session = {
  token(): string | null {
    return localStorage.getItem(key);
  },
  save(token: string): void {
    localStorage.setItem(key, token);
  },
  clear(): void {
    localStorage.removeItem(key);
  },
};

/** Sends the browser to the sign-in page, to come back to where it was once signed in. */
export function goToSignIn(): void {
  session.clear();
  const here = `${window.location.pathname}${window.location.search}`;
  if (window.location.pathname !== '/login') window.location.assign(`/login?next=${encodeURIComponent(here)}`);
}

// Another tab signed out (or its session ended): this one follows.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === key && event.newValue === null) goToSignIn();
  });
}
