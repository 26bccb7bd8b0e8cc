import type { Party } from '../../../shared/api/index.js';
import { ORGANISATION_KIND_LABELS } from '../../../shared/enums.js';
import { formatLongDate } from '../../../shared/format.js';

export function PartiesSection({ parties }: { parties: Party[] }) {
  return (
    <section aria-labelledby="parties" className="fr-mb-6w">
      <h2 id="parties">Parties</h2>
      {parties.length === 0 ? (
        <p>Aucune partie n’est encore enregistrée.</p>
      ) : (
        <ul className="fr-raw-list" role="list">
          {parties.map((party) => (
            <li key={party.id} className="fr-mb-3w">
              <h3 className="fr-h6 fr-mb-1w">{party.organisation.name}</h3>
              <p className="fr-mb-1w">
                {ORGANISATION_KIND_LABELS[party.organisation.kind]} ·{' '}
                {party.role === 'signataire' ? 'Partie signataire' : 'Partenaire'}
              </p>
              {(party.deliberationRef || party.deliberationDate) && (
                <p className="fr-mb-1w">
                  Délibération{party.deliberationRef ? ` ${party.deliberationRef}` : ''}
                  {party.deliberationDate ? ` du ${formatLongDate(party.deliberationDate)}` : ''}
                </p>
              )}
              {party.commitments && <p className="fr-mb-1w">Engagements : {party.commitments}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
