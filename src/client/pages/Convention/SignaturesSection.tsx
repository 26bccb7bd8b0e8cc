import type { SignatureEvent, Signatory } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';

/** « Hugo Dapino — 1er vice-président du conseil d'administration de la Caf (Caf des Hauts-de-Seine) » */
export function describeSignatory(signatory: Signatory): string {
  const organisation = signatory.organisationName ? ` (${signatory.organisationName})` : '';
  return `${signatory.person.fullName} — ${signatory.capacity}${organisation}`;
}

export function SignaturesSection({ events }: { events: SignatureEvent[] }) {
  return (
    <section aria-labelledby="signatures" className="fr-mb-6w">
      <h2 id="signatures">Signatures</h2>
      {events.length === 0 ? (
        <p>La convention n’a pas encore été signée.</p>
      ) : (
        events.map((event) => (
          <article key={event.id} className="fr-mb-3w">
            <h3 className="fr-h6 fr-mb-1w">
              {event.kind === 'avenant' ? 'Avenant signé' : 'Signature'} le {formatLongDate(event.date)}
            </h3>
            {event.place && <p className="fr-mb-1w">Lieu : {event.place}</p>}
            {event.description && <p className="fr-mb-1w">{event.description}</p>}
            {event.signatories.length > 0 && (
              <>
                <p className="fr-mb-1w">Signataires :</p>
                <ul>
                  {event.signatories.map((signatory) => (
                    <li key={signatory.id}>{describeSignatory(signatory)}</li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))
      )}
    </section>
  );
}
