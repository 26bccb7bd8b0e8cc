import { Table } from '@codegouvfr/react-dsfr/Table';
import { ROLE_LABELS } from '../../../shared/api/accounts.js';
import { SECURITY_EVENT_LABELS } from '../../../shared/api/security.js';
import type { PersonalData } from '../../../shared/api/personal-data.js';
import { formatLongDate } from '../../../shared/format.js';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
const when = (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : '—');

/** What the product stores about the person and their account, section by section. */
export function PersonalDataView({ data }: { data: PersonalData }) {
  const { account, person } = data;
  return (
    <>
      {person && (
        <section aria-labelledby="donnees-personne" className="fr-mb-4w">
          <h3 id="donnees-personne">Personne : {person.firstName} {person.lastName}</h3>
          {person.erasedAt && <p className="fr-badge fr-badge--info fr-badge--no-icon">Données effacées le {when(person.erasedAt)} ; le nom reste sur les signatures</p>}
          <p>Mandats : {person.mandates.length === 0 ? 'aucun' : person.mandates.map((m) => `${m.capacity} (${m.organisationName})`).join(' ; ')}</p>
          {person.signatures.length > 0 ? (
            <Table
              caption="Signatures (conservées comme faits juridiques)"
              headers={['Convention', 'Date', 'Lieu', 'Qualité']}
              data={person.signatures.map((s) => [s.conventionTitle, formatLongDate(s.date), s.place ?? '—', s.capacity])}
            />
          ) : (
            <p>Aucune signature.</p>
          )}
        </section>
      )}
      {account && (
        <section aria-labelledby="donnees-compte" className="fr-mb-4w">
          <h3 id="donnees-compte">Compte : {account.email}</h3>
          <ul>
            <li>Nom affiché : {account.displayName}</li>
            <li>État : {account.erasedAt ? `effacé le ${when(account.erasedAt)}` : account.status === 'active' ? 'actif' : account.status}</li>
            <li>Créé le {when(account.createdAt)} ; dernière connexion : {when(account.lastLoginAt)}</li>
            <li>Connexion : {[account.hasPassword && 'mot de passe', account.linkedToProConnect && 'ProConnect'].filter(Boolean).join(' et ') || 'aucune'}</li>
            <li>Rattachements : {account.memberships.length === 0 ? 'aucun' : account.memberships.map((m) => `${ROLE_LABELS[m.role]} (${m.organisationName})`).join(' ; ')}</li>
            <li>Sessions ouvertes : {account.sessions.length} ; invitations : {account.invitations.length} ; demandes de réinitialisation : {account.passwordResets}</li>
            <li>Écritures signées de son nom dans les historiques : {account.changesAuthored}</li>
          </ul>
          {account.securityEvents.length > 0 && (
            <Table
              caption="Journal de sécurité de ce compte"
              headers={['Quand', 'Événement', 'Adresse IP', 'Navigateur']}
              data={account.securityEvents.slice(-20).reverse().map((e) => [when(e.at), SECURITY_EVENT_LABELS[e.event] ?? e.event, e.ip ?? '—', e.userAgent ?? '—'])}
            />
          )}
        </section>
      )}
    </>
  );
}
