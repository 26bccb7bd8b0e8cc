import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { z } from '../../zod.js';
import { indicatorValueInput, type Indicator } from '../../../shared/api/index.js';
import { useIndicatorChanges } from '../../api/follow-up.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';

const schema = indicatorValueInput.extend({ value: z.string().trim().min(1).transform((t) => Number(t.replace(',', '.'))).pipe(z.number()) });
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;

export function ValueForm({ indicator }: { indicator: Indicator }) {
  const { addValue } = useIndicatorChanges(indicator.conventionId);
  const { register, handleSubmit, formState, reset, setError } = useForm<Values, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: { date: '', value: '', source: '', comment: '' },
  });
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, ['date', 'value', 'source', 'comment'] as const);
  const errors = formState.errors;
  const id = `valeur-${indicator.id}`;
  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      await addValue.mutateAsync({ indicatorId: indicator.id, input: { ...values, source: values.source || null, comment: values.comment || null, version: indicator.version } });
      reset();
    } catch (error) {
      handleServerError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby={id} className="fr-mt-2w">
      <p id={id} className="fr-text--bold fr-mb-1w">
        Enregistrer une valeur pour « {indicator.title} »
      </p>
      {serverError && <ServerErrorAlert state={serverError} />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Date de la mesure" state={errors.date ? 'error' : 'default'} stateRelatedMessage={errors.date?.message} nativeInputProps={{ ...register('date'), type: 'date' }} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input label={`Valeur (${indicator.unit})`} state={errors.value ? 'error' : 'default'} stateRelatedMessage={errors.value?.message} nativeInputProps={{ ...register('value'), inputMode: 'decimal' }} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Source (facultatif)" nativeInputProps={register('source')} />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Input label="Commentaire (facultatif)" nativeInputProps={register('comment')} />
        </div>
      </div>
      <Button type="submit" size="small" disabled={formState.isSubmitting}>
        Enregistrer la valeur
      </Button>
    </form>
  );
}
