import '@gouvfr/dsfr-chart/LineChart';
import '@gouvfr/dsfr-chart/LineChart.css';
import type { SeriesCompare } from '../../../shared/api/index.js';

/** A territory's series against its département and France (loaded lazily with the chart library). */
export default function SeriesChart({ compare }: { compare: SeriesCompare }) {
  const lines = [
    { name: compare.territory.name, values: compare.points.map((p) => [p.date, p.territory] as const) },
    ...(compare.departement ? [{ name: compare.departement.name, values: compare.points.map((p) => [p.date, p.departement] as const) }] : []),
    { name: 'France', values: compare.points.map((p) => [p.date, p.france] as const) },
  ]
    .map((l) => ({ name: l.name, values: l.values.filter((v): v is readonly [string, number] => v[1] !== null) }))
    .filter((l) => l.values.length > 0);
  return (
    <line-chart
      x={JSON.stringify(lines.map((l) => l.values.map((v) => v[0])))}
      y={JSON.stringify(lines.map((l) => l.values.map((v) => v[1])))}
      name={JSON.stringify(lines.map((l) => l.name))}
      unit-tooltip={compare.series.unit}
    />
  );
}
