import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { actionNoteInput, type ActionNoteInput } from '../../../shared/api/index.js';
import { formatLongDate } from '../../../shared/format.js';
import { useAddNote, useNotes } from '../../api/follow-up.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';
import { ErrorAlert, Loading } from '../../components/PageState.js';
import '../../zod.js';

export function NotesSection({ actionId }: { actionId: number }) {
  const notes = useNotes(actionId);
  const add = useAddNote(actionId);
  const { register, handleSubmit, formState, reset, setError } = useForm<ActionNoteInput>({
    resolver: zodResolver(actionNoteInput),
    defaultValues: { date: new Date().toISOString().slice(0, 10), author: '', body: '' },
  });
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, ['date', 'author', 'body'] as const);
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      await add.mutateAsync(values);
      reset({ ...values, body: '' });
    } catch (error) {
      handleServerError(error);
    }
  });
  return (
    <section aria-labelledby="notes" className="fr-mb-6w">
      <h2 id="notes">Notes de suivi</h2>
      {notes.isPending && <Loading label="Chargement des notes…" />}
      {notes.isError && <ErrorAlert error={notes.error} />}
      {notes.data?.length === 0 && <p>Aucune note de suivi.</p>}
      {notes.data && notes.data.length > 0 && (
        <ul className="fr-raw-list" role="list">
          {notes.data.map((n) => (
            <li key={n.id} className="fr-mb-2w">
              <p className="fr-text--sm fr-mb-0">
                <strong>{formatLongDate(n.date)}</strong> · {n.author}
              </p>
              <p className="fr-mb-0">{n.body}</p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate aria-labelledby="nouvelle-note">
        <h3 id="nouvelle-note" className="fr-h6">
          Ajouter une note
        </h3>
        {serverError && <ServerErrorAlert state={serverError} />}
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Date" state={errors.date ? 'error' : 'default'} stateRelatedMessage={errors.date?.message} nativeInputProps={{ ...register('date'), type: 'date' }} />
          </div>
          <div className="fr-col-12 fr-col-md-8">
            <Input label="Auteur" hintText="Nom et fonction" state={errors.author ? 'error' : 'default'} stateRelatedMessage={errors.author?.message} nativeInputProps={register('author')} />
          </div>
        </div>
        <Input label="Note" textArea state={errors.body ? 'error' : 'default'} stateRelatedMessage={errors.body?.message} nativeTextAreaProps={{ ...register('body'), rows: 3 }} />
        <Button type="submit" size="small" disabled={formState.isSubmitting}>
          Ajouter la note
        </Button>
      </form>
    </section>
  );
}
