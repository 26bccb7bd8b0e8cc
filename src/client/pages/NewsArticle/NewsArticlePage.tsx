import { Link, useParams } from 'react-router';
import { usePublicArticle } from '../../api/news.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading } from '../../components/PageState.js';
import { formatLongDate } from '../../../shared/format.js';
import { paths } from '../../paths.js';

/** A published article, public; its HTML is sanitised by the server. */
export default function NewsArticlePage() {
  const { slug = '' } = useParams();
  const article = usePublicArticle(slug);
  usePageTitle(article.data?.title ?? 'Actualité');
  if (article.isPending) return <Loading label="Chargement de l’article…" />;
  if (article.isError) return <LoadError error={article.error} />;
  const { data } = article;
  return (
    <article>
      <nav aria-label="Fil d’Ariane" className="fr-mb-2w">
        <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to={paths.news}>
          Toutes les actualités
        </Link>
      </nav>
      <h1>{data.title}</h1>
      <p className="fr-text--sm">Publié le {formatLongDate(data.publishedAt.slice(0, 10))}</p>
      <div className="ctg-article" dangerouslySetInnerHTML={{ __html: data.html }} />
      {data.conventions.length > 0 && (
        <section aria-labelledby="conventions-citees" className="fr-mt-6w">
          <h2 id="conventions-citees">Les conventions citées</h2>
          <ul>
            {data.conventions.map((c) => (
              <li key={c.id}>
                <Link to={paths.publicConvention(c.id)}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
