import { useState } from 'react';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { HistoryEvent, HistoryFilter } from '../../../shared/api/index.js';
import { CHANGE_LABELS, describeValue } from '../../../shared/diff.js';
import { ACTION_STATUS_LABELS, CONVENTION_STATUS_LABELS } from '../../../shared/enums.js';
import { useHistory } from '../../api/follow-up.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';

const OBJECT_LABELS: Record<string, string> = {
  action: 'Fiche',
  indicator: 'Indicateur',
  action_note: 'Note',
  action_document: 'Document',
  review: 'Bilan',
  axis: 'Axe',
  amendment: 'Avenant',
};
const OPERATION_LABELS: Record<string, string> = { create: 'Création', update: 'Modification', delete: 'Suppression', status: 'Validation ou statut' };
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

const STATUS_LABELS: Record<string, string> = { ...CONVENTION_STATUS_LABELS, ...ACTION_STATUS_LABELS };
/** Status codes read as their French labels (« en_cours » → « En cours »). */
const valueText = (field: string, value: unknown) => (field === 'status' && typeof value === 'string' ? (STATUS_LABELS[value] ?? value) : describeValue(value));

function changesText(event: HistoryEvent): string {
  if (event.operation === 'create') return event.entityLabel ? `« ${event.entityLabel} »` : '—';
  if (event.operation === 'delete') return event.entityLabel ? `« ${event.entityLabel} » retiré` : '—';
  if (event.changes.length === 0) return 'Aucun champ modifié';
  return event.changes.map((c) => `${CHANGE_LABELS[c.field] ?? c.field} : ${valueText(c.field, c.before)} → ${valueText(c.field, c.after)}`).join(' ; ');
}

/** « Historique » of an object: who changed what and when, with a filter by person and by dates. */
export function HistoryPanel({ scope, title = 'Historique' }: { scope: string; title?: string }) {
  const [filter, setFilter] = useState<HistoryFilter>({});
  const query = useHistory(scope, filter);
  const headingId = `historique-${scope.replace(':', '-')}`;
  const set = (key: keyof HistoryFilter) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [key]: e.target.value || undefined }));
  return (
    <section aria-labelledby={headingId} className="fr-mb-6w">
      <h2 id={headingId}>{title}</h2>
      <div className="fr-grid-row fr-grid-row--gutters" role="group" aria-label="Filtrer l’historique">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Personne" nativeSelectProps={{ value: filter.actor ?? '', onChange: set('actor') }}>
            <option value="">Toutes</option>
            {(query.data?.actors ?? []).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-4">
          <Input label="Du" nativeInputProps={{ type: 'date', value: filter.from ?? '', onChange: set('from') }} />
        </div>
        <div className="fr-col-6 fr-col-md-4">
          <Input label="Au" nativeInputProps={{ type: 'date', value: filter.to ?? '', onChange: set('to') }} />
        </div>
      </div>
      {query.isPending && <Loading label="Chargement de l’historique…" />}
      {query.isError && <ErrorAlert error={query.error} />}
      {query.data && query.data.events.length === 0 && <p>Aucun changement enregistré pour ces critères.</p>}
      {query.data && query.data.events.length > 0 && (
        <Table
          caption={`${title}, du plus récent au plus ancien`}
          noCaption
          fixed
          headers={['Quand', 'Qui', 'Objet', 'Opération', 'Changements (avant → après)']}
          data={query.data.events.map((e) => [
            dateTime.format(new Date(e.at)),
            e.origin ? `${e.actor} — ${e.origin}` : e.actor,
            OBJECT_LABELS[e.entityType] ?? e.entityType,
            OPERATION_LABELS[e.operation] ?? e.operation,
            changesText(e),
          ])}
        />
      )}
    </section>
  );
}
