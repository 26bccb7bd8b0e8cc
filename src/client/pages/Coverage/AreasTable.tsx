import { Link } from 'react-router';
import type { CoverageArea } from '../../../shared/api/index.js';
import { formatInteger, formatPercent } from '../../../shared/format.js';
import { csvHref } from './csv.js';

/** The map's table alternative: every loaded département with its figures. */
export function AreasTable({ areas, hrefOf, date }: { areas: CoverageArea[]; hrefOf: (code: string) => string; date: string }) {
  const csv = csvHref(
    ['Code', 'Département', 'Population', 'Population couverte', 'Taux de couverture', 'Communes couvertes', 'Communes'],
    areas.map((a) => [a.code, a.name, a.population, a.coveredPopulation, Math.round(a.rate * 10000) / 10000, a.coveredCommuneCount, a.communeCount]),
  );
  return (
    <>
      <div className="fr-table fr-table--no-scroll">
        <table>
          <caption>Couverture par département au {date}</caption>
          <thead>
            <tr>
              <th scope="col">Département</th>
              <th scope="col">Population</th>
              <th scope="col">Population couverte</th>
              <th scope="col">Taux</th>
              <th scope="col">Communes couvertes</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.code}>
                <th scope="row">
                  <Link to={hrefOf(a.code)}>
                    {a.name} ({a.code})
                  </Link>
                </th>
                <td>{formatInteger(a.population)}</td>
                <td>{formatInteger(a.coveredPopulation)}</td>
                <td>{formatPercent(a.rate)}</td>
                <td>
                  {formatInteger(a.coveredCommuneCount)} sur {formatInteger(a.communeCount)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <a className="fr-link fr-icon-download-line fr-link--icon-left ctg-no-print" href={csv} download={`couverture-departements-${date}.csv`}>
        Télécharger le tableau (CSV)
      </a>
    </>
  );
}
