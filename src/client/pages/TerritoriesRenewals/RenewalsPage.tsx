import { Link, useNavigate, useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { RenewalConvention } from '../../../shared/api/index.js';
import { formatInteger, formatLongDate, formatPeriod } from '../../../shared/format.js';
import { useRenewals } from '../../api/coverage.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { ConventionStatusBadge } from '../../components/StatusBadge.js';
import { paths } from '../../paths.js';
import { ScopeSelect } from '../TerritoriesMatrix/ScopeSelect.js';
import { csvHref } from '../Coverage/csv.js';
import '../Coverage/print.css';

const DEPARTEMENT = /^(?:[0-9][0-9AB]|97[1-6])$/;
const HORIZONS = [6, 12, 18, 24, 36];

export default function RenewalsPage() {
  usePageTitle('Calendrier des renouvellements');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const departement = DEPARTEMENT.test(params.get('departement') ?? '') ? params.get('departement')! : undefined;
  const months = HORIZONS.includes(Number(params.get('months'))) ? Number(params.get('months')) : 12;
  const renewals = useRenewals({ departement, months });
  return (
    <>
      <h1>Calendrier des renouvellements</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <ScopeSelect departement={departement} to={(d) => paths.renewals({ departement: d, months })} />
        <Select
          className="ctg-no-print fr-col-12 fr-col-md-4"
          label="Échéance dans les"
          nativeSelectProps={{ value: String(months), onChange: (e) => navigate(paths.renewals({ departement, months: e.target.value })) }}
        >
          {HORIZONS.map((m) => (
            <option key={m} value={m}>
              {m} prochains mois
            </option>
          ))}
        </Select>
      </div>
      {renewals.isPending && <Loading />}
      {renewals.isError && <ErrorAlert error={renewals.error} />}
      {renewals.data && (
        <>
          <ConventionsSection
            id="echeances"
            title={`Conventions en vigueur qui se terminent d’ici ${months} mois`}
            empty="Aucune convention en vigueur ne se termine dans cet horizon."
            conventions={renewals.data.endingSoon}
          />
          <ConventionsSection
            id="echues"
            title="Conventions échues sans convention qui les renouvelle"
            empty="Toutes les conventions échues ont été renouvelées."
            conventions={renewals.data.expiredWithoutSuccessor}
          />
          <section aria-labelledby="jamais-couvertes" className="fr-mt-6w">
            <h2 id="jamais-couvertes">Communes jamais couvertes par une convention signée</h2>
            <p>
              {formatInteger(renewals.data.neverCovered.communes.length)} communes, {formatInteger(renewals.data.neverCovered.population)} habitants
              ({renewals.data.scope.name}).
            </p>
            <div className="fr-table fr-table--no-scroll">
              <table>
                <caption>Communes jamais couvertes, les plus peuplées d’abord</caption>
                <thead>
                  <tr>
                    <th scope="col">Commune</th>
                    <th scope="col">Code INSEE</th>
                    <th scope="col">Population</th>
                  </tr>
                </thead>
                <tbody>
                  {renewals.data.neverCovered.communes.slice(0, 200).map((c) => (
                    <tr key={c.code}>
                      <th scope="row">{c.name}</th>
                      <td>{c.code}</td>
                      <td>{formatInteger(c.population)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <a
              className="fr-link fr-icon-download-line fr-link--icon-left ctg-no-print"
              href={csvHref(['Code INSEE', 'Commune', 'Population'], renewals.data.neverCovered.communes.map((c) => [c.code, c.name, c.population]))}
              download="communes-jamais-couvertes.csv"
            >
              Télécharger toutes les communes jamais couvertes (CSV)
            </a>
          </section>
        </>
      )}
    </>
  );
}

function ConventionsSection({ id, title, empty, conventions }: { id: string; title: string; empty: string; conventions: RenewalConvention[] }) {
  return (
    <section aria-labelledby={id} className="fr-mt-6w">
      <h2 id={id}>{title}</h2>
      {conventions.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="fr-table fr-table--no-scroll">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Convention</th>
                <th scope="col">Période</th>
                <th scope="col">Fin</th>
                <th scope="col">Population</th>
                <th scope="col">Statut</th>
              </tr>
            </thead>
            <tbody>
              {conventions.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={paths.convention(c.id)}>{c.title}</Link>
                  </th>
                  <td>{formatPeriod(c.startYear, c.endYear)}</td>
                  <td>{formatLongDate(c.endDate)}</td>
                  <td>{formatInteger(c.population)}</td>
                  <td>
                    <ConventionStatusBadge status={c.status} small />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
