import { Suspense, useEffect, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { LogoutMutation, MeQuery, SetMyLanguageMutation } from '../features/auth/documents.ts';
import type { VariablesOf } from '../lib/graphql.ts';
import { languageNames, languages, setLanguage, type Language } from '../lib/i18n.ts';
import { knownFieldUser } from '../features/field/known-user.ts';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { session } from '../lib/session.ts';
import { mayRun } from '../lib/viewer.ts';
import { liveConnection } from '../urql.ts';
import { GlobalSearch } from './GlobalSearch.tsx';
import { QueryState } from './QueryState.tsx';

/**
 * The field view's part of signing out (field/sign-out.ts, loaded then): the user's cached work
 * forgotten on this browser, after asking when some of theirs waits to be sent. Its chunk is
 * precached wherever the field view ran; where it cannot load, the field view never ran: sign out.
 */
const fieldSignOut = (userId: string | null) =>
  import('../features/field/sign-out.ts').then(
    (field) => field.beforeSignOut(userId),
    () => true,
  );

/** A language as the API names it ("FR"): the console's code in capitals. */
type AccountLanguage = VariablesOf<typeof SetMyLanguageMutation>['language'];

/**
 * The console's frame: a link to skip to the page's content, the header with the product name,
 * navigation (only the pages the API says the viewer may use: `viewerOperations` and `viewerCan`; one
 * who works in the field only has the field view), the language, the notifications' bell and the
 * signed-in user, the search box (GlobalSearch), then the page.
 */
export function Layout() {
  const { t, i18n } = useTranslation();
  const signedIn = session.token() !== null;
  const [me] = useQuery({ query: MeQuery, pause: !signedIn });
  const [, logout] = useMutation(LogoutMutation);
  const [, saveLanguage] = useMutation(SetMyLanguageMutation);
  const navigate = useNavigate();
  const live = useSyncExternalStore(liveConnection.subscribe, liveConnection.get);
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);
  // On going to another page, the keyboard starts again from the page's content (not from where the
  // link or button was, which the new page removed); the first page loaded starts from the top.
  useEffect(() => {
    if (pathname !== firstPath.current) main.current?.focus({ preventScroll: true });
    firstPath.current = '';
  }, [pathname]);

  // Without an answer from `me` (no network), the field view's user as `me` last said it for this session.
  const fieldUser = useSyncExternalStore(knownFieldUser.subscribe, knownFieldUser.get);
  const user = me.data?.me ?? fieldUser;
  const fieldWorker = me.data?.viewerCan.fieldOnly ?? false;
  const fieldOnly = fieldWorker || (!me.data?.me && fieldUser !== null);
  const may = (operation: string) => mayRun(me.data, operation);
  // A firm's users see their own firm, not the contractors' pages; they reach the field view.
  const firm = me.data?.me?.contractor !== null && me.data?.me?.contractor !== undefined;
  // Who works in the field only (a technician) uses the field view only: whatever page it opens, it lands there.
  if (signedIn && fieldWorker && !pathname.startsWith('/terrain')) return <Navigate to="/terrain" replace />;

  async function signOut() {
    if (!(await fieldSignOut(user?.id ?? null))) return;
    // The session is forgotten before the server ends it: its sockets' close (4401) and any answer
    // refused from now on belong to a session already gone, and do not send to sign-in to come back here.
    const token = session.token();
    session.clear();
    await logout({}, { fetchOptions: token ? { headers: { authorization: `Bearer ${token}` } } : {} });
    void navigate('/login', { replace: true });
  }

  return (
    <>
      <a className="skip-link" href="#content">
        {t('Aller au contenu')}
      </a>
      <header className={fieldOnly ? 'app-header app-header-field' : 'app-header'}>
        <Link to="/" className="brand">
          Raccord
        </Link>
        {signedIn && fieldOnly && (
          <nav aria-label={t('Navigation principale')}>
            <Link to="/terrain">{t('Terrain')}</Link>
          </nav>
        )}
        {signedIn && !fieldOnly && (
          <nav aria-label={t('Navigation principale')}>
            {may('Query.dashboard') && <Link to="/">{t('Tableau de bord')}</Link>}
            {firm && may('Mutation.reportInstallation') && <Link to="/terrain">{t('Terrain')}</Link>}
            {!firm && may('Query.contractors') && <Link to="/contractants">{t('Contractants')}</Link>}
            {may('Query.scorecard') && <Link to="/tableau-de-bord-qualite">{t('Qualité')}</Link>}
            {may('Query.sites') && <Link to="/sites">{t('Sites')}</Link>}
            {may('Query.customerSubscriptions') && <Link to="/raccordements">{t('Raccordements')}</Link>}
            {may('Mutation.acceptInstallation') && <Link to="/reception">{t('Réception')}</Link>}
            {may('Query.invoices') && <Link to="/factures">{t('Factures')}</Link>}
            {may('Query.priceSchedules') && <Link to="/bordereau">{t('Bordereau des prix')}</Link>}
            {may('Query.serviceLevelSchedules') && <Link to="/niveaux-de-service">{t('Niveaux de service')}</Link>}
            {may('Query.wilayas') && <Link to="/wilayas">{t('Wilayas')}</Link>}
            {me.data?.viewerCan.manageAccess && <Link to="/acces">{t('Accès')}</Link>}
            {may('Query.webhookEndpoints') && me.data?.viewerCan.manageAccess && (
              <Link to="/webhooks">{t('Webhooks')}</Link>
            )}
          </nav>
        )}
        {signedIn && !fieldOnly && may('Query.search') && <GlobalSearch />}
        <label className="language">
          <span className="visually-hidden">{t('Langue')}</span>
          <select
            value={i18n.language}
            onChange={(event) => {
              const language = event.target.value as Language;
              void setLanguage(language);
              // Signed in: the account keeps it too, for its e-mails and its next sign-in elsewhere.
              if (signedIn) void saveLanguage({ language: language.toUpperCase() as AccountLanguage });
            }}
          >
            {languages.map((language) => (
              <option key={language} value={language} lang={language}>
                {languageNames[language]}
              </option>
            ))}
          </select>
        </label>
        {signedIn && user && (
          <div className="account">
            {may('Query.unreadNotificationCount') && <NotificationBell fieldOnly={fieldOnly} />}
            <span title={user.displayName} dir="auto">
              {user.displayName}
            </span>
            <button type="button" onClick={signOut}>
              <svg className="sign-out-icon" aria-hidden="true" viewBox="0 0 24 24" width="22" height="22">
                <path
                  d="M10 4H5v16h5M14 8l4 4-4 4M18 12H9"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2.2"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              </svg>
              <span className="sign-out-text">{t('Se déconnecter')}</span>
            </button>
          </div>
        )}
      </header>
      {live === 'reconnecting' && signedIn && (
        <p role="status" className="offline">
          {t('Connexion au serveur perdue : les chiffres affichés ne bougent plus. Reconnexion en cours…')}
        </p>
      )}
      <main className="page" id="content" tabIndex={-1} ref={main}>
        <Suspense fallback={<QueryState fetching retry={() => undefined} />}>
          <Outlet />
        </Suspense>
      </main>
    </>
  );
}
