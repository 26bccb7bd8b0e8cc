import { useSearchParams } from 'react-router';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { formatInteger } from '../../../shared/format.js';
import { useConventionList, type ConventionFilters as Filters } from '../../api/conventions.js';
import { listExportUrl } from '../../api/office.js';
import { useMe } from '../../api/session.js';
import { useThemeLabel } from '../../api/reference.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { ConventionCard } from './ConventionCard.js';
import { ConventionFilters } from './ConventionFilters.js';

const FILTER_KEYS = ['q', 'status', 'theme', 'territory', 'year'] as const;

export default function ConventionsPage() {
  usePageTitle('Conventions');
  const [params, setParams] = useSearchParams();
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const onChange = (next: Filters) => {
    const search = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = next[key];
      if (value) search.set(key, value);
    }
    setParams(search);
  };

  return (
    <>
      <h1>Conventions territoriales globales</h1>
      <ConventionFilters filters={filters} onChange={onChange} />
      <Results filters={filters} />
    </>
  );
}

function Results({ filters }: { filters: Filters }) {
  const list = useConventionList(filters);
  const themeLabel = useThemeLabel();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const signedIn = Boolean(useMe().data?.user);

  return (
    <section aria-labelledby="resultats-titre">
      <h2 id="resultats-titre" className="fr-h4">
        Résultats
      </h2>
      <p role="status" className="fr-mb-2w">
        {list.isPending
          ? 'Chargement des conventions…'
          : list.isError
            ? ''
            : total === 0
              ? 'Aucune convention ne correspond à ces critères.'
              : `${formatInteger(total)} convention${total > 1 ? 's' : ''}`}
      </p>
      {list.isError && <ErrorAlert error={list.error} />}
      {signedIn && total > 0 && (
        <p>
          <a className="fr-link fr-icon-download-line fr-link--icon-left" href={listExportUrl('conventions', filters)} download>
            Exporter ces conventions (Excel)
          </a>
        </p>
      )}
      {items.length > 0 && (
        <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list" role="list">
          {items.map((convention) => (
            <li key={convention.id} className="fr-col-12 fr-col-md-6">
              <ConventionCard convention={convention} themeLabel={themeLabel} />
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <p className="fr-mt-4w">
          <Button priority="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Chargement…' : 'Voir plus'}
          </Button>{' '}
          <span className="fr-text--sm">
            {formatInteger(items.length)} sur {formatInteger(total)} affichées
          </span>
        </p>
      )}
      {list.isFetching && !list.isPending && !list.isFetchingNextPage && <Loading label="Mise à jour…" />}
    </section>
  );
}
