import { useSyncExternalStore } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { LogoutMutation, MeQuery } from '../features/auth/documents.ts';
import { dashboardRoles } from '../features/dashboard/roles.ts';
import { session } from '../lib/session.ts';
import { liveConnection } from '../urql.ts';

/** The console's frame: header with the product name, navigation and the signed-in user, then the page. */
export function Layout() {
  const signedIn = session.token() !== null;
  const [me] = useQuery({ query: MeQuery, pause: !signedIn });
  const [, logout] = useMutation(LogoutMutation);
  const navigate = useNavigate();
  const live = useSyncExternalStore(liveConnection.subscribe, liveConnection.get);

  async function signOut() {
    await logout({});
    session.clear();
    navigate('/login', { replace: true });
  }

  return (
    <>
      <header className="app-header">
        <Link to="/" className="brand">
          Raccord
        </Link>
        {signedIn && (
          <nav aria-label="Navigation principale">
            {me.data?.me && dashboardRoles.includes(me.data.me.role) && <Link to="/">Tableau de bord</Link>}
            {me.data?.me && me.data.me.role !== 'CONTRACTOR' && <Link to="/contractants">Contractants</Link>}
            <Link to="/sites">Sites</Link>
            <Link to="/raccordements">Raccordements</Link>
            <Link to="/factures">Factures</Link>
            <Link to="/wilayas">Wilayas</Link>
            {me.data?.me && (me.data.me.role === 'ADMIN' || me.data.me.isContractorAdmin) && <Link to="/acces">Accès</Link>}
          </nav>
        )}
        {signedIn && me.data?.me && (
          <div className="account">
            <span>{me.data.me.displayName}</span>
            <button type="button" onClick={signOut}>
              Se déconnecter
            </button>
          </div>
        )}
      </header>
      {live === 'reconnecting' && signedIn && (
        <p role="status" className="offline">
          Connexion au serveur perdue : les chiffres affichés ne bougent plus. Reconnexion en cours…
        </p>
      )}
      <main className="page">
        <Outlet />
      </main>
    </>
  );
}
