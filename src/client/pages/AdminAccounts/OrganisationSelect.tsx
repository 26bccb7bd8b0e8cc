import { Select } from '@codegouvfr/react-dsfr/Select';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { Organisation } from '../../../shared/api/index.js';
import { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS } from '../../../shared/enums.js';

type Props = {
  label: string;
  hint?: string;
  organisations: Organisation[];
  registration: UseFormRegisterReturn;
  error?: string;
};

/** Organisations grouped by kind (Caf first, then communes, EPCI…), each group by name. */
export function OrganisationSelect({ label, hint, organisations, registration, error }: Props) {
  const groups = ORGANISATION_KINDS.map((kind) => ({
    kind,
    list: organisations.filter((o) => o.kind === kind).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  })).filter((g) => g.list.length > 0);
  return (
    <Select
      label={label}
      hint={hint}
      state={error ? 'error' : 'default'}
      stateRelatedMessage={error}
      nativeSelectProps={registration}
    >
      <option value="" disabled>
        Choisir une organisation
      </option>
      {groups.map((group) => (
        <optgroup key={group.kind} label={ORGANISATION_KIND_LABELS[group.kind]}>
          {group.list.map((o) => (
            <option key={o.id} value={String(o.id)}>
              {o.name}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}
