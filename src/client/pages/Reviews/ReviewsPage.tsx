import { Link, useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { z } from '../../zod.js';
import { reviewCreateInput, type ConventionDetail } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';
import { REVIEW_KINDS, REVIEW_KIND_LABELS, REVIEW_STATUS_LABELS } from '../../../shared/plan.js';
import { useConvention } from '../../api/conventions.js';
import { useReviewChanges, useReviews } from '../../api/reviews.js';
import { usePageTitle } from '../../components/brand.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';
import { ErrorAlert, LoadError, Loading, NotFoundContent } from '../../components/PageState.js';
import { parseId, paths } from '../../paths.js';

const schema = reviewCreateInput.extend({ year: z.coerce.number<string>().int() });
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;

export default function ReviewsPage() {
  const id = parseId(useParams().id);
  const convention = useConvention(id);
  usePageTitle(convention.data ? `Bilans — ${convention.data.title}` : 'Bilans');
  if (Number.isNaN(id)) return <NotFoundContent />;
  if (convention.isPending) return <Loading label="Chargement de la convention…" />;
  if (convention.isError) return <LoadError error={convention.error} />;
  return <Reviews convention={convention.data} />;
}

function Reviews({ convention }: { convention: ConventionDetail }) {
  const reviews = useReviews(convention.id);
  return (
    <>
      <Breadcrumb
        currentPageLabel="Bilans et évaluation"
        homeLinkProps={{ to: paths.home }}
        segments={[
          { label: 'Conventions', linkProps: { to: paths.conventions } },
          { label: convention.title, linkProps: { to: paths.convention(convention.id) } },
        ]}
      />
      <h1>Bilans et évaluation</h1>
      <p className="fr-text--lead">{convention.title}</p>
      <section aria-labelledby="liste-bilans" className="fr-mb-6w">
        <h2 id="liste-bilans">Bilans</h2>
        {reviews.isPending && <Loading label="Chargement des bilans…" />}
        {reviews.isError && <ErrorAlert error={reviews.error} />}
        {reviews.data?.length === 0 && <p>Aucun bilan pour cette convention.</p>}
        {reviews.data && reviews.data.length > 0 && (
          <Table
            caption="Bilans de la convention"
            noCaption
            headers={['Bilan', 'Date d’arrêt', 'État']}
            data={reviews.data.map((r) => [
              <Link key={r.id} to={paths.review(r.id)}>
                {REVIEW_KIND_LABELS[r.kind]} {r.year}
              </Link>,
              formatLongDate(r.snapshotDate),
              REVIEW_STATUS_LABELS[r.status],
            ])}
          />
        )}
      </section>
      <NewReviewForm convention={convention} />
    </>
  );
}

function NewReviewForm({ convention }: { convention: ConventionDetail }) {
  const navigate = useNavigate();
  const { create } = useReviewChanges(convention.id);
  const year = Math.min(new Date().getFullYear(), convention.endYear);
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: { kind: 'annual', year: String(year), snapshotDate: `${year}-12-31` },
  });
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, ['kind', 'year', 'snapshotDate'] as const);
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      const review = await create.mutateAsync(values);
      await navigate(paths.review(review.id));
    } catch (error) {
      handleServerError(error);
    }
  });
  return (
    <section aria-labelledby="nouveau-bilan" className="fr-mb-6w">
      <h2 id="nouveau-bilan">Ouvrir un bilan</h2>
      <form onSubmit={submit} noValidate>
        {serverError && <ServerErrorAlert state={serverError} />}
        <Select label="Type de bilan" nativeSelectProps={register('kind')}>
          {REVIEW_KINDS.map((k) => (
            <option key={k} value={k}>
              {REVIEW_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <Input label="Année" state={errors.year ? 'error' : 'default'} stateRelatedMessage={errors.year?.message} nativeInputProps={{ ...register('year'), inputMode: 'numeric' }} />
        <Input
          label="Date d’arrêt"
          hintText="Les valeurs des indicateurs sont prises jusqu’à cette date"
          state={errors.snapshotDate ? 'error' : 'default'}
          stateRelatedMessage={errors.snapshotDate?.message}
          nativeInputProps={{ ...register('snapshotDate'), type: 'date' }}
        />
        <Button type="submit" disabled={formState.isSubmitting}>
          Ouvrir le bilan
        </Button>
      </form>
    </section>
  );
}
