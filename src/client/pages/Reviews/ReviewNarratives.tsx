import { useForm } from 'react-hook-form';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { AxisNarrative, Evaluation, Review, ReviewSnapshot } from '../../../shared/api/index.js';
import { EVALUATION_CRITERIA, EVALUATION_CRITERION_LABELS } from '../../../shared/plan.js';
import { useReviewChanges } from '../../api/reviews.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';

const PARTS = [
  ['realise', 'Réalisé'],
  ['difficultes', 'Difficultés'],
  ['suite', 'Suite à donner'],
] as const;

type Values = { narratives: { realise: string; difficultes: string; suite: string }[]; evaluation: Record<string, string> };

const blankToNull = (t: string) => (t.trim() ? t.trim() : null);

/** The narrative of each axis (and of the plan as a whole), and the final evaluation's criteria. */
export function ReviewNarratives({ review, axes }: { review: Review; axes: ReviewSnapshot['axes'] }) {
  const { update, validate } = useReviewChanges(review.conventionId);
  const targets = [{ id: null as number | null, title: 'Le plan dans son ensemble' }, ...axes];
  const textOf = (axisId: number | null, part: (typeof PARTS)[number][0]) => review.narratives.find((n) => n.axisId === axisId)?.[part] ?? '';
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    defaultValues: {
      narratives: targets.map((t) => ({ realise: textOf(t.id, 'realise'), difficultes: textOf(t.id, 'difficultes'), suite: textOf(t.id, 'suite') })),
      evaluation: Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c, review.evaluation?.[c] ?? ''])),
    },
  });
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, [] as const);
  const locked = review.status === 'valide';

  const toInput = (values: Values) => ({
    narratives: targets
      .map((t, i): AxisNarrative => ({
        axisId: t.id,
        realise: blankToNull(values.narratives[i]!.realise),
        difficultes: blankToNull(values.narratives[i]!.difficultes),
        suite: blankToNull(values.narratives[i]!.suite),
      }))
      .filter((n) => n.realise || n.difficultes || n.suite),
    ...(review.kind === 'final' && {
      evaluation: Object.fromEntries(EVALUATION_CRITERIA.map((c) => [c, blankToNull(values.evaluation[c] ?? '')])) as Evaluation,
    }),
  });
  const run = (validateAfter: boolean) =>
    handleSubmit(async (values) => {
      clearServerError();
      try {
        const saved = await update.mutateAsync({ id: review.id, input: { version: review.version, ...toInput(values) } });
        if (validateAfter) await validate.mutateAsync({ id: review.id, version: saved.version });
      } catch (error) {
        handleServerError(error);
      }
    });

  return (
    <form noValidate onSubmit={(e) => void run(false)(e)}>
      {serverError && <ServerErrorAlert state={serverError} />}
      <section aria-labelledby="recits" className="fr-mb-6w">
        <h2 id="recits">Récit par axe</h2>
        {targets.map((t, i) => (
          <fieldset key={t.id ?? 'plan'} className="fr-fieldset fr-mb-3w">
            <legend className="fr-fieldset__legend fr-text--lg">{t.title}</legend>
            {PARTS.map(([part, label]) => (
              <div key={part} className="fr-fieldset__element">
                <Input label={label} textArea disabled={locked} nativeTextAreaProps={{ ...register(`narratives.${i}.${part}`), rows: 3 }} />
              </div>
            ))}
          </fieldset>
        ))}
      </section>
      {review.kind === 'final' && (
        <section aria-labelledby="evaluation" className="fr-mb-6w">
          <h2 id="evaluation">Évaluation finale (référentiel de la Cnaf)</h2>
          {EVALUATION_CRITERIA.map((c) => (
            <Input
              key={c}
              label={EVALUATION_CRITERION_LABELS[c].label}
              hintText={EVALUATION_CRITERION_LABELS[c].question}
              textArea
              disabled={locked}
              nativeTextAreaProps={{ ...register(`evaluation.${c}`), rows: 4 }}
            />
          ))}
        </section>
      )}
      {!locked && (
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-6w">
          <li>
            <Button type="submit" priority="secondary" disabled={formState.isSubmitting}>
              Enregistrer le brouillon
            </Button>
          </li>
          <li>
            <Button type="button" onClick={(e) => void run(true)(e)} disabled={formState.isSubmitting}>
              Valider et figer le bilan
            </Button>
          </li>
        </ul>
      )}
    </form>
  );
}
