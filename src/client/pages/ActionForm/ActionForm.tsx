import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../../shared/enums.js';
import { ApiError } from '../../api/http.js';
import { ServerErrorAlert } from '../../components/form/ServerErrorAlert.js';
import { ThemeCheckboxes } from '../../components/form/ThemeCheckboxes.js';
import { useServerErrors } from '../../components/form/useServerErrors.js';
import type { Axis, PilotCandidates } from '../../../shared/api/index.js';
import { PilotFields } from './PilotFields.js';
import { BudgetLinesEditor, FacilitiesEditor, ScheduleFields } from './FicheFields.js';
import { actionFormSchema, type ActionFormOutput, type ActionFormValues } from './values.js';

const FIELDS = [
  'title', 'description', 'themes', 'pilot', 'pilotUserId', 'pilotOrganisationId', 'partners', 'targetPublic', 'scope', 'places', 'labels', 'status', 'highlighted',
  'objectives', 'statusReason', 'priority', 'progress', 'startDate', 'endDate', 'axisIds', 'budgetLines', 'facilities',
] as const;

type TextField = 'title' | 'pilot' | 'partners' | 'targetPublic' | 'scope' | 'places' | 'labels';

export type ActionFormProps = {
  defaultValues: ActionFormValues;
  submitLabel: string;
  cancelTo: string;
  onSubmit: (values: ActionFormOutput) => Promise<void>;
  valuesFromCurrent?: (current: unknown) => ActionFormValues | null;
  /** The convention's axes, offered as checkboxes. */
  axes?: Axis[];
  /** Accounts and organisations offered as the pilot's links. */
  pilotCandidates?: PilotCandidates;
  /** Names of the current links, kept when they are no longer candidates. */
  pilotNames?: { userName: string | null; organisationName: string | null };
  /** Shown in the conflict alert: what the other person changed. */
  conflictDetails?: (current: unknown) => React.ReactNode;
};

export function ActionForm({ defaultValues, submitLabel, cancelTo, onSubmit, valuesFromCurrent, axes = [], conflictDetails, pilotCandidates, pilotNames }: ActionFormProps) {
  const { register, handleSubmit, formState, reset, setError, control } = useForm<ActionFormValues, unknown, ActionFormOutput>({
    resolver: zodResolver(actionFormSchema),
    defaultValues,
  });
  const errors = formState.errors;
  const { serverError, handleServerError, clearServerError } = useServerErrors(setError, FIELDS);

  const submit = handleSubmit(async (values) => {
    clearServerError();
    try {
      await onSubmit(values);
    } catch (error) {
      handleServerError(error);
    }
  });

  const reloadCurrent = () => {
    const current = serverError?.error instanceof ApiError ? serverError.error.current : undefined;
    const values = valuesFromCurrent?.(current);
    if (!values) return;
    reset(values);
    clearServerError();
  };

  const text = (name: TextField, label: string, hint?: string) => (
    <Input
      label={label}
      hintText={hint}
      state={errors[name] ? 'error' : 'default'}
      stateRelatedMessage={errors[name]?.message}
      nativeInputProps={{ ...register(name), autoComplete: 'off' }}
    />
  );

  return (
    <form onSubmit={submit} noValidate>
      {serverError && (
        <ServerErrorAlert
          state={serverError}
          onReloadCurrent={valuesFromCurrent ? reloadCurrent : undefined}
          details={serverError.error instanceof ApiError && serverError.error.isConflict ? conflictDetails?.(serverError.error.current) : undefined}
        />
      )}
      <p className="fr-hint-text fr-mb-3w">Sauf mention contraire, tous les champs sont obligatoires.</p>
      {text('title', 'Titre')}
      <Input
        label="Description (facultatif)"
        textArea
        state={errors.description ? 'error' : 'default'}
        stateRelatedMessage={errors.description?.message}
        nativeTextAreaProps={{ ...register('description'), rows: 5 }}
      />
      <Input
        label="Objectifs (facultatif)"
        textArea
        state={errors.objectives ? 'error' : 'default'}
        stateRelatedMessage={errors.objectives?.message}
        nativeTextAreaProps={{ ...register('objectives'), rows: 3 }}
      />
      <ThemeCheckboxes
        legend="Champs d’intervention"
        hint="Au moins un. Le premier coché sert à classer l’action dans le plan."
        keep={defaultValues.themes}
        registration={register('themes')}
        errorMessage={errors.themes?.message}
      />
      {text('pilot', 'Pilote (facultatif)', 'Organisation ou personne qui conduit l’action, telle qu’elle s’affiche')}
      <PilotFields
        register={register}
        errors={errors}
        candidates={pilotCandidates}
        current={{ userId: defaultValues.pilotUserId, organisationId: defaultValues.pilotOrganisationId, ...pilotNames }}
      />
      {text('partners', 'Partenaires (facultatif)', 'Séparez les noms par des virgules')}
      {text('targetPublic', 'Public visé (facultatif)', 'Par exemple : familles avec enfants de moins de 3 ans')}
      {text('scope', 'Périmètre (facultatif)', 'Par exemple : quartier des Épinettes')}
      {text('places', 'Lieux (facultatif)', 'Séparez les lieux par des virgules')}
      {text('labels', 'Labels (facultatif)', 'Par exemple : 1 000 premiers jours ; séparez-les par des virgules')}
      <Select
        label="Statut"
        state={errors.status ? 'error' : 'default'}
        stateRelatedMessage={errors.status?.message}
        nativeSelectProps={register('status')}
      >
        {ACTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {ACTION_STATUS_LABELS[status]}
          </option>
        ))}
      </Select>
      <ScheduleFields register={register} errors={errors} axes={axes} />
      <BudgetLinesEditor control={control} register={register} errors={errors} />
      <FacilitiesEditor control={control} register={register} errors={errors} />
      <Checkbox
        state={errors.highlighted ? 'error' : 'default'}
        stateRelatedMessage={errors.highlighted?.message}
        options={[
          {
            label: 'Action phare',
            hintText: 'Mise en avant dans le plan d’actions et les bilans',
            nativeInputProps: register('highlighted'),
          },
        ]}
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
