import { Link } from 'react-router';
import type { SignedInUser } from '../../api/session.js';
import { paths } from '../../paths.js';

/** The other administration pages, as far as the person may open them. */
export function AdminLinks({ user }: { user: SignedInUser }) {
  const links = [
    { to: paths.users, label: 'Personnes et rôles', hint: 'Rattachements aux organisations, changement de rôle', show: true },
    { to: paths.securityLog, label: 'Journal de sécurité', hint: 'Connexions, échecs, droits, exports', show: user.isPlatformAdmin },
    { to: paths.webhooks, label: 'Webhooks', hint: 'Adresses prévenues des événements, journal des envois', show: true },
    { to: paths.personalData, label: 'Données personnelles', hint: 'Inventaire, export et effacement (RGPD)', show: user.isPlatformAdmin },
  ].filter((l) => l.show);
  return (
    <nav aria-label="Rubriques de l’administration" className="fr-mb-4w">
      <ul className="fr-links-group">
        {links.map((l) => (
          <li key={l.to}>
            <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to={l.to}>
              {l.label}
            </Link>
            <span className="fr-hint-text">{l.hint}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
