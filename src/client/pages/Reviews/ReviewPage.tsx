import { useParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import type { Review } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';
import { REVIEW_KIND_LABELS, REVIEW_STATUS_LABELS } from '../../../shared/plan.js';
import { useConvention } from '../../api/conventions.js';
import { useReview } from '../../api/reviews.js';
import { reviewDocxUrl } from '../../api/office.js';
import { usePageTitle } from '../../components/brand.js';
import { LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { parseId, paths } from '../../paths.js';
import { HistoryPanel } from '../History/HistoryPanel.js';
import { ReviewNarratives } from './ReviewNarratives.js';
import { SnapshotTables } from './SnapshotTables.js';

export default function ReviewPage() {
  const id = parseId(useParams().id);
  const query = useReview(id);
  const title = query.data ? `${REVIEW_KIND_LABELS[query.data.kind]} ${query.data.year}` : 'Bilan';
  usePageTitle(title);
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (query.isPending) return <Loading label="Chargement du bilan…" />;
  if (query.isError) return <LoadError error={query.error} />;
  return <ReviewView review={query.data} title={title} />;
}

function ReviewView({ review, title }: { review: Review; title: string }) {
  const convention = useConvention(review.conventionId);
  const validated = review.status === 'valide';
  return (
    <>
      <Breadcrumb
        currentPageLabel={title}
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: convention.data?.title ?? 'Convention', linkProps: { to: paths.convention(review.conventionId) } },
          { label: 'Bilans', linkProps: { to: paths.reviews(review.conventionId) } },
        ]}
      />
      <h1>{title}</h1>
      <p className="fr-text--lead">
        {convention.data?.title} · arrêté au {formatLongDate(review.snapshotDate)}{' '}
        <Badge as="span" small noIcon severity={validated ? 'success' : 'info'}>
          {REVIEW_STATUS_LABELS[review.status]}
        </Badge>
      </p>
      <p>
        <a className="fr-link fr-icon-download-line fr-link--icon-left" href={reviewDocxUrl(review.id)} download>
          Télécharger le bilan (Word)
          <span className="fr-link__detail">DOCX · chiffres clés, récits, actions et indicateurs par axe, budget de l’année</span>
        </a>
      </p>
      {validated ? (
        <Alert
          className="fr-mb-4w"
          severity="info"
          as="h2"
          title="Bilan validé et figé"
          description={`Validé le ${formatLongDate((review.validatedAt ?? '').slice(0, 10))} par ${review.validatedBy ?? '—'}. Les modifications ultérieures du plan ne le changent pas.`}
        />
      ) : (
        <p>
          Brouillon : l’instantané ci-dessous est recalculé à chaque lecture ; il sera figé à la validation. Les statuts et avancements sont
          ceux du jour ; les valeurs d’indicateurs sont prises jusqu’à la date d’arrêt.
        </p>
      )}
      <SnapshotTables snapshot={review.snapshot} />
      <ReviewNarratives review={review} axes={review.snapshot.axes} />
      <HistoryPanel scope={`review:${review.id}`} title="Historique du bilan" />
    </>
  );
}
