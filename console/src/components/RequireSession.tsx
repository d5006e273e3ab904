import { Navigate, Outlet, useLocation } from 'react-router';
import { session } from '../lib/session.ts';

/** Shows its pages only to a signed-in user; others go to the sign-in page, and come back after. */
export function RequireSession() {
  const location = useLocation();
  if (!session.token())
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}
