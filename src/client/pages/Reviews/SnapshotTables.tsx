import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ReviewSnapshot } from '../../../shared/api/index.js';
import { ACTION_STATUS_LABELS } from '../../../shared/enums.js';
import { INDICATOR_STATE_LABELS } from '../../../shared/plan.js';

/** What the review records: axes, actions and indicators as they stood. */
export function SnapshotTables({ snapshot }: { snapshot: ReviewSnapshot }) {
  const axisTitle = (id: number | null) => (id === null ? '—' : (snapshot.axes.find((a) => a.id === id)?.title ?? '—'));
  return (
    <section aria-labelledby="instantane" className="fr-mb-6w">
      <h2 id="instantane">Instantané du plan d’actions</h2>
      {snapshot.axes.length > 0 && (
        <Table
          caption="Avancement des axes"
          headers={['Axe', 'Avancement']}
          data={snapshot.axes.map((a) => [a.title, a.progress === null ? 'sans action' : `${a.progress} %`])}
        />
      )}
      <Table
        caption="Actions : statut et avancement"
        headers={['Action', 'Axe', 'Statut', 'Avancement']}
        data={snapshot.actions.map((a) => [
          a.title,
          axisTitle(a.axisId),
          a.statusReason ? `${ACTION_STATUS_LABELS[a.status]} (${a.statusReason})` : ACTION_STATUS_LABELS[a.status],
          `${a.progress} %`,
        ])}
      />
      {snapshot.indicators.length === 0 ? (
        <p>Aucun indicateur.</p>
      ) : (
        <Table
          caption="Indicateurs : dernière valeur et état"
          headers={['Indicateur', 'État', 'Explication']}
          data={snapshot.indicators.map((i) => [i.title, INDICATOR_STATE_LABELS[i.state], i.explanation])}
        />
      )}
    </section>
  );
}
