import { useLocation, useNavigate } from 'react-router';
import type { HeaderProps } from '@codegouvfr/react-dsfr/Header';
import { canAdministrate, canCreateConvention, loginPathFor, useLogout, useMe } from '../api/session.js';
import { paths } from '../paths.js';
import { useNotificationCounts } from '../api/governance.js';

/**
 * The header's part that depends on who is signed in: « Se connecter », or the person's name (their
 * account page) and « Se déconnecter »; and which navigation items the person may use.
 */
export function useSessionHeader() {
  const { data } = useMe();
  const user = data?.user ?? null;
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const logout = useLogout(() => navigate(paths.home, { flushSync: true }));
  const counts = useNotificationCounts(Boolean(user));
  const unread = counts.data?.unread ?? 0;

  let quickAccessItems: HeaderProps.QuickAccessItem[] = [];
  if (data && user) {
    quickAccessItems = [
      {
        iconId: 'fr-icon-notification-3-line',
        // The count is part of the link's name, so screen readers announce it with the link.
        text: unread ? `Notifications (${unread} non lue${unread > 1 ? 's' : ''})` : 'Notifications',
        linkProps: { to: paths.notifications },
      },
      { iconId: 'fr-icon-account-circle-line', text: user.displayName, linkProps: { to: paths.account } },
      {
        iconId: 'fr-icon-logout-box-r-line',
        text: 'Se déconnecter',
        buttonProps: { onClick: () => logout.mutate(), disabled: logout.isPending },
      },
    ];
  } else if (data) {
    const here = pathname === paths.login ? paths.home : `${pathname}${search}`;
    quickAccessItems = [{ iconId: 'fr-icon-account-circle-line', text: 'Se connecter', linkProps: { to: loginPathFor(here) } }];
  }
  return { quickAccessItems, signedIn: user !== null, canCreateConvention: canCreateConvention(user), canAdministrate: canAdministrate(user) };
}
