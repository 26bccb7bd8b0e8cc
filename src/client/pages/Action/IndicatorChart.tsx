import '@gouvfr/dsfr-chart/LineChart';
import '@gouvfr/dsfr-chart/LineChart.css';
import type { Indicator } from '../../../shared/api/index.js';
import { expectedAt } from '../../../shared/indicator-state.js';


/** Measured values against the trajectory; the table next to it carries the same figures. */
export default function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const dates = indicator.values.map((v) => v.date);
  const x = JSON.stringify([dates, dates]);
  const y = JSON.stringify([indicator.values.map((v) => v.value), dates.map((d) => Math.round(expectedAt(indicator, d) * 100) / 100)]);
  return (
    <figure className="fr-my-2w" aria-label={`Graphique : ${indicator.title}, valeurs mesurées et trajectoire attendue`}>
      <line-chart x={x} y={y} name={JSON.stringify(['Mesuré', 'Attendu'])} unit-tooltip={indicator.unit} selected-palette="categorical" />
      <figcaption className="fr-text--sm">Valeurs mesurées et trajectoire attendue (voir aussi le tableau).</figcaption>
    </figure>
  );
}
