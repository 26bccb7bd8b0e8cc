import { lazy, Suspense, useState } from 'react';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import type { CoverageTimeline } from '../../../shared/api/index.js';
import { formatInteger, formatPercent } from '../../../shared/format.js';
import { useCoverageTimeline } from '../../api/coverage.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { csvHref } from './csv.js';

const TimelineChart = lazy(() => import('./TimelineChart.js'));

/** Coverage on 31 December of each year, as a chart or a table, downloadable as CSV. */
export function TimelineSection({ departement }: { departement?: string }) {
  const timeline = useCoverageTimeline({ departement });
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <section aria-labelledby="evolution" className="fr-mt-6w">
      <h2 id="evolution">Évolution de la couverture et trajectoire</h2>
      {timeline.isPending && <Loading />}
      {timeline.isError && <ErrorAlert error={timeline.error} />}
      {timeline.data && (
        <>
          <SegmentedControl
            className="ctg-no-print fr-mb-2w"
            legend="Présentation"
            small
            segments={[
              { label: 'Graphique', nativeInputProps: { checked: view === 'chart', onChange: () => setView('chart') } },
              { label: 'Tableau', nativeInputProps: { checked: view === 'table', onChange: () => setView('table') } },
            ]}
          />
          {view === 'chart' ? (
            <Suspense fallback={<Loading label="Chargement du graphique…" />}>
              <TimelineChart timeline={timeline.data} />
            </Suspense>
          ) : (
            <TimelineTable timeline={timeline.data} />
          )}
          <a
            className="fr-link fr-icon-download-line fr-link--icon-left ctg-no-print"
            href={timelineCsv(timeline.data)}
            download={`couverture-evolution-${timeline.data.scope.code ?? 'france'}.csv`}
          >
            Télécharger les données (CSV)
          </a>
        </>
      )}
    </section>
  );
}

function timelineCsv(t: CoverageTimeline) {
  return csvHref(
    ['Année', 'Date', 'Population', 'Population couverte', 'Taux de couverture', 'Cible'],
    t.points.map((p) => [p.year, p.date, p.population, p.coveredPopulation, Math.round(p.rate * 10000) / 10000, p.target]),
  );
}

function TimelineTable({ timeline }: { timeline: CoverageTimeline }) {
  const targetLabel = timeline.targetSource === 'caf' ? 'Cible de la Caf' : 'Trajectoire nationale';
  return (
    <div className="fr-table fr-table--no-scroll">
      <table>
        <caption>Couverture au 31 décembre de chaque année — {timeline.scope.name}</caption>
        <thead>
          <tr>
            <th scope="col">Année</th>
            <th scope="col">Population couverte</th>
            <th scope="col">Taux</th>
            <th scope="col">{targetLabel}</th>
          </tr>
        </thead>
        <tbody>
          {timeline.points.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td>
                {formatInteger(p.coveredPopulation)} sur {formatInteger(p.population)}
              </td>
              <td>{formatPercent(p.rate)}</td>
              <td>{p.target === null ? '—' : formatPercent(p.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
