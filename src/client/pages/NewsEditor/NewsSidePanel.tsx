import { Link } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { NewsItem } from '../../../shared/api/index.js';
import { NEWS_STATUS_LABELS, type NewsStatus } from '../../../shared/enums.js';
import { formatLongDate } from '../../../shared/format.js';
import { newsExportUrl, useChangeNewsStatus } from '../../api/news.js';
import { paths } from '../../paths.js';

const ACTION_LABELS: Record<NewsStatus, string> = { publie: 'Publier', archive: 'Archiver', brouillon: 'Repasser en brouillon' };
const when = (iso: string | null) => (iso ? formatLongDate(iso.slice(0, 10)) : '');

/** Status with who and when, the moves allowed, what the article covers, and its exports. */
export function NewsSidePanel({ item }: { item: NewsItem }) {
  const change = useChangeNewsStatus(item.id);
  return (
    <>
      <section aria-labelledby="statut" className="fr-mb-4w">
        <h2 id="statut" className="fr-h4">
          Statut
        </h2>
        <p>
          <Badge severity={item.status === 'publie' ? 'success' : 'info'} noIcon>
            {NEWS_STATUS_LABELS[item.status]}
          </Badge>
        </p>
        <p className="fr-text--sm">
          Créé le {when(item.createdAt)} par {item.createdBy}
          {item.publishedAt && <><br />Publié le {when(item.publishedAt)} par {item.publishedBy}</>}
          {item.archivedAt && item.status === 'archive' && <><br />Archivé le {when(item.archivedAt)} par {item.archivedBy}</>}
        </p>
        {change.error && <Alert small severity="error" description={change.error.message} className="fr-mb-2w" />}
        <ul className="fr-btns-group fr-btns-group--sm">
          {item.allowedTransitions.map((status) => (
            <li key={status}>
              <Button
                priority={status === 'publie' ? 'primary' : 'secondary'}
                disabled={change.isPending}
                onClick={() => change.mutate({ version: item.version, status })}
              >
                {ACTION_LABELS[status]}
              </Button>
            </li>
          ))}
        </ul>
        {item.status === 'publie' && (
          <p>
            <Link className="fr-link" to={paths.newsArticle(item.slug)}>
              Voir la page publique
            </Link>
          </p>
        )}
      </section>
      <section aria-labelledby="couvre" className="fr-mb-4w">
        <h2 id="couvre" className="fr-h4">
          Signatures couvertes
        </h2>
        <ul>
          {item.signatures.map((s) => (
            <li key={s.signatureEventId}>
              <Link to={paths.convention(s.conventionId)}>{s.conventionTitle}</Link> — {formatLongDate(s.date)}
              {s.place ? `, ${s.place}` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="exports">
        <h2 id="exports" className="fr-h4">
          Exporter
        </h2>
        <ul>
          <li>
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={newsExportUrl(item.id, 'html')} download>
              HTML pour un courriel
            </a>
          </li>
          <li>
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={newsExportUrl(item.id, 'docx')} download>
              Document Word (DOCX)
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
