import { Link, useSearchParams } from 'react-router';
import type { ThemesMatrix } from '../../../shared/api/index.js';
import { formatPeriod } from '../../../shared/format.js';
import { useThemesMatrix } from '../../api/coverage.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';
import { csvHref } from '../Coverage/csv.js';
import { ThemeActionsSection } from './ThemeActionsSection.js';
import { ScopeSelect } from './ScopeSelect.js';
import '../Coverage/print.css';

const DEPARTEMENT = /^(?:[0-9][0-9AB]|97[1-6])$/;
const THEME = /^[a-z][a-z0-9_]{1,39}$/;

export default function ThemesMatrixPage() {
  usePageTitle('Champs d’intervention par territoire');
  const [params] = useSearchParams();
  const departement = DEPARTEMENT.test(params.get('departement') ?? '') ? params.get('departement')! : undefined;
  const theme = THEME.test(params.get('theme') ?? '') ? params.get('theme')! : undefined;
  const conventionParam = Number(params.get('convention'));
  const convention = Number.isInteger(conventionParam) && conventionParam > 0 ? conventionParam : undefined;
  const matrix = useThemesMatrix({ departement });
  return (
    <>
      <h1>Champs d’intervention par territoire</h1>
      <p className="fr-text--lead">
        Ce que chaque convention engage, champ par champ : nombre d’actions du plan, ou champ déclaré sans action encore inscrite.
        Choisissez une case pour voir les actions.
      </p>
      <ScopeSelect departement={departement} to={(d) => paths.themesMatrix({ departement: d })} />
      {matrix.isPending && <Loading />}
      {matrix.isError && <ErrorAlert error={matrix.error} />}
      {matrix.data && <MatrixTable matrix={matrix.data} departement={departement} />}
      {theme && <ThemeActionsSection departement={departement} theme={theme} convention={convention} />}
    </>
  );
}

function MatrixTable({ matrix, departement }: { matrix: ThemesMatrix; departement?: string }) {
  if (matrix.rows.length === 0) return <p>Aucune convention sur ce territoire.</p>;
  const place = (row: ThemesMatrix['rows'][number]) => row.territories.map((t) => t.name).join(', ');
  const csv = csvHref(
    ['Convention', 'Territoires', 'Période', ...matrix.themes.map((t) => t.label)],
    matrix.rows.map((r) => [r.title, place(r), formatPeriod(r.startYear, r.endYear), ...r.cells.map((c) => (c.actionCount > 0 ? c.actionCount : c.declared ? 'déclaré' : ''))]),
  );
  return (
    <section aria-labelledby="matrice">
      <h2 id="matrice">Matrice — {matrix.scope.name}</h2>
      <div className="fr-table ctg-matrix">
        <table>
          <caption>Nombre d’actions par convention et par champ d’intervention ({matrix.scope.name})</caption>
          <thead>
            <tr>
              <th scope="col">Territoire</th>
              {matrix.themes.map((t) => (
                <th key={t.code} scope="col">
                  <Link to={paths.themesMatrix({ departement, theme: t.code })}>{t.label}</Link>
                  <br />
                  <span className="fr-text--xs">
                    {t.conventionCount} conv. · {t.actionCount} act.
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.conventionId}>
                <th scope="row">
                  <Link to={paths.convention(row.conventionId)}>{place(row)}</Link>
                  <br />
                  <span className="fr-text--xs">{formatPeriod(row.startYear, row.endYear)}</span>
                </th>
                {row.cells.map((cell, i) => {
                  const label = matrix.themes[i]!.label;
                  if (cell.actionCount > 0) {
                    return (
                      <td key={cell.theme}>
                        <Link to={paths.themesMatrix({ departement, theme: cell.theme, convention: row.conventionId })}>
                          {cell.actionCount}
                          <span className="fr-sr-only">
                            {' '}
                            action{cell.actionCount > 1 ? 's' : ''} « {label} » — {place(row)}
                          </span>
                        </Link>
                      </td>
                    );
                  }
                  return <td key={cell.theme}>{cell.declared ? 'déclaré' : <span aria-label="aucun engagement">—</span>}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <a className="fr-link fr-icon-download-line fr-link--icon-left ctg-no-print" href={csv} download="champs-par-territoire.csv">
        Télécharger la matrice (CSV)
      </a>
    </section>
  );
}
