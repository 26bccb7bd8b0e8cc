import { Link, useParams } from 'react-router';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { usePublicConvention } from '../../api/news.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading } from '../../components/PageState.js';
import { formatInteger, formatLongDate } from '../../../shared/format.js';
import { parseId, paths } from '../../paths.js';

/** The public summary of a signed convention: parties, period, fields of intervention, highlighted projects. */
export default function PublicConventionPage() {
  const id = parseId(useParams().id);
  const convention = usePublicConvention(id);
  usePageTitle(convention.data?.title ?? 'Convention');
  if (Number.isNaN(id)) return <LoadError error={new Error('Adresse de convention invalide.')} />;
  if (convention.isPending) return <Loading label="Chargement de la convention…" />;
  if (convention.isError) return <LoadError error={convention.error} />;
  const c = convention.data;
  return (
    <>
      <h1>{c.title}</h1>
      <p className="fr-text--lead">
        Convention territoriale globale signée pour les années {c.startYear} à {c.endYear}.
      </p>
      {c.summary && <p>{c.summary}</p>}
      <section aria-labelledby="parties">
        <h2 id="parties">Les signataires</h2>
        <ul>
          {c.parties.map((p) => (
            <li key={p.name}>{p.name}</li>
          ))}
        </ul>
        <p>
          Territoire :{' '}
          {c.territories.map((t) => `${t.name}${t.population ? ` (${formatInteger(t.population)} habitants)` : ''}`).join(', ')}
        </p>
        {c.signatureEvents.map((e) => (
          <p key={`${e.date}-${e.place ?? ''}`}>
            Signée le {formatLongDate(e.date)}
            {e.place ? ` — ${e.place}` : ''}
            {e.signatories.length > 0 ? ` : ${e.signatories.join(' ; ')}.` : '.'}
          </p>
        ))}
      </section>
      <section aria-labelledby="champs">
        <h2 id="champs">Les champs d’intervention</h2>
        <ul className="fr-tags-group">
          {c.themes.map((t) => (
            <li key={t.code}>
              <Tag>{t.label}</Tag>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="projets">
        <h2 id="projets">Les projets mis en avant</h2>
        {c.highlightedActions.length === 0 ? (
          <p>Aucun projet n’est encore mis en avant pour cette convention.</p>
        ) : (
          <ul>
            {c.highlightedActions.map((a) => (
              <li key={a.title}>
                <strong>{a.title}</strong>
                {a.description ? ` — ${a.description}` : ''} <span className="fr-text--sm">({a.themes.join(', ')})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {c.news.length > 0 && (
        <section aria-labelledby="actualites">
          <h2 id="actualites">Les actualités de cette convention</h2>
          <ul>
            {c.news.map((n) => (
              <li key={n.slug}>
                <Link to={paths.newsArticle(n.slug)}>{n.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
