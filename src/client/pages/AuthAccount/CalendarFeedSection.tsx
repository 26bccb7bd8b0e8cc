import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { formatLongDate } from '../../../shared/format.js';
import { useCalendarFeed, useCalendarFeedChanges } from '../../api/office.js';

/**
 * The personal calendar address: calendar applications cannot sign in, so the address is secret. It is
 * shown once when created; renewing it stops the previous one, revoking stops it altogether.
 */
export function CalendarFeedSection() {
  const feed = useCalendarFeed();
  const { renew, revoke } = useCalendarFeedChanges();
  const [url, setUrl] = useState<string | null>(null);
  const active = feed.data?.active ?? false;
  const error = renew.error ?? revoke.error;
  return (
    <section aria-labelledby="calendrier" className="fr-mb-6w">
      <h2 id="calendrier">Mon calendrier</h2>
      <p>
        Abonnez votre agenda (Outlook, Thunderbird, téléphone…) aux signatures et échéances des conventions que vous suivez, aux dates de fin
        des actions que vous pilotez et aux bilans à valider. L’adresse est personnelle et secrète : toute personne qui la connaît lit ce
        calendrier.
      </p>
      {feed.data && (
        <p role="status">
          {active
            ? `Une adresse est active depuis le ${formatLongDate(feed.data.createdAt!.slice(0, 10))}${feed.data.lastUsedAt ? `, lue pour la dernière fois le ${formatLongDate(feed.data.lastUsedAt.slice(0, 10))}` : ', pas encore lue'}.`
            : 'Aucune adresse de calendrier n’est active.'}
        </p>
      )}
      {url && (
        <div className="fr-mb-3w">
          <Alert severity="success" as="h3" title="Votre adresse de calendrier" description="Copiez-la maintenant dans votre agenda : elle ne sera plus affichée." className="fr-mb-2w" />
          <Input label="Adresse secrète du calendrier" nativeInputProps={{ value: url, readOnly: true, onFocus: (e) => e.currentTarget.select() }} />
        </div>
      )}
      {error && <Alert className="fr-mb-3w" severity="error" as="h3" title="Action impossible" description={error.message} />}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button
            priority={active ? 'secondary' : 'primary'}
            iconId="fr-icon-calendar-line"
            onClick={() => renew.mutate(undefined, { onSuccess: (created) => setUrl(created.url) })}
            disabled={renew.isPending}
          >
            {active ? 'Renouveler l’adresse (l’ancienne cessera de fonctionner)' : 'Créer mon adresse de calendrier'}
          </Button>
        </li>
        {active && (
          <li>
            <Button priority="tertiary" onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })} disabled={revoke.isPending}>
              Révoquer l’adresse
            </Button>
          </li>
        )}
      </ul>
    </section>
  );
}
