import '../../zod.js';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { conventionCreateInput, type ConventionCreateInput, type Territory } from '../../../shared/api/index.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { ThemeCheckboxes } from '../../components/form/ThemeCheckboxes.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';
import { TerritoryCombobox } from '../../components/TerritoryCombobox.js';
import { TerritoryList } from '../../components/TerritoryList.js';
import { ApiError } from '../../api/http.js';
import { CafAndStatusFields } from './CafAndStatusFields.js';
import type { ConventionFormValues } from './values.js';

const FIELDS = ['title', 'cafId', 'startYear', 'endYear', 'territoryCodes', 'themes', 'summary', 'status'] as const;

export type ConventionFormProps = {
  mode: 'create' | 'edit';
  defaultValues: ConventionFormValues;
  initialTerritories: Territory[];
  /** Edit mode: the Caf cannot change, it is shown as text. */
  cafName?: string;
  submitLabel: string;
  cancelTo: string;
  onSubmit: (values: ConventionCreateInput) => Promise<void>;
  /** On a conflict, the form values of the server's current object (null if unusable). */
  valuesFromCurrent?: (current: unknown) => { values: ConventionFormValues; territories: Territory[] } | null;
};

export function ConventionForm(props: ConventionFormProps) {
  const { mode, defaultValues, initialTerritories, submitLabel, cancelTo, valuesFromCurrent } = props;
  const form = useForm<ConventionFormValues, unknown, ConventionCreateInput>({
    resolver: zodResolver(conventionCreateInput),
    defaultValues,
  });
  const { register, control, handleSubmit, formState, setValue, getFieldState, watch, reset, setError } = form;
  const errors = formState.errors;
  const [territories, setTerritories] = useState<Territory[]>(initialTerritories);
  const territoryInput = useRef<HTMLInputElement | null>(null);
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, FIELDS);

  useEffect(() => {
    if (mode !== 'create') return;
    // End year follows the start year (five-year period) until the user changes it.
    const subscription = watch((values, { name }) => {
      const start = values.startYear;
      if (name === 'startYear' && typeof start === 'number' && Number.isInteger(start) && !getFieldState('endYear').isDirty) {
        setValue('endYear', start + 4);
      }
    });
    return () => subscription.unsubscribe();
  }, [mode, watch, setValue, getFieldState]);

  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      await props.onSubmit(values);
    } catch (error) {
      handleServerError(error);
    }
  });

  const reloadCurrent = () => {
    const current = serverError?.error instanceof ApiError ? serverError.error.current : undefined;
    const next = valuesFromCurrent?.(current);
    if (!next) return;
    reset(next.values);
    setTerritories(next.territories);
    clearServerError();
  };

  return (
    <form onSubmit={submit} noValidate>
      {serverError && <ServerErrorAlert state={serverError} onReloadCurrent={valuesFromCurrent ? reloadCurrent : undefined} />}
      <p className="fr-hint-text fr-mb-3w">Sauf mention contraire, tous les champs sont obligatoires.</p>
      <Input
        label="Titre"
        hintText="Par exemple : Convention territoriale globale de Bois-Colombes"
        state={errors.title ? 'error' : 'default'}
        stateRelatedMessage={errors.title?.message}
        nativeInputProps={{ ...register('title'), autoComplete: 'off' }}
      />
      <CafAndStatusFields mode={mode} cafName={props.cafName} form={form} />
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Année de début"
            state={errors.startYear ? 'error' : 'default'}
            stateRelatedMessage={errors.startYear?.message}
            nativeInputProps={{ ...register('startYear', { valueAsNumber: true }), type: 'number', inputMode: 'numeric', min: 1990, max: 2100 }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Année de fin"
            hintText={mode === 'create' ? 'Par défaut, la convention dure cinq ans' : undefined}
            state={errors.endYear ? 'error' : 'default'}
            stateRelatedMessage={errors.endYear?.message}
            nativeInputProps={{ ...register('endYear', { valueAsNumber: true }), type: 'number', inputMode: 'numeric', min: 1990, max: 2100 }}
          />
        </div>
      </div>
      <fieldset className="fr-fieldset fr-mt-2w" aria-labelledby="perimetre-legende">
        <legend id="perimetre-legende" className="fr-fieldset__legend">
          Périmètre
          <span className="fr-hint-text">
            Tapez au moins deux lettres du nom ou le code INSEE, puis choisissez dans la liste (flèches et Entrée).
          </span>
        </legend>
        <div className="fr-fieldset__element">
          <Controller
            control={control}
            name="territoryCodes"
            render={({ field, fieldState }) => (
              <>
                <TerritoryCombobox
                  label="Rechercher une commune ou un EPCI"
                  inputRef={(element) => {
                    field.ref(element);
                    territoryInput.current = element;
                  }}
                  onBlur={field.onBlur}
                  excludeCodes={field.value}
                  errorMessage={fieldState.error?.message}
                  onSelect={(territory) => {
                    setTerritories((list) => [...list, territory]);
                    field.onChange([...field.value, territory.code]);
                  }}
                />
                <p className="fr-mb-0 fr-mt-2w">Territoires choisis :</p>
                <TerritoryList
                  territories={territories.filter((t) => field.value.includes(t.code))}
                  onRemove={(code) => {
                    field.onChange(field.value.filter((c) => c !== code));
                    territoryInput.current?.focus();
                  }}
                />
              </>
            )}
          />
        </div>
      </fieldset>
      <ThemeCheckboxes
        legend="Champs d’intervention (facultatif)"
        hint="Les champs des actions s’ajoutent automatiquement."
        keep={defaultValues.themes}
        registration={register('themes')}
        errorMessage={errors.themes?.message}
      />
      <Input
        label="Présentation (facultatif)"
        hintText="Enjeux du territoire, priorités partagées"
        textArea
        state={errors.summary ? 'error' : 'default'}
        stateRelatedMessage={errors.summary?.message}
        nativeTextAreaProps={{ ...register('summary'), rows: 5 }}
      />
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-4w">
        <li>
          <Button type="submit" disabled={formState.isSubmitting}>
            {submitLabel}
          </Button>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={cancelTo}>
            Annuler
          </Link>
        </li>
      </ul>
    </form>
  );
}
