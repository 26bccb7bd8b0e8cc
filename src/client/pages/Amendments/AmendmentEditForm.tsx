import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { z } from '../../zod.js';
import { amendmentCreateInput, type Amendment } from '../../../shared/api/index.js';
import { useAmendmentChanges } from '../../api/amendments.js';
import { ApiError } from '../../api/http.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';
import { splitList } from '../ActionForm/values.js';

const schema = z.object({
  title: amendmentCreateInput.shape.title,
  date: amendmentCreateInput.shape.date,
  summary: z.string(),
  signedBy: z.string().transform(splitList).pipe(amendmentCreateInput.shape.signedBy),
});
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;
const FIELDS = ['title', 'date', 'summary', 'signedBy'] as const;

const valuesOf = (a: Amendment): Values => ({ title: a.title, date: a.date, summary: a.summary ?? '', signedBy: a.signedBy.join(', ') });
const isAmendment = (value: unknown): value is Amendment => typeof value === 'object' && value !== null && 'number' in value && 'signedBy' in value;

/** Corrects a recorded amendment (its number and annexed plan version stay); a stale version gets the conflict. */
export function AmendmentEditForm({ amendment, onDone }: { amendment: Amendment; onDone: () => void }) {
  const { update } = useAmendmentChanges(amendment.conventionId);
  const version = useRef(amendment.version);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values, unknown, Output>({ resolver: zodResolver(schema), defaultValues: valuesOf(amendment) });
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, FIELDS);
  const errors = formState.errors;
  const current = serverError?.error instanceof ApiError && isAmendment(serverError.error.current) ? serverError.error.current : null;
  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      await update.mutateAsync({ id: amendment.id, input: { ...values, summary: values.summary.trim() || null, version: version.current } });
      onDone();
    } catch (error) {
      handleServerError(error);
    }
  });
  const headingId = `avenant-${amendment.id}`;
  return (
    <section aria-labelledby={headingId} className="fr-p-3w fr-mb-6w ctg-action">
      <h2 id={headingId}>{`Modifier l’avenant n° ${amendment.number}`}</h2>
      <form onSubmit={submit} noValidate>
        {serverError && (
          <ServerErrorAlert
            state={serverError}
            onReloadCurrent={
              current
                ? () => {
                    version.current = current.version;
                    reset(valuesOf(current));
                    clearServerError();
                  }
                : undefined
            }
          />
        )}
        <Input label="Objet" state={errors.title ? 'error' : 'default'} stateRelatedMessage={errors.title?.message} nativeInputProps={register('title')} />
        <Input label="Date de signature" state={errors.date ? 'error' : 'default'} stateRelatedMessage={errors.date?.message} nativeInputProps={{ ...register('date'), type: 'date' }} />
        <Input label="Signé par" hintText="Parties signataires, séparées par des virgules" state={errors.signedBy ? 'error' : 'default'} stateRelatedMessage={errors.signedBy?.message} nativeInputProps={register('signedBy')} />
        <Input label="Résumé (facultatif)" textArea nativeTextAreaProps={{ ...register('summary'), rows: 3 }} />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <Button type="submit" disabled={formState.isSubmitting}>
              Enregistrer l’avenant
            </Button>
          </li>
          <li>
            <Button priority="secondary" type="button" onClick={onDone}>
              Annuler
            </Button>
          </li>
        </ul>
      </form>
    </section>
  );
}
