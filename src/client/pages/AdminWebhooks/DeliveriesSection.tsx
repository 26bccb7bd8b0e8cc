import { WEBHOOK_EVENT_LABELS, type Webhook } from '../../../shared/api/webhooks.js';
import { useWebhookDeliveries } from '../../api/webhooks.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';

const STATUS = { pending: 'En cours (nouvel essai prévu)', success: 'Livrée', failed: 'Échec définitif', cancelled: 'Annulée (webhook suspendu)' } as const;
const time = (iso: string) => new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'medium' });

/** Every delivery of one webhook with each attempt: HTTP status, duration, error. */
export function DeliveriesSection({ webhook }: { webhook: Webhook }) {
  const deliveries = useWebhookDeliveries(webhook.id);
  return (
    <section aria-labelledby="journal-envois" className="fr-mb-6w">
      <h2 id="journal-envois">Journal des envois vers {webhook.url}</h2>
      {deliveries.isPending && <Loading label="Chargement du journal…" />}
      {deliveries.isError && <ErrorAlert error={deliveries.error} />}
      {deliveries.data?.length === 0 && <p>Aucun envoi pour l’instant.</p>}
      {deliveries.data && deliveries.data.length > 0 && (
        <div className="fr-table">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>Derniers envois et leurs essais</caption>
                  <thead>
                    <tr>
                      {['Événement', 'Émis le', 'État', 'Essais (code HTTP, durée, erreur)'].map((h) => (
                        <th key={h} scope="col">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {deliveries.data.map((d) => (
                      <tr key={d.id}>
                        <th scope="row">{WEBHOOK_EVENT_LABELS[d.event]}</th>
                        <td>{time(d.createdAt)}</td>
                        <td>{STATUS[d.status]}</td>
                        <td>
                          {d.attempts.length === 0 ? (
                            'Pas encore d’essai'
                          ) : (
                            <ol className="fr-mb-0">
                              {d.attempts.map((a) => (
                                <li key={a.attempt}>
                                  {time(a.at)} — {a.statusCode ?? 'pas de réponse'}, {a.durationMs} ms{a.error ? ` — ${a.error}` : ''}
                                </li>
                              ))}
                            </ol>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
