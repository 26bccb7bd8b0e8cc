import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { z } from '../../zod.js';
import { indicatorCreateInput } from '../../../shared/api/index.js';
import { INDICATOR_DIRECTIONS, INDICATOR_DIRECTION_LABELS, INDICATOR_KINDS, INDICATOR_KIND_LABELS } from '../../../shared/plan.js';
import { useIndicatorChanges } from '../../api/follow-up.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';

const decimal = z.string().trim().min(1).transform((t) => Number(t.replace(',', '.'))).pipe(z.number());
const schema = indicatorCreateInput.extend({ baselineValue: decimal, targetValue: decimal });
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;
const FIELDS = ['title', 'kind', 'unit', 'direction', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate'] as const;

export function IndicatorForm({ conventionId, actionId, onDone }: { conventionId: number; actionId: number; onDone: () => void }) {
  const { create } = useIndicatorChanges(conventionId);
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: { title: '', kind: 'resultat', unit: '', direction: 'hausse', baselineValue: '', baselineDate: '', targetValue: '', targetDate: '', actionId },
  });
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, FIELDS);
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      await create.mutateAsync(values);
      onDone();
    } catch (error) {
      handleServerError(error);
    }
  });
  const field = (name: (typeof FIELDS)[number], label: string, type = 'text', hint?: string) => (
    <Input
      label={label}
      hintText={hint}
      state={errors[name] ? 'error' : 'default'}
      stateRelatedMessage={errors[name]?.message}
      nativeInputProps={{ ...register(name), type, inputMode: type === 'text' && name.endsWith('Value') ? 'decimal' : undefined }}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="nouvel-indicateur" className="fr-p-3w ctg-action">
      <h3 id="nouvel-indicateur" className="fr-h5">
        Nouvel indicateur
      </h3>
      {serverError && <ServerErrorAlert state={serverError} />}
      {field('title', 'Intitulé')}
      <Select label="Type" nativeSelectProps={register('kind')}>
        {INDICATOR_KINDS.map((k) => (
          <option key={k} value={k}>
            {INDICATOR_KIND_LABELS[k]}
          </option>
        ))}
      </Select>
      {field('unit', 'Unité', 'text', 'Par exemple : places, familles, %')}
      <Select label="Sens de l’amélioration" nativeSelectProps={register('direction')}>
        {INDICATOR_DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {INDICATOR_DIRECTION_LABELS[d]}
          </option>
        ))}
      </Select>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">{field('baselineValue', 'Valeur de référence')}</div>
        <div className="fr-col-12 fr-col-md-6">{field('baselineDate', 'Date de la valeur de référence', 'date')}</div>
        <div className="fr-col-12 fr-col-md-6">{field('targetValue', 'Cible')}</div>
        <div className="fr-col-12 fr-col-md-6">{field('targetDate', 'Date de la cible', 'date')}</div>
      </div>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={formState.isSubmitting}>
            Ajouter l’indicateur
          </Button>
        </li>
        <li>
          <Button priority="secondary" type="button" onClick={onDone}>
            Annuler
          </Button>
        </li>
      </ul>
    </form>
  );
}
