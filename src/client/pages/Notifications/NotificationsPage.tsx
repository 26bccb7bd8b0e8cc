import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { NOTIFICATION_MODES, NOTIFICATION_MODE_LABELS, type NotificationList } from '../../../shared/api/notifications.js';
import { useNotificationChanges, useNotifications } from '../../api/governance.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';

const FILTERS = [
  { value: 'all', label: 'Toutes' },
  { value: 'unread', label: 'Non lues' },
  { value: 'action', label: 'À traiter' },
] as const;
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

export default function NotificationsPage() {
  usePageTitle('Notifications');
  const [filter, setFilter] = useState<(typeof FILTERS)[number]['value']>('all');
  const list = useNotifications(filter);
  const { readAll } = useNotificationChanges();
  return (
    <>
      <h1>Notifications</h1>
      {list.data && (
        <p className="fr-text--lead">
          {list.data.unread} non lue{list.data.unread > 1 ? 's' : ''} · {list.data.needsAction} attend{list.data.needsAction > 1 ? 'ent' : ''} une action de votre part
        </p>
      )}
      <div className="fr-btns-group fr-btns-group--inline-md" role="group" aria-label="Filtrer les notifications">
        {FILTERS.map((f) => (
          <Button key={f.value} priority={filter === f.value ? 'primary' : 'secondary'} nativeButtonProps={{ 'aria-pressed': filter === f.value }} onClick={() => setFilter(f.value)}>
            {f.label}
          </Button>
        ))}
        <Button priority="tertiary" onClick={() => readAll.mutate()} disabled={readAll.isPending || !list.data?.unread}>
          Tout marquer comme lu
        </Button>
      </div>
      {list.isPending && <Loading label="Chargement des notifications…" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && <Items list={list.data} />}
      {list.data && <Preference mode={list.data.mode} />}
    </>
  );
}

function Items({ list }: { list: NotificationList }) {
  const { read } = useNotificationChanges();
  if (list.items.length === 0) return <p>Aucune notification.</p>;
  return (
    <section aria-labelledby="liste-notifications" className="fr-mb-6w">
      <h2 id="liste-notifications" className="fr-sr-only">
        Liste des notifications
      </h2>
      <ul className="fr-raw-list">
        {list.items.map((n) => (
          <li key={n.id} className="fr-mb-3w">
            <h3 className="fr-h6 fr-mb-1v">
              {n.read ? '' : 'Non lue · '}
              {n.needsAction ? 'À traiter · ' : ''}
              {n.link ? <Link to={n.link} onClick={() => !n.read && read.mutate(n.id)}>{n.title}</Link> : n.title}
            </h3>
            <p className="fr-text--sm fr-mb-1v">{dateTime.format(new Date(n.createdAt))}</p>
            <p className="fr-mb-1v" style={{ whiteSpace: 'pre-line' }}>
              {n.body}
            </p>
            {!n.read && (
              <Button size="small" priority="tertiary" onClick={() => read.mutate(n.id)} title={`Marquer comme lue : ${n.title}`}>
                Marquer comme lue
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Preference({ mode }: { mode: 'immediate' | 'digest' }) {
  const { preference } = useNotificationChanges();
  return (
    <section aria-labelledby="preference" className="fr-mb-6w">
      <h2 id="preference">Courriels</h2>
      <RadioButtons
        legend="Comment recevoir vos notifications par courriel ?"
        options={NOTIFICATION_MODES.map((m) => ({ label: NOTIFICATION_MODE_LABELS[m], nativeInputProps: { checked: mode === m, onChange: () => preference.mutate(m) } }))}
      />
    </section>
  );
}
