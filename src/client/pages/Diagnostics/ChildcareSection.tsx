import type { ChildcareCoverage } from '../../../shared/api/index.js';
import { formatInteger, formatLongDate } from '../../../shared/format.js';
import { useChildcareCoverage } from '../../api/diagnostics.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { csvHref } from '../Coverage/csv.js';

const rate = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Places for 100 children under 3, from a capacity series and a children series, with its definition. */
export function ChildcareResult({ territory, capacity, children }: { territory?: string; capacity?: string; children?: string }) {
  const coverage = useChildcareCoverage(territory, capacity, children);
  if (!territory || !capacity || !children) return <p>Choisissez un territoire, la série des places d’accueil et celle des enfants de moins de 3 ans.</p>;
  if (coverage.isPending) return <Loading label="Calcul du taux…" />;
  if (coverage.isError) return <ErrorAlert error={coverage.error} />;
  return <ChildcareTable coverage={coverage.data} />;
}

function ChildcareTable({ coverage }: { coverage: ChildcareCoverage }) {
  return (
    <>
      <div className="fr-callout fr-mb-3w">
        <h3 className="fr-callout__title">Définition</h3>
        <p className="fr-callout__text">{coverage.definition}</p>
      </div>
      {coverage.points.length === 0 ? (
        <p>Les deux séries n’ont aucune date de référence commune pour {coverage.territory.name}.</p>
      ) : (
        <>
          <div className="fr-table fr-table--no-scroll">
            <table>
              <caption>Taux de couverture en accueil du jeune enfant — {coverage.territory.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Date de référence</th>
                  <th scope="col">Places d’accueil</th>
                  <th scope="col">Enfants de moins de 3 ans</th>
                  <th scope="col">Places pour 100 enfants</th>
                </tr>
              </thead>
              <tbody>
                {coverage.points.map((p) => (
                  <tr key={p.date}>
                    <th scope="row">{formatLongDate(p.date)}</th>
                    <td>{formatInteger(p.capacity)}</td>
                    <td>{formatInteger(p.children)}</td>
                    <td>{rate.format(p.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <a
            className="fr-link fr-icon-download-line fr-link--icon-left ctg-no-print"
            href={csvHref(
              ['Date', 'Places', 'Enfants de moins de 3 ans', 'Places pour 100 enfants'],
              coverage.points.map((p) => [p.date, p.capacity, p.children, p.rate]),
            )}
            download={`taux-couverture-eaje-${coverage.territory.code}.csv`}
          >
            Télécharger le taux (CSV)
          </a>
        </>
      )}
    </>
  );
}
