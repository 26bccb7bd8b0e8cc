import { useState, type FormEvent } from 'react';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { SECURITY_EVENT_LABELS, type SecurityEvent } from '../../../shared/api/security.js';
import { securityLogCsvUrl, useSecurityLog, type SecurityLogFilter } from '../../api/security.js';
import { useMe } from '../../api/session.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';
import { ForbiddenContent } from '../Forbidden/ForbiddenContent.js';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Paris' });

function detailsText(event: SecurityEvent): string {
  if (!event.details) return '—';
  return Object.entries(event.details)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k} : ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ; ');
}

/** The security log: sign-ins, failures, permission changes and exports, with filters and a CSV export. */
export default function SecurityLogPage() {
  usePageTitle('Journal de sécurité');
  const me = useMe();
  const [filter, setFilter] = useState<SecurityLogFilter>({});
  const log = useSecurityLog(filter);
  if (!me.data?.user?.isPlatformAdmin) {
    return <ForbiddenContent reason="Le journal de sécurité est réservé aux administrateurs de la plateforme." />;
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (key: string) => (String(data.get(key) ?? '').trim() || undefined);
    setFilter({ from: value('from'), to: value('to'), actor: value('actor'), event: value('event') });
  };
  const events = log.data?.pages.flatMap((p) => p.items) ?? [];
  const total = log.data?.pages[0]?.total ?? 0;
  return (
    <>
      <Breadcrumb currentPageLabel="Journal de sécurité" homeLinkProps={{ to: paths.home }} segments={[{ label: 'Administration', linkProps: { to: paths.administration } }]} />
      <h1>Journal de sécurité</h1>
      <p className="fr-text--lead">Connexions, échecs de connexion, changements de droits et exports de données : qui, quand, depuis où.</p>
      <form onSubmit={submit} aria-labelledby="filtres-journal" className="fr-mb-4w">
        <h2 id="filtres-journal" className="fr-h5">
          Filtrer
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-6 fr-col-md-3">
            <Input label="Du" nativeInputProps={{ name: 'from', type: 'date' }} />
          </div>
          <div className="fr-col-6 fr-col-md-3">
            <Input label="Au" nativeInputProps={{ name: 'to', type: 'date' }} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Input label="Personne" hintText="Partie de l’adresse e-mail ou du nom" nativeInputProps={{ name: 'actor', maxLength: 254 }} />
          </div>
          <div className="fr-col-12 fr-col-md-3">
            <Select label="Événement" nativeSelectProps={{ name: 'event', defaultValue: '' }}>
              <option value="">Tous</option>
              {Object.entries(SECURITY_EVENT_LABELS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
          <li>
            <Button type="submit">Filtrer</Button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={securityLogCsvUrl(filter)} download>
              Exporter en CSV
            </a>
          </li>
        </ul>
      </form>
      {log.isPending && <Loading label="Chargement du journal…" />}
      {log.isError && <ErrorAlert error={log.error} />}
      {log.data && (
        <p role="status">
          {total === 0 ? 'Aucun événement pour ces critères.' : `${total.toLocaleString('fr-FR')} événement${total > 1 ? 's' : ''}, du plus récent au plus ancien.`}
        </p>
      )}
      {events.length > 0 && (
        <Table
          caption="Événements du journal de sécurité"
          noCaption
          headers={['Quand', 'Événement', 'Personne', 'Adresse IP', 'Navigateur', 'Détails']}
          data={events.map((e) => [dateTime.format(new Date(e.at)), e.eventLabel, e.actor, e.ip ?? '—', e.userAgent ?? '—', detailsText(e)])}
        />
      )}
      {log.hasNextPage && (
        <Button priority="secondary" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          Afficher les événements plus anciens
        </Button>
      )}
    </>
  );
}
