import { Link } from 'react-router';
import { newsFeedUrl, usePublicNews } from '../../api/news.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading } from '../../components/PageState.js';
import { formatLongDate } from '../../../shared/format.js';
import { paths } from '../../paths.js';

/** The public news list: published articles, newest first, readable without signing in. */
export default function NewsPage() {
  usePageTitle('Actualités');
  const news = usePublicNews();
  if (news.isPending) return <Loading label="Chargement des actualités…" />;
  if (news.isError) return <LoadError error={news.error} />;
  return (
    <>
      <h1>Actualités des conventions territoriales globales</h1>
      <p className="fr-text--lead">Les signatures de CTG et la vie des conventions avec nos partenaires.</p>
      <p>
        <a className="fr-link fr-icon-rss-line fr-link--icon-left" href={newsFeedUrl}>
          S’abonner au flux Atom des actualités
        </a>
      </p>
      {news.data.length === 0 ? (
        <p>Aucune actualité n’est publiée pour le moment.</p>
      ) : (
        <ul className="fr-raw-list" role="list">
          {news.data.map((article) => (
            <li key={article.slug} className="fr-mb-4w">
              <article className="fr-card fr-enlarge-link">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h2 className="fr-card__title">
                      <Link to={paths.newsArticle(article.slug)}>{article.title}</Link>
                    </h2>
                    <p className="fr-card__desc">{article.excerpt}</p>
                    <div className="fr-card__start">
                      <p className="fr-card__detail">Publié le {formatLongDate(article.publishedAt.slice(0, 10))}</p>
                    </div>
                  </div>
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
