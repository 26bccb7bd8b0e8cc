import { Navigate, Outlet, useLocation } from 'react-router';
import { loginPathFor, useMe } from '../api/session.js';
import { LoadError, Loading } from './PageState.js';

/**
 * Pages that need a signed-in person (forms, account, administration): anonymous visitors are
 * sent to the sign-in page, which brings them back here afterwards.
 */
export function RequireSignIn() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading label="Vérification de votre session…" />;
  if (me.isError) return <LoadError error={me.error} />;
  if (!me.data.user) return <Navigate replace to={loginPathFor(`${location.pathname}${location.search}`)} />;
  return <Outlet />;
}
