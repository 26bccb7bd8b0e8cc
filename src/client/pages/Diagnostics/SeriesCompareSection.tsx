import { lazy, Suspense, useState } from 'react';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import type { SeriesCompare } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';
import { useSeriesCompare } from '../../api/diagnostics.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { csvHref } from '../Coverage/csv.js';

const SeriesChart = lazy(() => import('./SeriesChart.js'));
const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const show = (value: number | null) => (value === null ? '—' : number.format(value));

/** One series for one territory, its département and France: chart or table, and the CSV. */
export function SeriesCompareSection({ series, territory }: { series?: string; territory?: string }) {
  const compare = useSeriesCompare(series, territory);
  const [view, setView] = useState<'chart' | 'table'>('table');
  if (!series || !territory) return <p>Choisissez une série et un territoire pour voir ses valeurs face au département et à la France.</p>;
  if (compare.isPending) return <Loading label="Chargement de la série…" />;
  if (compare.isError) return <ErrorAlert error={compare.error} />;
  const data = compare.data;
  if (data.points.length === 0) return <p>Aucune valeur de « {data.series.label} » pour ce territoire, son département ou la France.</p>;
  return (
    <>
      <SegmentedControl
        className="ctg-no-print fr-mb-2w"
        legend="Présentation"
        small
        segments={[
          { label: 'Tableau', nativeInputProps: { checked: view === 'table', onChange: () => setView('table') } },
          { label: 'Graphique', nativeInputProps: { checked: view === 'chart', onChange: () => setView('chart') } },
        ]}
      />
      {view === 'chart' ? (
        <Suspense fallback={<Loading label="Chargement du graphique…" />}>
          <SeriesChart compare={data} />
        </Suspense>
      ) : (
        <CompareTable compare={data} />
      )}
      <a className="fr-link fr-icon-download-line fr-link--icon-left ctg-no-print" href={compareCsv(data)} download={`${data.series.code}-${data.territory.code}.csv`}>
        Télécharger les données (CSV)
      </a>
    </>
  );
}

function compareCsv(c: SeriesCompare) {
  const headers = ['Date', c.territory.name, ...(c.departement ? [c.departement.name] : []), 'France'];
  return csvHref(
    headers,
    c.points.map((p) => [p.date, p.territory, ...(c.departement ? [p.departement] : []), p.france]),
  );
}

function CompareTable({ compare }: { compare: SeriesCompare }) {
  return (
    <div className="fr-table fr-table--no-scroll">
      <table>
        <caption>
          {compare.series.label} ({compare.series.unit}) — {compare.territory.name}
          {compare.departement ? `, ${compare.departement.name}` : ''} et France
        </caption>
        <thead>
          <tr>
            <th scope="col">Date de référence</th>
            <th scope="col">{compare.territory.name}</th>
            {compare.departement && <th scope="col">{compare.departement.name}</th>}
            <th scope="col">France</th>
          </tr>
        </thead>
        <tbody>
          {compare.points.map((p) => (
            <tr key={p.date}>
              <th scope="row">{formatLongDate(p.date)}</th>
              <td>{show(p.territory)}</td>
              {compare.departement && <td>{show(p.departement)}</td>}
              <td>{show(p.france)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {compare.series.roundedTo && <p className="fr-text--xs">Effectifs arrondis à {compare.series.roundedTo} (secret statistique).</p>}
    </div>
  );
}
