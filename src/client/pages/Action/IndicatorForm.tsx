import { useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { z } from '../../zod.js';
import { indicatorCreateInput, type Indicator } from '../../../shared/api/index.js';
import { INDICATOR_DIRECTIONS, INDICATOR_DIRECTION_LABELS, INDICATOR_KINDS, INDICATOR_KIND_LABELS } from '../../../shared/plan.js';
import { useIndicatorChanges } from '../../api/follow-up.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';
import { ApiError } from '../../api/http.js';

const isIndicator = (value: unknown): value is Indicator => typeof value === 'object' && value !== null && 'baselineDate' in value && 'version' in value;

const decimal = z.string().trim().min(1).transform((t) => Number(t.replace(',', '.'))).pipe(z.number());
const schema = indicatorCreateInput.extend({ baselineValue: decimal, targetValue: decimal });
type Values = z.input<typeof schema>;
type Output = z.output<typeof schema>;
const FIELDS = ['title', 'kind', 'unit', 'direction', 'baselineValue', 'baselineDate', 'targetValue', 'targetDate'] as const;

type Props = {
  conventionId: number;
  /** What a new indicator hangs on: an action or an axis. */
  owner: { actionId: number } | { axisId: number };
  /** Given, the form edits this indicator (with its version) instead of creating one. */
  indicator?: Indicator;
  onDone: () => void;
};

const valuesOf = (i: Indicator): Values => ({
  title: i.title, kind: i.kind, unit: i.unit, direction: i.direction, baselineValue: String(i.baselineValue), baselineDate: i.baselineDate,
  targetValue: String(i.targetValue), targetDate: i.targetDate, actionId: i.actionId, axisId: i.axisId,
});

export function IndicatorForm({ conventionId, owner, indicator, onDone }: Props) {
  const { create, update } = useIndicatorChanges(conventionId);
  const headingId = useId();
  const conflictVersion = useRef<number | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues: indicator
      ? valuesOf(indicator)
      : { title: '', kind: 'resultat', unit: '', direction: 'hausse', baselineValue: '', baselineDate: '', targetValue: '', targetDate: '', ...owner },
  });
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, FIELDS);
  const errors = formState.errors;
  // After a conflict, « reload » takes the other person's version and values.
  const conflicting = serverError?.error instanceof ApiError && isIndicator(serverError.error.current) ? serverError.error.current : null;
  const version = conflictVersion.current;
  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      if (indicator) {
        const { actionId: _a, axisId: _b, ...changes } = values;
        await update.mutateAsync({ indicatorId: indicator.id, input: { ...changes, version: version ?? indicator.version } });
      } else {
        await create.mutateAsync(values);
      }
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
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="fr-p-3w fr-mb-3w ctg-action">
      <h3 id={headingId} className="fr-h5">
        {indicator ? `Modifier l’indicateur « ${indicator.title} »` : 'Nouvel indicateur'}
      </h3>
      {serverError && (
        <ServerErrorAlert
          state={serverError}
          onReloadCurrent={
            conflicting
              ? () => {
                  conflictVersion.current = conflicting.version;
                  reset(valuesOf(conflicting));
                  clearServerError();
                }
              : undefined
          }
        />
      )}
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
            {indicator ? 'Enregistrer l’indicateur' : 'Ajouter l’indicateur'}
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
