import { Link } from 'react-router';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { Stats } from '../../../shared/api/index.js';
import { CONVENTION_STATUS_LABELS } from '../../../shared/enums.js';
import { formatInteger } from '../../../shared/format.js';
import { useStats } from '../../api/reference.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading } from '../../components/PageState.js';
import { paths } from '../../paths.js';

export default function HomePage() {
  usePageTitle('Accueil');
  const stats = useStats();
  if (stats.isPending) return <Loading label="Chargement des chiffres clés…" />;
  if (stats.isError) return <LoadError error={stats.error} />;
  return <KeyFigures stats={stats.data} />;
}

function KeyFigures({ stats }: { stats: Stats }) {
  const figures = [
    { label: 'Conventions territoriales globales', value: stats.conventionCount },
    { label: 'Communes couvertes par une convention signée', value: stats.communesCovered },
    { label: 'Habitants couverts (population municipale)', value: stats.populationCovered },
    { label: 'Actions inscrites aux plans d’actions', value: stats.actionCount },
  ];
  return (
    <>
      <h1>Les conventions territoriales globales en chiffres</h1>
      <section aria-labelledby="chiffres-cles" className="fr-mb-6w">
        <h2 id="chiffres-cles">Chiffres clés</h2>
        <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list" role="list">
          {figures.map((figure) => (
            <li key={figure.label} className="fr-col-12 fr-col-sm-6 fr-col-lg-3">
              <div className="fr-p-3w ctg-figure-box">
                <p className="fr-m-0">
                  <span className="ctg-figure">{formatInteger(figure.value)}</span>
                  {figure.label}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <div className="fr-grid-row fr-grid-row--gutters">
        <section aria-labelledby="par-statut" className="fr-col-12 fr-col-md-5">
          <h2 id="par-statut">Conventions par statut</h2>
          <Table
            caption="Nombre de conventions par statut"
            noCaption
            headers={['Statut', 'Conventions']}
            data={stats.conventionsByStatus.map((row) => [
              <Link key={row.status} to={`${paths.conventions}?status=${row.status}`}>
                {CONVENTION_STATUS_LABELS[row.status]}
              </Link>,
              formatInteger(row.count),
            ])}
          />
        </section>
        <section aria-labelledby="par-champ" className="fr-col-12 fr-col-md-7">
          <h2 id="par-champ">Champs d’intervention</h2>
          <Table
            caption="Conventions et actions par champ d’intervention"
            noCaption
            headers={['Champ d’intervention', 'Conventions', 'Actions']}
            data={stats.themes.map((theme) => [
              <Link key={theme.code} to={paths.conventionsWithTheme(theme.code)}>
                {theme.label}
              </Link>,
              formatInteger(theme.conventionCount),
              formatInteger(theme.actionCount),
            ])}
          />
        </section>
      </div>
    </>
  );
}
