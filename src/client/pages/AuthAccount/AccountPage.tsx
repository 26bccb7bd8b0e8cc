import { Link, useLocation, useNavigate } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { ROLE_LABELS, type MembershipInfo } from '../../../shared/api/accounts.js';
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../../shared/enums.js';
import { canAdministrate, useLogoutEverywhere, useMe, type SignedInUser } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';
import type { LoginNotice } from '../AuthLogin/LoginPage.js';
import { PasswordChangeSection } from './PasswordChangeSection.js';
import { CalendarFeedSection } from './CalendarFeedSection.js';

/** Set by the invitation page when the account has just been created. */
export type AccountWelcome = { welcome?: boolean };

function scopeOf(m: MembershipInfo): string {
  if (m.conventionIds) return `${m.conventionIds.length} convention${m.conventionIds.length > 1 ? 's' : ''} désignée${m.conventionIds.length > 1 ? 's' : ''}`;
  if (m.role === 'caf_admin' || m.role === 'caf_agent') return 'Toutes les conventions de la Caf';
  if (m.pilotOnly) return 'Les actions que l’organisation pilote';
  return 'Les conventions dont l’organisation est signataire';
}

const kindLabel = (kind: string) => ORGANISATION_KIND_LABELS[kind as OrganisationKind] ?? kind;

export default function AccountPage() {
  usePageTitle('Mon compte');
  const { data } = useMe();
  // RequireSignIn has checked the session; after "log out everywhere" it is gone for a moment.
  if (!data?.user) return <Loading />;
  return <Account user={data.user} />;
}

function Account({ user }: { user: SignedInUser }) {
  const welcome = (useLocation().state as AccountWelcome | null)?.welcome;
  const navigate = useNavigate();
  const logoutEverywhere = useLogoutEverywhere((closedSessions) => {
    const plural = closedSessions > 1 ? 's' : '';
    const state: LoginNotice = {
      notice: `Vous êtes déconnecté de tous vos appareils (${closedSessions} session${plural} fermée${plural}).`,
    };
    return navigate(paths.login, { state, flushSync: true });
  });

  return (
    <>
      <h1>Mon compte</h1>
      {welcome && (
        <Alert
          className="fr-mb-4w"
          severity="success"
          as="h2"
          title={`Bienvenue, ${user.displayName}`}
          description="Votre compte est créé et vous êtes connecté."
        />
      )}
      <dl className="ctg-details fr-mb-4w">
        <div>
          <dt>Nom affiché :</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div>
          <dt>Adresse e-mail :</dt>
          <dd>{user.email}</dd>
        </div>
      </dl>

      <section aria-labelledby="acces" className="fr-mb-6w">
        <h2 id="acces">Vos accès</h2>
        {user.isPlatformAdmin && (
          <p>
            <Badge severity="info" noIcon>
              Administrateur de la plateforme
            </Badge>{' '}
            : accès à toutes les conventions et à l’administration.
          </p>
        )}
        {user.memberships.length > 0 ? (
          <Table
            caption="Organisations et rôles"
            headers={['Organisation', 'Type', 'Rôle', 'Périmètre']}
            data={user.memberships.map((m) => [m.organisationName, kindLabel(m.organisationKind), ROLE_LABELS[m.role], scopeOf(m)])}
          />
        ) : (
          !user.isPlatformAdmin && <p>Aucun rôle ne vous est encore attribué.</p>
        )}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Link className="fr-btn" to={paths.conventions}>
              Voir mes conventions
            </Link>
          </li>
          {canAdministrate(user) && (
            <li>
              <Link className="fr-btn fr-btn--secondary" to={paths.administration}>
                Administration
              </Link>
            </li>
          )}
        </ul>
      </section>

      <PasswordChangeSection email={user.email} />

      <CalendarFeedSection />

      <section aria-labelledby="sessions">
        <h2 id="sessions">Sessions</h2>
        <p>
          Si vous vous êtes connecté sur un appareil que vous n’utilisez plus, ou en cas de doute, fermez toutes vos
          sessions : il faudra vous reconnecter partout, y compris ici.
        </p>
        {logoutEverywhere.isError && (
          <Alert className="fr-mb-3w" severity="error" as="h3" title="Déconnexion impossible" description={logoutEverywhere.error.message} />
        )}
        <Button priority="secondary" iconId="fr-icon-logout-box-r-line" onClick={() => logoutEverywhere.mutate()} disabled={logoutEverywhere.isPending}>
          Se déconnecter de tous les appareils
        </Button>
      </section>
    </>
  );
}
