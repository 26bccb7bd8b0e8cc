import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { openDataSchemaUrl, openDataUrl } from '../../api/office.js';
import { usePageTitle } from '../../components/brand.js';
import { paths } from '../../paths.js';

const SETS = [
  {
    set: 'conventions' as const,
    title: 'Conventions signées',
    detail: 'Une ligne par convention signée : Caf, territoires (codes officiels géographiques), période, date de signature, population couverte.',
  },
  {
    set: 'actions' as const,
    title: 'Actions publiées',
    detail: 'Une ligne par action mise en avant d’une convention signée : champs d’intervention, pilote, public, statut, calendrier.',
  },
];

/** Public page: the open data files and their documented schemas. */
export default function OpenDataPage() {
  usePageTitle('Données ouvertes');
  return (
    <>
      <Breadcrumb currentPageLabel="Données ouvertes" homeLinkProps={{ to: paths.home }} segments={[]} />
      <h1>Données ouvertes</h1>
      <p>
        Les conventions territoriales globales signées et leurs actions publiées, en CSV (UTF-8, séparateur virgule) et en JSON, librement
        réutilisables. Seules les données publiées y figurent. Chaque jeu suit un schéma versionné au format Table Schema, qui décrit chaque
        colonne.
      </p>
      {SETS.map((s) => (
        <section key={s.set} aria-labelledby={`jeu-${s.set}`} className="fr-mb-4w">
          <h2 id={`jeu-${s.set}`}>{s.title}</h2>
          <p>{s.detail}</p>
          <ul>
            <li>
              <a className="fr-link fr-icon-download-line fr-link--icon-left" href={openDataUrl(s.set, 'csv')} download>
                {s.title} — CSV
              </a>
            </li>
            <li>
              <a className="fr-link fr-icon-download-line fr-link--icon-left" href={openDataUrl(s.set, 'json')}>
                {s.title} — JSON
              </a>
            </li>
            <li>
              <a className="fr-link" href={openDataSchemaUrl(s.set)}>
                Schéma du jeu « {s.title.toLowerCase()} » (Table Schema)
              </a>
            </li>
          </ul>
        </section>
      ))}
    </>
  );
}
