import { Table } from '@codegouvfr/react-dsfr/Table';
import type { BudgetLine } from '../../../shared/api/index.js';
import { BUDGET_NATURE_LABELS } from '../../../shared/plan.js';
import { formatEuros } from '../../../shared/plan-format.js';

export function BudgetSection({ lines }: { lines: BudgetLine[] }) {
  const planned = lines.reduce((sum, l) => sum + l.plannedCents, 0);
  const actual = lines.reduce((sum, l) => sum + (l.actualCents ?? 0), 0);
  return (
    <section aria-labelledby="budget" className="fr-mb-6w">
      <h2 id="budget">Budget</h2>
      {lines.length === 0 ? (
        <p>Aucune ligne budgétaire.</p>
      ) : (
        <Table
          caption="Lignes budgétaires par année et financeur"
          noCaption
          headers={['Année', 'Financeur', 'Nature', 'Prévu', 'Réalisé']}
          data={[
            ...lines.map((l) => [String(l.year), l.funder, BUDGET_NATURE_LABELS[l.nature], formatEuros(l.plannedCents), l.actualCents === null ? 'non connu' : formatEuros(l.actualCents)]),
            ['Total', '', '', formatEuros(planned), formatEuros(actual)],
          ]}
        />
      )}
    </section>
  );
}
