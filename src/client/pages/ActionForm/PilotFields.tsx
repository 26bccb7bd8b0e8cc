import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { PilotCandidates } from '../../../shared/api/index.js';
import type { ActionFormValues } from './values.js';

type Props = { register: UseFormRegister<ActionFormValues>; errors: FieldErrors<ActionFormValues>; candidates?: PilotCandidates; current: { userId: string; organisationId: string; userName?: string | null; organisationName?: string | null } };

/**
 * The pilot's links: an account (shown in that person's « Mon suivi », and the only actions a « pilote
 * seulement » editor may change) and an organisation among the convention's parties and its Caf.
 */
export function PilotFields({ register, errors, candidates, current }: Props) {
  const users = candidates?.users ?? [];
  const organisations = candidates?.organisations ?? [];
  const keepUser = current.userId && !users.some((u) => String(u.id) === current.userId);
  const keepOrganisation = current.organisationId && !organisations.some((o) => String(o.id) === current.organisationId);
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-6">
        <Select
          label="Personne pilote, si elle a un compte (facultatif)"
          hint="L’action apparaîtra dans son « Mon suivi »"
          state={errors.pilotUserId ? 'error' : 'default'}
          stateRelatedMessage={errors.pilotUserId?.message}
          nativeSelectProps={register('pilotUserId')}
        >
          <option value="">Aucun compte</option>
          {keepUser && <option value={current.userId}>{current.userName ?? `Compte ${current.userId}`}</option>}
          {users.map((u) => (
            <option key={u.id} value={String(u.id)}>{`${u.displayName} (${u.organisationName})`}</option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-6">
        <Select
          label="Organisation pilote (facultative)"
          hint="Une partie à la convention ou sa Caf"
          state={errors.pilotOrganisationId ? 'error' : 'default'}
          stateRelatedMessage={errors.pilotOrganisationId?.message}
          nativeSelectProps={register('pilotOrganisationId')}
        >
          <option value="">Aucune organisation</option>
          {keepOrganisation && <option value={current.organisationId}>{current.organisationName ?? `Organisation ${current.organisationId}`}</option>}
          {organisations.map((o) => (
            <option key={o.id} value={String(o.id)}>{o.name}</option>
          ))}
        </Select>
      </div>
    </div>
  );
}
