import type { Executor } from '../platform/db/schema.js';
import { invalidField } from '../platform/http/errors.js';
import { forbidden } from '../accounts/accounts.policy.js';
import { EDITOR_ROLES, scopeOf } from '../accounts/access.js';
import type { Principal } from '../accounts/principal.js';
import type { PilotCandidates } from '../../shared/api/my-follow-up.js';
import { conventionInScope } from './my-follow-up.repository.js';
import * as repo from './pilots.repository.js';
import { findAction } from './actions.repository.js';

/** Accounts and organisations that may be linked as an action's pilot (ADR 0011). */
export async function pilotCandidates(db: Executor, conventionId: number): Promise<PilotCandidates> {
  const organisations = await repo.candidateOrganisations(db, conventionId);
  const users = await repo.candidateUsers(db, conventionId);
  return {
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    users: users.map((u) => ({ id: u.id, displayName: u.display_name, organisationName: u.organisation_name })),
  };
}

/** The linked pilot must be one of the candidates, else 422 naming the field (nothing is written). */
export async function checkPilotLinks(db: Executor, conventionId: number, links: { pilotUserId?: number | null; pilotOrganisationId?: number | null }) {
  if (!links.pilotUserId && !links.pilotOrganisationId) return;
  const candidates = await pilotCandidates(db, conventionId);
  if (links.pilotUserId && !candidates.users.some((u) => u.id === links.pilotUserId)) {
    throw invalidField('pilotUserId', `le compte ${links.pilotUserId} n’appartient à aucune organisation partie à cette convention.`);
  }
  if (links.pilotOrganisationId && !candidates.organisations.some((o) => o.id === links.pilotOrganisationId)) {
    throw invalidField('pilotOrganisationId', `l’organisation ${links.pilotOrganisationId} n’est ni partie à cette convention ni sa Caf.`);
  }
}

/** Memberships that give full plan rights (not limited to the actions piloted). */
const withoutPilotOnly = (principal: Principal): Principal =>
  principal.kind === 'anonymous' ? principal : { ...principal, memberships: principal.memberships.filter((m) => !m.pilotOnly) };

/**
 * « Pilote seulement » editors (memberships with `pilotOnly`) may change only the actions whose pilot
 * is linked to their own account (the organisation link is not enough: it would open every action the
 * organisation pilots). Called after the convention check; `action` is null for a new action or an
 * object of no action (an axis indicator).
 */
export async function requireActionEditor(
  db: Executor,
  principal: Principal | null,
  conventionId: number,
  action: { pilotUserId: number | null } | null,
): Promise<void> {
  if (!principal || principal.kind === 'anonymous' || principal.isPlatformAdmin) return;
  if (!principal.memberships.some((m) => m.pilotOnly)) return;
  if (await conventionInScope(db, conventionId, scopeOf(withoutPilotOnly(principal), EDITOR_ROLES))) return;
  const pilots = action !== null && principal.kind === 'user' && action.pilotUserId === principal.userId;
  if (!pilots) throw forbidden('modifier cette action : vous ne pouvez modifier que les actions dont vous êtes le pilote');
}

/** The same rule for an object hanging on an action (indicator, note, document) or on none (axis indicator). */
export async function requireEditorOfAction(db: Executor, principal: Principal | null, conventionId: number, actionId: number | null): Promise<void> {
  if (!principal || principal.kind === 'anonymous' || principal.isPlatformAdmin || !principal.memberships.some((m) => m.pilotOnly)) return;
  const row = actionId === null ? undefined : await findAction(db, actionId);
  await requireActionEditor(db, principal, conventionId, row ? { pilotUserId: row.pilot_user_id } : null);
}
