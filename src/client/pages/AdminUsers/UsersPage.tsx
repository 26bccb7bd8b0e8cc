import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { canAdministrate, useMe } from '../../api/session.js';
import { useUsers } from '../../api/users.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';
import { ForbiddenContent } from '../Forbidden/ForbiddenContent.js';
import { MembershipRow } from './MembershipRow.js';

const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** People with an account and their roles, for administrators (a Caf sees the organisations it manages). */
export default function UsersPage() {
  usePageTitle('Personnes et rôles');
  const me = useMe();
  const [q, setQ] = useState('');
  const users = useUsers(q);
  const [error, setError] = useState<Error | null>(null);
  if (!canAdministrate(me.data?.user)) return <ForbiddenContent reason="La gestion des rôles est réservée aux administrateurs." />;
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQ(String(new FormData(event.currentTarget).get('q') ?? '').trim());
  };
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Breadcrumb currentPageLabel="Personnes et rôles" homeLinkProps={{ to: paths.home }} segments={[{ label: 'Administration', linkProps: { to: paths.administration } }]} />
      <h1>Personnes et rôles</h1>
      <p className="fr-text--lead">Qui a un compte, dans quelles organisations et avec quel rôle. Chaque changement est inscrit au journal de sécurité.</p>
      <form role="search" onSubmit={search} className="fr-mb-4w">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-6">
            <Input label="Rechercher une personne" hintText="Partie du nom ou de l’adresse e-mail" nativeInputProps={{ name: 'q', type: 'search', maxLength: 120 }} />
          </div>
          <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
            <Button type="submit">Rechercher</Button>
          </div>
        </div>
      </form>
      {error && <Alert className="fr-mb-3w" severity="error" as="h2" title="Changement refusé" description={error.message} closable onClose={() => setError(null)} />}
      {users.isPending && <Loading label="Chargement des comptes…" />}
      {users.isError && <ErrorAlert error={users.error} />}
      {users.data && <p role="status">{users.data.pages[0]!.total} compte(s)</p>}
      {items.length > 0 && (
        <div className="fr-table fr-table--no-caption">
          <table>
            <caption>Rattachements des personnes aux organisations</caption>
            <thead>
              <tr>
                <th scope="col">Personne</th>
                <th scope="col">Organisation</th>
                <th scope="col">Rôle</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.flatMap((user) =>
                user.memberships.length === 0
                  ? [
                      <tr key={`u${user.id}`}>
                        <td>
                          <strong>{user.displayName}</strong>
                          <br />
                          <span className="fr-text--sm">{user.email}</span>
                        </td>
                        <td colSpan={3}>
                          {user.isPlatformAdmin ? 'Administrateur de la plateforme' : user.erasedAt ? 'Compte effacé' : 'Aucun rattachement'}
                          {user.lastLoginAt && ` — dernière connexion le ${date.format(new Date(user.lastLoginAt))}`}
                        </td>
                      </tr>,
                    ]
                  : user.memberships.map((m) => (
                      <MembershipRow key={`${user.id}-${m.organisationId}-${m.version}`} user={user} membership={m} self={me.data?.user?.id === user.id} onError={setError} />
                    )),
              )}
            </tbody>
          </table>
        </div>
      )}
      {users.hasNextPage && (
        <Button priority="secondary" onClick={() => void users.fetchNextPage()} disabled={users.isFetchingNextPage}>
          Afficher plus de comptes
        </Button>
      )}
    </>
  );
}
