import type { Coverage } from '../../../shared/api/index.js';
import { formatInteger, formatLongDate, formatPercent } from '../../../shared/format.js';

/** The key figures of a coverage answer, in words as well as numbers. */
export function CoverageFigures({ coverage }: { coverage: Coverage }) {
  const figures = [
    { label: 'de la population couverte par une CTG en vigueur', value: formatPercent(coverage.rate) },
    { label: 'habitants couverts', value: formatInteger(coverage.coveredPopulation) },
    { label: `habitants au total (${coverage.scope.name})`, value: formatInteger(coverage.population) },
    { label: `communes couvertes sur ${formatInteger(coverage.communeCount)}`, value: formatInteger(coverage.coveredCommuneCount) },
  ];
  return (
    <section aria-labelledby="chiffres-couverture" className="fr-mb-4w">
      <h2 id="chiffres-couverture">
        {coverage.scope.name} au {formatLongDate(coverage.date)}
      </h2>
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list" role="list">
        {figures.map((f) => (
          <li key={f.label} className="fr-col-12 fr-col-sm-6 fr-col-lg-3">
            <div className="fr-p-3w ctg-figure-box">
              <p className="fr-m-0">
                <span className="ctg-figure">{f.value}</span>
                {f.label}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <p className="fr-text--sm fr-mt-2w">
        Une commune est couverte à une date quand elle est dans le périmètre (directement ou par son EPCI ou EPT) d’une convention
        signée à cette date, dont la période (du 1er janvier de l’année de début au 31 décembre de l’année de fin) comprend la date,
        et qui n’a pas été résiliée. Une commune couverte deux fois compte une fois. Populations municipales du Code officiel
        géographique.
      </p>
    </section>
  );
}
