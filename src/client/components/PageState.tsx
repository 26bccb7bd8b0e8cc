import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link } from 'react-router';
import { ApiError } from '../api/http.js';
import { paths } from '../paths.js';
import { ForbiddenContent } from '../pages/Forbidden/ForbiddenContent.js';
import { usePageTitle } from './brand.js';

export function Loading({ label = 'Chargement…' }: { label?: string }) {
  return (
    <p role="status" className="fr-text--lg">
      {label}
    </p>
  );
}

/**
 * What a page shows when its data could not be loaded: a 404 becomes the "page not found" content,
 * a 403 the "access denied" one (`forbiddenReason` says what lies outside the person's scope).
 */
export function LoadError({ error, forbiddenReason }: { error: unknown; forbiddenReason?: string }) {
  if (error instanceof ApiError && error.isNotFound) return <NotFoundContent />;
  if (error instanceof ApiError && error.isForbidden) {
    return <ForbiddenContent reason={forbiddenReason} serverMessage={error.message} />;
  }
  return (
    <>
      <h1>Chargement impossible</h1>
      <ErrorAlert error={error} />
    </>
  );
}

/** A load error inside a page that already has its h1. */
export function ErrorAlert({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : 'Erreur inconnue.';
  return <Alert severity="error" as="h2" title="Les données n’ont pas pu être chargées" description={message} />;
}

export function NotFoundContent() {
  usePageTitle('Page introuvable');
  return (
    <>
      <h1>Page introuvable</h1>
      <p className="fr-text--lead">La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.</p>
      <p>
        Si vous avez tapé l’adresse dans le navigateur, vérifiez qu’elle est correcte. La page n’est peut-être plus
        disponible : elle a pu être déplacée ou supprimée.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Link className="fr-btn" to={paths.home}>
            Page d’accueil
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={paths.conventions}>
            Liste des conventions
          </Link>
        </li>
      </ul>
    </>
  );
}
