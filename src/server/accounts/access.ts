import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { notFound } from '../platform/http/errors.js';
import { SIGNED_STATUSES } from '../../shared/enums.js';
import type { MembershipInfo } from '../../shared/api/accounts.js';
import { forbidden, mustSignIn } from './accounts.policy.js';
import type { Principal } from './principal.js';

/**
 * Who may see and change which conventions. Access is denied unless a rule grants it:
 * - platform administrators: everything;
 * - Caf admins and agents: the conventions of their Caf (agents may be limited to some of them);
 * - partner editors and readers: the conventions their organisation is party to;
 * - anonymous callers: signed conventions only, through their public fields.
 * Lists apply the same rules in SQL, so rows outside the scope are never loaded.
 */
export interface ConventionScope {
  all: boolean;
  cafIds: number[];
  conventionIds: number[];
  partyOrganisationIds: number[];
  publicOnly: boolean;
}

export const CAF_ROLES = new Set(['caf_admin', 'caf_agent']);
export const EDITOR_ROLES = new Set(['caf_admin', 'caf_agent', 'partner_editor']);

/** Internal callers (demo loader, CLI, imports) have no principal and act as the system. */
export const principalOf = (ctx: ServiceContext): Principal | null => ctx.principal ?? null;

const isReadOnly = (principal: Principal | null): boolean => principal?.kind === 'token' && principal.readOnly === true;
const NOTHING: ConventionScope = { all: false, cafIds: [], conventionIds: [], partyOrganisationIds: [], publicOnly: false };

/** The conventions a caller reaches; with `roles`, only through those roles (used for write rights). */
export function scopeOf(principal: Principal | null, roles?: Set<string>): ConventionScope {
  if (roles && isReadOnly(principal)) return NOTHING;
  if (!principal || (principal.kind !== 'anonymous' && principal.isPlatformAdmin)) {
    return { all: true, cafIds: [], conventionIds: [], partyOrganisationIds: [], publicOnly: false };
  }
  if (principal.kind === 'anonymous') return { all: false, cafIds: [], conventionIds: [], partyOrganisationIds: [], publicOnly: true };
  const scope: ConventionScope = { all: false, cafIds: [], conventionIds: [], partyOrganisationIds: [], publicOnly: false };
  for (const m of principal.memberships.filter((x) => !roles || roles.has(x.role))) addMembership(scope, m);
  return scope;
}

function addMembership(scope: ConventionScope, m: MembershipInfo): void {
  if (CAF_ROLES.has(m.role)) {
    if (m.conventionIds) scope.conventionIds.push(...m.conventionIds);
    else scope.cafIds.push(m.organisationId);
  } else {
    scope.partyOrganisationIds.push(m.organisationId);
  }
}

/** A where-clause on a convention id column that keeps only the conventions in scope (usable in raw SQL too). */
export function inScope(idColumn: Expression<number>, scope: ConventionScope): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  if (scope.publicOnly) {
    return sql<SqlBool>`${idColumn} in (select id from convention where status in (${sql.join(SIGNED_STATUSES)}))`;
  }
  const branches: RawBuilder<SqlBool>[] = [];
  if (scope.cafIds.length) branches.push(sql<SqlBool>`${idColumn} in (select id from convention where caf_id in (${sql.join(scope.cafIds)}))`);
  if (scope.conventionIds.length) branches.push(sql<SqlBool>`${idColumn} in (${sql.join(scope.conventionIds)})`);
  if (scope.partyOrganisationIds.length) {
    branches.push(sql<SqlBool>`${idColumn} in (select convention_id from party where organisation_id in (${sql.join(scope.partyOrganisationIds)}))`);
  }
  return branches.length ? sql<SqlBool>`(${sql.join(branches, sql` or `)})` : sql<SqlBool>`1 = 0`;
}

export type ConventionAbility = 'read' | 'edit' | 'editPlan';

type Abilities = { read: boolean; edit: boolean; editPlan: boolean; publicView: boolean };

/**
 * The three rights in one statement (on PostgreSQL each statement is a round trip, and these are on every
 * write); no row: the convention does not exist.
 */
