import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { z } from '../../zod.js';
import { amendmentCreateInput } from '../../../shared/api/index.js';
import { useAmendmentChanges } from '../../api/amendments.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';
import { splitList } from '../ActionForm/values.js';

const schema = amendmentCreateInput.extend({ signedBy: z.string().transform(splitList).pipe(amendmentCreateInput.shape.signedBy) });
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;
const FIELDS = ['title', 'date', 'summary', 'signedBy', 'recordPlanVersion'] as const;

export function AmendmentForm({ conventionId, parties }: { conventionId: number; parties: string[] }) {
  const { create } = useAmendmentChanges(conventionId);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: { title: '', date: '', summary: '', signedBy: parties.join(', '), recordPlanVersion: true },
  });
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, FIELDS);
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      await create.mutateAsync({ ...values, summary: values.summary?.trim() || null });
      reset();
    } catch (error) {
      handleServerError(error);
    }
  });
  return (
    <section aria-labelledby="nouvel-avenant" className="fr-mb-6w">
      <h2 id="nouvel-avenant">Enregistrer un avenant</h2>
      <form onSubmit={submit} noValidate>
        {serverError && <ServerErrorAlert state={serverError} />}
        <p className="fr-hint-text">Le numéro est attribué dans l’ordre des avenants de la convention.</p>
        <Input label="Objet" state={errors.title ? 'error' : 'default'} stateRelatedMessage={errors.title?.message} nativeInputProps={register('title')} />
        <Input label="Date de signature" state={errors.date ? 'error' : 'default'} stateRelatedMessage={errors.date?.message} nativeInputProps={{ ...register('date'), type: 'date' }} />
        <Input label="Signé par" hintText="Parties signataires, séparées par des virgules" state={errors.signedBy ? 'error' : 'default'} stateRelatedMessage={errors.signedBy?.message} nativeInputProps={register('signedBy')} />
        <Input label="Résumé (facultatif)" textArea nativeTextAreaProps={{ ...register('summary'), rows: 3 }} />
        <Checkbox
          options={[{ label: 'Annexer la version actuelle du plan d’actions', hintText: 'Par exemple quand l’avenant ajoute ou modifie le plan', nativeInputProps: register('recordPlanVersion') }]}
        />
        <Button type="submit" disabled={formState.isSubmitting}>
          Enregistrer l’avenant
        </Button>
      </form>
    </section>
  );
}
