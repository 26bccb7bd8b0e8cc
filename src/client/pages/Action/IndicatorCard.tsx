import { lazy, Suspense, useId, useState } from 'react';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import type { Indicator } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';
import { expectedAt } from '../../../shared/indicator-state.js';
import { INDICATOR_DIRECTION_LABELS, INDICATOR_KIND_LABELS } from '../../../shared/plan.js';
import { formatDecimal } from '../../../shared/plan-format.js';
import { IndicatorStateBadge } from '../../components/IndicatorStateBadge.js';
import { ValueForm } from './ValueForm.js';
import { IndicatorActions, RemoveValueButton } from './IndicatorActions.js';
import { IndicatorForm } from './IndicatorForm.js';

// The chart library (Vue + Chart.js inside web components) is loaded only when a chart is shown.
const IndicatorChart = lazy(() => import('./IndicatorChart.js'));

/** One indicator: state and its explanation, values as a table or a chart; with `canEdit`, its changes. */
export function IndicatorCard({ indicator, canEdit = true }: { indicator: Indicator; canEdit?: boolean }) {
  const [view, setView] = useState<'table' | 'chart'>('table');
  const [editing, setEditing] = useState(false);
  const name = useId();
  const headingId = `indicateur-${indicator.id}`;
  return (
    <article className="fr-p-3w fr-mb-3w ctg-action" aria-labelledby={headingId}>
      <h3 id={headingId} className="fr-h5 fr-mb-1w">
        {indicator.title}
      </h3>
      <p className="fr-mb-1w">
        <IndicatorStateBadge state={indicator.assessment.state} /> <span>{indicator.assessment.explanation}</span>
      </p>
      {indicator.illustrative && (
        <p className="fr-mb-1w">
          <Tag small>Chiffres d’illustration, ne provenant pas de la Caf</Tag>
        </p>
      )}
      <p className="fr-text--sm fr-mb-2w">
        {INDICATOR_KIND_LABELS[indicator.kind]} · {INDICATOR_DIRECTION_LABELS[indicator.direction]} · référence{' '}
        {formatDecimal(indicator.baselineValue)} {indicator.unit} au {formatLongDate(indicator.baselineDate)} · cible {formatDecimal(indicator.targetValue)}{' '}
        {indicator.unit} au {formatLongDate(indicator.targetDate)}
      </p>
      {indicator.values.length > 0 && (
        <SegmentedControl
          small
          legend="Affichage des valeurs"
          hideLegend
          name={name}
          segments={[
            { label: 'Tableau', nativeInputProps: { checked: view === 'table', onChange: () => setView('table') } },
            { label: 'Graphique', nativeInputProps: { checked: view === 'chart', onChange: () => setView('chart') } },
          ]}
        />
      )}
      {indicator.values.length > 0 && view === 'chart' && (
        <Suspense fallback={<p>Chargement du graphique…</p>}>
          <IndicatorChart indicator={indicator} />
        </Suspense>
      )}
      {indicator.values.length > 0 && view === 'table' && (
        <Table
          caption={`Valeurs mesurées : ${indicator.title}`}
          noCaption
          headers={['Date', 'Valeur mesurée', 'Attendu (trajectoire)', 'Source', 'Commentaire', ...(canEdit ? ['Retirer'] : [])]}
          data={indicator.values.map((v) => [
            formatLongDate(v.date),
            `${formatDecimal(v.value)} ${indicator.unit}`,
            `${formatDecimal(expectedAt(indicator, v.date))} ${indicator.unit}`,
            v.source ?? '—',
            v.comment ?? '—',
            ...(canEdit ? [<RemoveValueButton key={v.id} indicator={indicator} value={v} />] : []),
          ])}
        />
      )}
      {canEdit && <ValueForm indicator={indicator} />}
      {canEdit && !editing && <IndicatorActions indicator={indicator} onEdit={() => setEditing(true)} />}
      {canEdit && editing && (
        <IndicatorForm conventionId={indicator.conventionId} owner={indicator.actionId ? { actionId: indicator.actionId } : { axisId: indicator.axisId! }} indicator={indicator} onDone={() => setEditing(false)} />
      )}
    </article>
  );
}
