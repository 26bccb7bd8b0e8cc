import type { Db } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { businessRule, notFound, staleVersion } from '../platform/http/errors.js';
import type { Page } from '../../shared/api/common.js';
import type { MembershipUpdateInput, UserListQuery, UserMembership, UserSummary } from '../../shared/api/users.js';
import type { Role } from '../../shared/api/accounts.js';
import * as repo from './users.repository.js';
import { recordSecurityEvent } from './accounts.repository.js';
import { canManageAccountsOf, forbidden, isAnyAdmin, requireSignedIn } from './accounts.policy.js';
import { cafsWorkingWith } from './invitations.service.js';
import type { Principal } from './principal.js';

/** Platform administrators see every account; a Caf administrator, the people of the organisations it manages. */
export function userScopeOf(principal: Principal): repo.UserScope {
  requireSignedIn(principal);
  if (!isAnyAdmin(principal)) throw forbidden('consulter les comptes');
  if (principal.isPlatformAdmin) return null;
  return { cafIds: principal.memberships.filter((m) => m.role === 'caf_admin').map((m) => m.organisationId) };
}

export async function listUsers(db: Db, principal: Principal, query: UserListQuery): Promise<Page<UserSummary>> {
  const scope = userScopeOf(principal);
  const rows = await repo.listUsers(db, scope, query, { afterId: query.cursor ? Number(query.cursor) : undefined, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const memberships = await repo.membershipsOfUsers(db, page.map((u) => u.id), scope);
  const total = await repo.countUsers(db, scope, query);
  const items = page.map(
    (u): UserSummary => ({
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      isPlatformAdmin: u.is_platform_admin === 1,
      status: u.status,
      lastLoginAt: u.last_login_at,
      hasPassword: u.password_hash !== null,
      hasProConnect: u.oidc_subject !== null,
      personId: u.person_id,
      erasedAt: u.erased_at,
      memberships: memberships
        .filter((m) => m.user_id === u.id)
        .map((m) => ({ organisationId: m.organisation_id, organisationName: m.name, organisationKind: m.kind, role: m.role as Role, pilotOnly: m.pilot_only === 1, version: m.version })),
    }),
  );
  return { items, total, nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null };
}

const CAF_ROLES: readonly Role[] = ['caf_admin', 'caf_agent'];

type MembershipRow = NonNullable<Awaited<ReturnType<typeof repo.findMembership>>>;
const membershipOf = (m: MembershipRow): UserMembership => ({
  organisationId: m.organisation_id, organisationName: m.name, organisationKind: m.kind, role: m.role as Role, pilotOnly: m.pilot_only === 1, version: m.version,
});

/** « Pilote seulement » narrows an editor's rights; it means nothing for the other roles, so it is dropped with them. */
function pilotOnlyAfter(input: MembershipUpdateInput, currentPilotOnly: boolean): boolean {
  if (input.role === 'partner_editor') return input.pilotOnly ?? currentPilotOnly;
  if (input.pilotOnly) throw businessRule('« pilote seulement » : cette limite ne s’applique qu’au rôle partenaire (modification).', 'pilotOnly');
  return false;
}


/** Changes a person's role in one organisation; refused on oneself, logged as a permission change. */
export async function changeMembershipRole(ctx: ServiceContext, userId: number, organisationId: number, input: MembershipUpdateInput): Promise<UserMembership> {
  const principal = ctx.principal!;
  requireSignedIn(principal);
  return ctx.db.transaction().execute(async (trx) => {
    const membership = await repo.findMembership(trx, userId, organisationId);
    if (!membership) throw notFound('Rattachement');
    if (!canManageAccountsOf(principal, organisationId, await cafsWorkingWith(trx, organisationId))) throw forbidden(`gérer les droits des personnes de « ${membership.name} »`);
    if (principal.kind === 'user' && principal.userId === userId) throw businessRule('Vous ne pouvez pas modifier vos propres droits : demandez-le à un autre administrateur.', 'role');
    const isCaf = membership.kind === 'caf';
    if (isCaf !== CAF_ROLES.includes(input.role)) {
      throw businessRule(isCaf ? '« rôle » : dans une Caf, choisissez administrateur ou agent de la Caf.' : '« rôle » : pour un partenaire, choisissez partenaire (modification) ou partenaire (lecture).', 'role');
    }
    const current = membershipOf(membership);
    const pilotOnly = pilotOnlyAfter(input, current.pilotOnly);
    if (!(await repo.updateMembershipRole(trx, membership.id, { role: input.role, pilotOnly }, input.version))) throw staleVersion(current);
    const details: Record<string, unknown> = { userId, organisationId, before: membership.role, after: input.role };
    if (pilotOnly !== current.pilotOnly) Object.assign(details, { pilotOnlyBefore: current.pilotOnly, pilotOnlyAfter: pilotOnly });
    await recordSecurityEvent(trx, { actor: ctx.actor, event: 'membership_changed', details });
    return { ...current, role: input.role, pilotOnly, version: membership.version + 1 };
  });
}

/** Removes a person from one organisation (their account stays); logged as a permission change. */
export async function removeMembership(ctx: ServiceContext, userId: number, organisationId: number, version: number): Promise<void> {
  const principal = ctx.principal!;
  requireSignedIn(principal);
  await ctx.db.transaction().execute(async (trx) => {
    const membership = await repo.findMembership(trx, userId, organisationId);
    if (!membership) throw notFound('Rattachement');
    if (!canManageAccountsOf(principal, organisationId, await cafsWorkingWith(trx, organisationId))) throw forbidden(`gérer les droits des personnes de « ${membership.name} »`);
    if (principal.kind === 'user' && principal.userId === userId) throw businessRule('Vous ne pouvez pas retirer vos propres droits : demandez-le à un autre administrateur.');
    const current = membershipOf(membership);
    if (!(await repo.deleteMembership(trx, membership.id, version))) throw staleVersion(current);
    await recordSecurityEvent(trx, { actor: ctx.actor, event: 'membership_removed', details: { userId, organisationId, role: membership.role } });
  });
}
