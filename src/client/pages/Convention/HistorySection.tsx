import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ConventionDetail } from '../../../shared/api/index.js';
import { CONVENTION_STATUS_LABELS } from '../../../shared/enums.js';
import { formatLongDate } from '../../../shared/format.js';

export function HistorySection({ history }: { history: ConventionDetail['statusHistory'] }) {
  return (
    <section aria-labelledby="historique" className="fr-mb-6w">
      <h2 id="historique">Historique des statuts</h2>
      {history.length === 0 ? (
        <p>Aucun changement de statut enregistré.</p>
      ) : (
        <Table
          caption="Changements de statut, du plus ancien au plus récent"
          noCaption
          headers={['Date d’effet', 'Ancien statut', 'Nouveau statut', 'Commentaire', 'Enregistré le']}
          data={history.map((change) => [
            formatLongDate(change.effectiveDate ?? change.changedAt.slice(0, 10)),
            change.fromStatus ? CONVENTION_STATUS_LABELS[change.fromStatus] : 'Création',
            CONVENTION_STATUS_LABELS[change.toStatus],
            change.comment ?? '—',
            formatLongDate(change.changedAt.slice(0, 10)),
          ])}
        />
      )}
    </section>
  );
}
