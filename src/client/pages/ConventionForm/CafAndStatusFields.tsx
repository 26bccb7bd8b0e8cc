import { useEffect } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type ConventionCreateInput } from '../../../shared/api/index.js';
import { CONVENTION_INITIAL_STATUSES, CONVENTION_STATUS_LABELS } from '../../../shared/enums.js';
import { useBrandConfig, useCafs } from '../../api/reference.js';
import { useMe } from '../../api/session.js';
import type { ConventionFormValues } from './values.js';

const INITIAL_STATUSES = CONVENTION_INITIAL_STATUSES;

type Props = {
  mode: 'create' | 'edit';
  cafName?: string;
  form: UseFormReturn<ConventionFormValues, unknown, ConventionCreateInput>;
};

/** Create mode: the Caf and the initial status. Edit mode: the Caf as text (status moves on the convention page). */
export function CafAndStatusFields({ mode, cafName, form }: Props) {
  const allCafs = useCafs();
  const user = useMe().data?.user;
  // A Caf's agents and admins create conventions for their own Caf; platform admins for any.
  const cafs = {
    ...allCafs,
    data: allCafs.data?.filter(
      (caf) =>
        user?.isPlatformAdmin ||
        user?.memberships.some((m) => m.organisationId === caf.id && m.conventionIds === null && (m.role === 'caf_admin' || m.role === 'caf_agent')),
    ),
  };
  const organisation = useBrandConfig().data?.organisation;
  const { register, formState, getValues, setValue } = form;
  const errors = formState.errors;

  useEffect(() => {
    // Preselect the Caf running this instance, or the only one.
    const list = cafs.data ?? [];
    if (mode !== 'create' || getValues('cafId') !== undefined || list.length === 0) return;
    const own = list.find((caf) => caf.name === organisation) ?? (list.length === 1 ? list[0] : undefined);
    if (own) setValue('cafId', own.id);
  }, [cafs.data, organisation, mode, getValues, setValue]);

  if (mode === 'edit') {
    return (
      <p className="fr-mb-3w">
        <span className="fr-text--bold">Caf :</span> {cafName}
      </p>
    );
  }
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-6">
        <Select
          label="Caf"
          hint={cafs.isError ? 'La liste des Caf n’a pas pu être chargée.' : undefined}
          state={errors.cafId ? 'error' : 'default'}
          stateRelatedMessage={errors.cafId?.message}
          nativeSelectProps={register('cafId', { setValueAs: (v: unknown) => (v === '' || v === undefined ? undefined : Number(v)) })}
        >
          <option value="">Choisir une Caf</option>
          {(cafs.data ?? []).map((caf) => (
            <option key={caf.id} value={caf.id}>
              {caf.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <Select
          label="Statut initial"
          state={errors.status ? 'error' : 'default'}
          stateRelatedMessage={errors.status?.message}
          nativeSelectProps={register('status')}
        >
          {INITIAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {CONVENTION_STATUS_LABELS[status]}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
