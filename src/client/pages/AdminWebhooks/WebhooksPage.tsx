import '../AdminAccounts/administration.css';
import { useState } from 'react';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { WEBHOOK_EVENT_LABELS, type Webhook } from '../../../shared/api/webhooks.js';
import { formatLongDate } from '../../../shared/format.js';
import { canAdministrate, useMe } from '../../api/session.js';
import { useAllOrganisations } from '../../api/administration.js';
import { useWebhookChanges, useWebhooks } from '../../api/webhooks.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';
import { ForbiddenContent } from '../Forbidden/ForbiddenContent.js';
import { DeliveriesSection } from './DeliveriesSection.js';
import { WebhookForm } from './WebhookForm.js';

const STATUS_LABELS = { pending: 'en cours', success: 'livrée', failed: 'échec définitif', cancelled: 'annulée' } as const;

/** Webhooks: URLs that receive signed notices of business events, and the log of every delivery. */
export default function WebhooksPage() {
  usePageTitle('Webhooks');
  const me = useMe();
  const user = me.data?.user;
  const allowed = canAdministrate(user);
  const webhooks = useWebhooks(allowed);
  const [shown, setShown] = useState<Webhook | null>(null);
  const organisations = useAllOrganisations();
  // A platform administrator may choose any Caf; a Caf administrator, the Cafs they administer.
  const cafs = user?.isPlatformAdmin
    ? (organisations.data ?? []).filter((o) => o.kind === 'caf').map((o) => ({ id: o.id, name: o.name }))
    : (user?.memberships ?? []).filter((m) => m.role === 'caf_admin' && !m.conventionIds).map((m) => ({ id: m.organisationId, name: m.organisationName }));
  if (!allowed) return <ForbiddenContent reason="Les webhooks sont réservés aux administrateurs de la plateforme et des Caf." />;
  return (
    <>
      <Breadcrumb currentPageLabel="Webhooks" homeLinkProps={{ to: paths.home }} segments={[{ label: 'Administration', linkProps: { to: paths.administration } }]} />
      <h1>Webhooks</h1>
      <p className="fr-text--lead">Prévenir un autre logiciel (entrepôt de données, outil de suivi) quand un événement se produit dans Pilote CTG.</p>
      <p>
        Pilote CTG n’appelle jamais d’adresse de lui-même : il n’envoie des notifications qu’aux adresses enregistrées ici. Chaque envoi est
        signé (HMAC-SHA256, en-tête <code>x-pilote-signature</code>), réessayé en cas d’échec et consigné ci-dessous.
      </p>
      {webhooks.isPending && <Loading label="Chargement des webhooks…" />}
      {webhooks.isError && <ErrorAlert error={webhooks.error} />}
      {webhooks.data && <WebhookTable webhooks={webhooks.data} onShow={setShown} />}
      {shown && <DeliveriesSection webhook={shown} />}
      {(!user?.isPlatformAdmin || organisations.data) && <WebhookForm isPlatformAdmin={Boolean(user?.isPlatformAdmin)} cafs={cafs} />}
    </>
  );
}

function WebhookTable({ webhooks, onShow }: { webhooks: Webhook[]; onShow: (webhook: Webhook) => void }) {
  const { update, remove } = useWebhookChanges();
  const [confirming, setConfirming] = useState<number | null>(null);
  if (webhooks.length === 0) return <p>Aucun webhook n’est enregistré.</p>;
  const error = update.error ?? remove.error;
  return (
    <section aria-labelledby="liste-webhooks" className="fr-mb-6w">
      <h2 id="liste-webhooks">Adresses enregistrées</h2>
      {error && <Alert className="fr-mb-3w" severity="error" as="h3" title="Modification impossible" description={error.message} />}
      <div className="fr-table">
        <div className="fr-table__wrapper">
          <div className="fr-table__container">
            <div className="fr-table__content">
              <table>
                <caption>Webhooks enregistrés</caption>
                <thead>
                  <tr>
                    {['Adresse', 'Caf', 'Événements', 'État', 'Dernier envoi', 'Actions'].map((h) => (
                      <th key={h} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {webhooks.map((w) => (
                    <tr key={w.id}>
                      <th scope="row">
                        {w.url}
                        {w.description && <span className="fr-hint-text">{w.description}</span>}
                      </th>
                      <td>{w.cafName ?? 'Toutes les Caf'}</td>
                      <td>{w.events.map((e) => WEBHOOK_EVENT_LABELS[e]).join(', ')}</td>
                      <td>{w.active ? 'Actif' : 'Suspendu'}</td>
                      <td>{w.lastDelivery ? `${formatLongDate(w.lastDelivery.at.slice(0, 10))} (${STATUS_LABELS[w.lastDelivery.status]})` : 'Aucun'}</td>
                      <td>
                        <span className="ctg-inline-buttons">
                          <Button size="small" priority="secondary" onClick={() => onShow(w)}>
                            Journal<span className="fr-sr-only"> des envois vers {w.url}</span>
                          </Button>
                          <Button size="small" priority="tertiary" disabled={update.isPending} onClick={() => update.mutate({ id: w.id, version: w.version, active: !w.active })}>
                            {w.active ? 'Suspendre' : 'Réactiver'}
                            <span className="fr-sr-only"> {w.url}</span>
                          </Button>
                          {confirming === w.id ? (
                            <Button size="small" disabled={remove.isPending} onClick={() => remove.mutate(w.id, { onSettled: () => setConfirming(null) })}>
                              Confirmer la suppression<span className="fr-sr-only"> de {w.url}</span>
                            </Button>
                          ) : (
                            <Button size="small" priority="tertiary" onClick={() => setConfirming(w.id)}>
                              Supprimer<span className="fr-sr-only"> {w.url}</span>
                            </Button>
                          )}
                        </span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
