import '@gouvfr/dsfr-chart/LineChart';
import '@gouvfr/dsfr-chart/LineChart.css';
import type { CoverageTimeline } from '../../../shared/api/index.js';

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Line chart of the yearly coverage and its target (loaded lazily with the chart library). */
export default function TimelineChart({ timeline }: { timeline: CoverageTimeline }) {
  const years = timeline.points.map((p) => String(p.year));
  const withTarget = timeline.points.some((p) => p.target !== null);
  const series = [timeline.points.map((p) => percent(p.rate))];
  const names = ['Population couverte (%)'];
  if (withTarget) {
    series.push(timeline.points.map((p) => percent(p.target)));
    names.push(timeline.targetSource === 'caf' ? 'Cible de la Caf (%)' : 'Trajectoire nationale (%)');
  }
  return (
    <line-chart
      x={JSON.stringify(series.map(() => years))}
      y={JSON.stringify(series)}
      name={JSON.stringify(names)}
      unit-tooltip="%"
      y-min="0"
      y-max="100"
    />
  );
}
