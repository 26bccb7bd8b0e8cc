import { Link } from 'react-router';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useNewsList } from '../../api/news.js';
import { usePageTitle } from '../../components/brand.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import { NEWS_STATUS_LABELS, type NewsStatus } from '../../../shared/enums.js';
import { formatLongDate } from '../../../shared/format.js';
import { paths } from '../../paths.js';
import { DraftForm } from './DraftForm.js';

const SEVERITY: Record<NewsStatus, 'info' | 'success' | 'new'> = { brouillon: 'info', publie: 'success', archive: 'new' };

/** The communication team's desk: draft an article from the signatures, then find every article by status. */
export default function NewsDeskPage() {
  usePageTitle('Rédaction des actualités');
  const list = useNewsList();
  return (
    <>
      <h1>Rédaction des actualités</h1>
      <p className="fr-text--lead">
        Pilote CTG rédige l’article à partir des signatures enregistrées : relisez-le, complétez-le, puis publiez-le.
      </p>
      <DraftForm />
      <section aria-labelledby="articles" className="fr-mt-6w">
        <h2 id="articles">Les articles</h2>
        {list.isPending && <Loading label="Chargement des articles…" />}
        {list.isError && <ErrorAlert error={list.error} />}
        {list.data && list.data.length === 0 && <p>Aucun article pour le moment.</p>}
        {list.data && list.data.length > 0 && (
          <Table
            caption="Articles, du plus récemment modifié au plus ancien"
            noCaption
            headers={['Titre', 'Statut', 'Dernière modification', 'Publication']}
            data={list.data.map((n) => [
              <Link key={n.id} to={paths.newsEditor(n.id)}>
                {n.title}
              </Link>,
              <Badge key="s" severity={SEVERITY[n.status]} noIcon small>
                {NEWS_STATUS_LABELS[n.status]}
              </Badge>,
              formatLongDate(n.updatedAt.slice(0, 10)),
              n.publishedAt ? formatLongDate(n.publishedAt.slice(0, 10)) : '—',
            ])}
          />
        )}
      </section>
    </>
  );
}
