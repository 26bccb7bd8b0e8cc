import './administration.css';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useAllOrganisations } from '../../api/administration.js';
import { canAdministrate, useMe } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';
import { ForbiddenContent } from '../Forbidden/ForbiddenContent.js';
import { ApiTokensSection } from './ApiTokensSection.js';
import { InviteSection } from './InviteSection.js';
import { AdminLinks } from './AdminLinks.js';

/** Invitations and API tokens, for platform administrators and Caf administrators. */
export default function AdministrationPage() {
  usePageTitle('Administration');
  const me = useMe();
  const allowed = canAdministrate(me.data?.user);
  const organisations = useAllOrganisations();
  if (!allowed) {
    return <ForbiddenContent reason="L’administration est réservée aux administrateurs de la plateforme et des Caf." />;
  }
  if (organisations.isPending) return <Loading label="Chargement des organisations…" />;
  if (organisations.isError) return <LoadError error={organisations.error} />;
  return (
    <>
      <Breadcrumb currentPageLabel="Administration" homeLinkProps={{ to: paths.home }} segments={[]} />
      <h1>Administration</h1>
      <p className="fr-text--lead">Inviter les personnes qui travaillent sur les conventions et gérer les accès des logiciels.</p>
      <AdminLinks user={me.data!.user!} />
      <InviteSection organisations={organisations.data} />
      <ApiTokensSection organisations={organisations.data} />
    </>
  );
}
