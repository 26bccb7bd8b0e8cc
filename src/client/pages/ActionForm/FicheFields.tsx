import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Axis } from '../../../shared/api/index.js';
import { ACTION_PRIORITIES, ACTION_PRIORITY_LABELS, BUDGET_NATURES, BUDGET_NATURE_LABELS, FACILITY_KINDS, FACILITY_KIND_LABELS } from '../../../shared/plan.js';
import type { ActionFormOutput, ActionFormValues } from './values.js';

type Props = { register: UseFormRegister<ActionFormValues>; errors: FieldErrors<ActionFormValues>; axes: Axis[] };
const state = (message?: string) => ({ state: message ? ('error' as const) : ('default' as const), stateRelatedMessage: message });

/** Schedule, status reason, priority, progress and axes of the fiche. */
export function ScheduleFields({ register, errors, axes }: Props) {
  return (
    <>
      <Input
        label="Motif du statut"
        hintText="Obligatoire quand l’action est en pause, en retard ou abandonnée"
        {...state(errors.statusReason?.message)}
        nativeInputProps={register('statusReason')}
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Priorité (facultatif)" {...state(errors.priority?.message)} nativeSelectProps={register('priority')}>
            <option value="">Non précisée</option>
            {ACTION_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {ACTION_PRIORITY_LABELS[p]}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Avancement (%)" {...state(errors.progress?.message)} nativeInputProps={{ ...register('progress'), inputMode: 'numeric' }} />
        </div>
      </div>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Date de début (facultatif)" {...state(errors.startDate?.message)} nativeInputProps={{ ...register('startDate'), type: 'date' }} />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Input label="Date de fin (facultatif)" {...state(errors.endDate?.message)} nativeInputProps={{ ...register('endDate'), type: 'date' }} />
        </div>
      </div>
      {axes.length > 0 && (
        <Checkbox
          legend="Axes du plan (facultatif)"
          hintText="Le premier coché est l’axe principal ; une action peut servir plusieurs axes."
          {...state(errors.axisIds?.message)}
          options={axes.map((a) => ({ label: a.title, nativeInputProps: { ...register('axisIds'), value: String(a.id) } }))}
        />
      )}
    </>
  );
}

type ListProps = { control: Control<ActionFormValues, unknown, ActionFormOutput>; register: UseFormRegister<ActionFormValues>; errors: FieldErrors<ActionFormValues> };

export function BudgetLinesEditor({ control, register, errors }: ListProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'budgetLines' });
  return (
    <fieldset className="fr-fieldset fr-mb-3w">
      <legend className="fr-fieldset__legend">Lignes budgétaires (montants en euros)</legend>
      {fields.map((field, i) => {
        const e = errors.budgetLines?.[i];
        return (
          <div key={field.id} className="fr-fieldset__element fr-grid-row fr-grid-row--gutters" role="group" aria-label={`Ligne budgétaire ${i + 1}`}>
            <div className="fr-col-6 fr-col-md-2">
              <Input label="Année" {...state(e?.year?.message)} nativeInputProps={{ ...register(`budgetLines.${i}.year`), inputMode: 'numeric' }} />
            </div>
            <div className="fr-col-6 fr-col-md-3">
              <Input label="Financeur" {...state(e?.funder?.message)} nativeInputProps={register(`budgetLines.${i}.funder`)} />
            </div>
            <div className="fr-col-6 fr-col-md-2">
              <Select label="Nature" nativeSelectProps={register(`budgetLines.${i}.nature`)}>
                {BUDGET_NATURES.map((n) => (
                  <option key={n} value={n}>
                    {BUDGET_NATURE_LABELS[n]}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-col-6 fr-col-md-2">
              <Input label="Prévu (€)" {...state(e?.planned?.message)} nativeInputProps={{ ...register(`budgetLines.${i}.planned`), inputMode: 'decimal' }} />
            </div>
            <div className="fr-col-6 fr-col-md-2">
              <Input label="Réalisé (€)" {...state(e?.actual?.message)} nativeInputProps={{ ...register(`budgetLines.${i}.actual`), inputMode: 'decimal' }} />
            </div>
            <div className="fr-col-6 fr-col-md-1">
              <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" title={`Retirer la ligne ${i + 1}`} onClick={() => remove(i)} />
            </div>
          </div>
        );
      })}
      <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => append({ year: String(new Date().getFullYear()), funder: '', nature: 'fonctionnement', planned: '', actual: '' })}>
        Ajouter une ligne budgétaire
      </Button>
    </fieldset>
  );
}

export function FacilitiesEditor({ control, register, errors }: ListProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'facilities' });
  return (
    <fieldset className="fr-fieldset fr-mb-3w">
      <legend className="fr-fieldset__legend">Équipements (EAJE, ALSH, LAEP, RPE, centre social…)</legend>
      {fields.map((field, i) => {
        const e = errors.facilities?.[i];
        return (
          <div key={field.id} className="fr-fieldset__element fr-grid-row fr-grid-row--gutters" role="group" aria-label={`Équipement ${i + 1}`}>
            <div className="fr-col-12 fr-col-md-4">
              <Select label="Type" nativeSelectProps={register(`facilities.${i}.kind`)}>
                {FACILITY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {FACILITY_KIND_LABELS[k]}
                  </option>
                ))}
              </Select>
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Input label="Nom" {...state(e?.name?.message)} nativeInputProps={register(`facilities.${i}.name`)} />
            </div>
            <div className="fr-col-8 fr-col-md-3">
              <Input label="Capacité (facultatif)" {...state(e?.capacity?.message)} nativeInputProps={{ ...register(`facilities.${i}.capacity`), inputMode: 'numeric' }} />
            </div>
            <div className="fr-col-4 fr-col-md-1">
              <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" title={`Retirer l’équipement ${i + 1}`} onClick={() => remove(i)} />
            </div>
          </div>
        );
      })}
      <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => append({ kind: 'eaje', name: '', capacity: '' })}>
        Ajouter un équipement
      </Button>
    </fieldset>
  );
}
