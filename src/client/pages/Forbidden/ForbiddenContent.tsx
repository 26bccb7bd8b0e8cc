import { Link } from 'react-router';
import { usePageTitle } from '../../components/brand.js';
import { paths } from '../../paths.js';

/** The sentence of the 403 page for a convention outside the person's scope. */
export const OUTSIDE_SCOPE = 'Cette convention ne fait pas partie de votre périmètre.';

/**
 * `reason` is the page's own sentence; otherwise the server's message is shown.
 * The French "access denied" page, shown in place of a page whose main data the server refuses
 * (403): the person is signed in, but the object lies outside their scope.
 */
export function ForbiddenContent({ reason, serverMessage }: { reason?: string; serverMessage?: string }) {
  usePageTitle('Accès refusé');
  return (
    <>
      <h1>Accès refusé</h1>
      <p className="fr-text--lead">
        {reason ?? serverMessage ?? 'Vous n’avez pas les droits nécessaires pour consulter cette page.'}
      </p>
      <p>
        Votre compte donne accès aux conventions de vos organisations. Si vous devez travailler sur celle-ci,
        demandez à l’administrateur de votre Caf de vous y donner accès.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" to={paths.conventions}>
            Mes conventions
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={paths.account}>
            Mon compte
          </Link>
        </li>
      </ul>
    </>
  );
}
