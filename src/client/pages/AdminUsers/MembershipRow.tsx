import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/api/accounts.js';
import type { UserMembership, UserSummary } from '../../../shared/api/users.js';
import { useChangeRole, useRemoveMembership } from '../../api/users.js';

const rolesFor = (kind: string): Role[] => ROLES.filter((r) => (kind === 'caf') === r.startsWith('caf_'));

/** One person's role in one organisation: change it, or remove the membership (after a confirmation). */
export function MembershipRow({ user, membership, self, onError }: { user: UserSummary; membership: UserMembership; self: boolean; onError(error: Error): void }) {
  const [role, setRole] = useState<Role>(membership.role);
  const [pilotOnly, setPilotOnly] = useState(membership.pilotOnly);
  const [confirming, setConfirming] = useState(false);
  const change = useChangeRole();
  const remove = useRemoveMembership();
  const ref = { userId: user.id, organisationId: membership.organisationId, version: membership.version };
  const selectId = `role-${user.id}-${membership.organisationId}`;
  return (
    <tr>
      <td>
        <strong>{user.displayName}</strong>
        <br />
        <span className="fr-text--sm">{user.email}</span>
      </td>
      <td>{membership.organisationName}</td>
      <td>
        <label className="fr-label fr-sr-only" htmlFor={selectId}>
          Rôle de {user.displayName} pour {membership.organisationName}
        </label>
        <select id={selectId} className="fr-select" value={role} disabled={self} onChange={(e) => setRole(e.target.value as Role)}>
          {rolesFor(membership.organisationKind).map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {role === 'partner_editor' && (
          <div className="fr-checkbox-group fr-checkbox-group--sm fr-mt-1w">
            <input type="checkbox" id={`${selectId}-pilot-only`} checked={pilotOnly} disabled={self} onChange={(e) => setPilotOnly(e.target.checked)} />
            <label className="fr-label" htmlFor={`${selectId}-pilot-only`}>
              Seulement les actions dont la personne est pilote
            </label>
          </div>
        )}
      </td>
      <td>
        {self ? (
          <span className="fr-hint-text">Vos propres droits se changent par un autre administrateur.</span>
        ) : (
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
            <li>
              <Button
                size="small"
                disabled={(role === membership.role && pilotOnly === membership.pilotOnly) || change.isPending}
                onClick={() => change.mutate({ ...ref, role, pilotOnly }, { onError })}
                nativeButtonProps={{ 'aria-label': `Enregistrer le rôle de ${user.displayName} pour ${membership.organisationName}` }}
              >
                Enregistrer
              </Button>
            </li>
            <li>
              {confirming ? (
                <Button
                  size="small"
                  priority="tertiary"
                  onClick={() => remove.mutate(ref, { onError })}
                  disabled={remove.isPending}
                  nativeButtonProps={{ 'aria-label': `Confirmer le retrait de ${user.displayName} de ${membership.organisationName}` }}
                >
                  Confirmer le retrait
                </Button>
              ) : (
                <Button size="small" priority="secondary" onClick={() => setConfirming(true)} nativeButtonProps={{ 'aria-label': `Retirer ${user.displayName} de ${membership.organisationName}` }}>
                  Retirer
                </Button>
              )}
            </li>
          </ul>
        )}
      </td>
    </tr>
  );
}