async function abilitiesRow(db: Executor, principal: Principal | null, conventionId: number): Promise<Abilities | undefined> {
  const anonymous = principal?.kind === 'anonymous';
  const row = await db
    .selectFrom('convention as c')
    .select([
      rightFlag(principal, 'read', sql.ref('c.id')).as('read'),
      rightFlag(principal, 'edit', sql.ref('c.id')).as('edit'),
      rightFlag(principal, 'editPlan', sql.ref('c.id')).as('edit_plan'),
    ])
    .where('c.id', '=', conventionId)
    .executeTakeFirst();
  return row && { read: Number(row.read) === 1, edit: Number(row.edit) === 1, editPlan: Number(row.edit_plan) === 1, publicView: anonymous };
}

/**
 * One right on the convention whose id is in `conventionId` as a SQL flag (1 or 0), for a statement
 * that reads it together with the object it protects: one round trip instead of two.
 */
export function rightFlag(principal: Principal | null, ability: ConventionAbility, conventionId: Expression<number>): RawBuilder<number> {
  if (ability !== 'read' && principal?.kind === 'anonymous') return sql<number>`0`;
  const scope = ability === 'read' ? scopeOf(principal) : scopeOf(principal, ability === 'edit' ? CAF_ROLES : EDITOR_ROLES);
  return sql<number>`case when ${inScope(conventionId, scope)} then 1 else 0 end`;
}

/** The refusal of a write right on a convention (read by `abilitiesRow` or with `rightFlag`): 401 to sign in, 403. */
export function requireWriteRight(principal: Principal | null, granted: boolean): void {
  if (principal?.kind === 'anonymous') throw mustSignIn();
  if (!granted) throw forbidden('modifier cette convention');
}

/** What the caller may do with one convention (returned with the object so the UI never recomputes it). */
export async function abilitiesOn(db: Executor, principal: Principal | null, conventionId: number): Promise<Abilities> {
  return (await abilitiesRow(db, principal, conventionId)) ?? { read: false, edit: false, editPlan: false, publicView: principal?.kind === 'anonymous' };
}

/**
 * Throws unless the caller may do this with the convention: 404 when it does not exist (or is not
 * public, for anonymous callers), 401 to sign in, 403 when it lies outside the caller's scope.
 */
export async function requireConventionAccess(db: Executor, principal: Principal | null, conventionId: number, ability: ConventionAbility) {
  const abilities = await abilitiesRow(db, principal, conventionId);
  if (!abilities) throw notFound(`Convention ${conventionId}`);
  if (ability !== 'read') requireWriteRight(principal, abilities[ability]);
  else if (principal?.kind === 'anonymous') {
    if (!abilities.read) throw notFound(`Convention ${conventionId}`);
  } else if (!abilities.read) throw forbidden('consulter cette convention : elle ne fait pas partie de votre périmètre');
  return abilities;
}

/** Creating a convention for a Caf: its admins and agents, or a platform administrator. */
export function requireCafRole(principal: Principal | null, cafId: number, roles: Set<string> = CAF_ROLES): void {
  if (isReadOnly(principal)) throw forbidden('écrire avec un jeton en lecture seule');
  if (!principal || (principal.kind !== 'anonymous' && principal.isPlatformAdmin)) return;
  if (principal.kind === 'anonymous') throw mustSignIn();
  if (!principal.memberships.some((m) => roles.has(m.role) && m.organisationId === cafId && !m.conventionIds)) {
    throw forbidden('agir pour cette Caf');
  }
}

/** Reference data (organisations, persons, themes) is maintained by the Cafs and the platform. */
export function requireAnyCafRole(principal: Principal | null, roles: Set<string> = CAF_ROLES): void {
  if (isReadOnly(principal)) throw forbidden('écrire avec un jeton en lecture seule');
  if (!principal || (principal.kind !== 'anonymous' && principal.isPlatformAdmin)) return;
  if (principal.kind === 'anonymous') throw mustSignIn();
  if (!principal.memberships.some((m) => roles.has(m.role))) throw forbidden('modifier les données de référence');
}

export function requireSignedInCaller(principal: Principal | null): void {
  if (principal?.kind === 'anonymous') throw mustSignIn();
}

export const CAF_ADMIN_ONLY = new Set(['caf_admin']);
