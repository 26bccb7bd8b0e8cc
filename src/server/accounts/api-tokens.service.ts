import type { Db } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { notFound } from '../platform/http/errors.js';
import { nowIso, fromFlag } from '../platform/db/dialect.js';
import { requireOrganisation } from '../organisations/organisations.service.js';
import type { ApiToken, ApiTokenCreateInput, Role } from '../../shared/api/accounts.js';
import { hashSecret, newSecret } from './tokens.js';
import { recordSecurityEvent } from './accounts.repository.js';
import { preparedQuery } from '../platform/db/prepared.js';
import type { Principal } from './principal.js';

export const TOKEN_PREFIX = 'pct_';

/** A token acts for its organisation with the matching role; a read token is also marked read-only. */
function roleOf(scope: string, organisationKind: string): Role {
  if (organisationKind === 'caf') return scope === 'write' ? 'caf_admin' : 'caf_agent';
  return scope === 'write' ? 'partner_editor' : 'partner_reader';
}

const tokenByHash = preparedQuery((db, parameter) =>
  db
    .selectFrom('api_token as t')
    .leftJoin('organisation as o', 'o.id', 't.organisation_id')
    .select(['t.id', 't.name', 't.scope', 't.is_platform', 't.revoked_at', 't.last_used_at', 'o.id as org_id', 'o.name as org_name', 'o.kind as org_kind'])
    .where('t.token_hash', '=', parameter('hash')),
);

/** A resolved token, and when it was last marked as used. */
export interface TokenState {
  principal: Principal & { kind: 'token' };
  lastUsedAt: string | null;
}

export const isApiToken = (token: string): boolean => token.startsWith(TOKEN_PREFIX);
export const apiTokenHash = (token: string): string => hashSecret(token.slice(TOKEN_PREFIX.length));

/** The token of this hash, read from the database; null when unknown or revoked. */
export async function readApiToken(db: Db, hash: string): Promise<TokenState | null> {
  const [row] = await tokenByHash(db, { hash });
  if (!row || row.revoked_at) return null;
  const memberships =
    row.org_id === null
      ? []
      : [{ organisationId: row.org_id, organisationName: row.org_name!, organisationKind: row.org_kind!, role: roleOf(row.scope, row.org_kind!), conventionIds: null, pilotOnly: false }];
  const state: TokenState = {
    principal: { kind: 'token', tokenId: row.id, name: row.name, isPlatformAdmin: fromFlag(row.is_platform), memberships, readOnly: row.scope === 'read' },
    lastUsedAt: row.last_used_at,
  };
  await markTokenUsed(db, state);
  return state;
}

/** « Dernière utilisation » to the minute: written at most once a minute to spare writes. */
export async function markTokenUsed(db: Db, state: TokenState): Promise<void> {
  const now = nowIso();
  if (state.lastUsedAt?.slice(0, 16) === now.slice(0, 16)) return;
  await db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', state.principal.tokenId).execute();
  state.lastUsedAt = now;
}

const presentToken = (row: { id: number; name: string; organisation_id: number | null; scope: string; created_at: string; last_used_at: string | null; revoked_at: string | null }): ApiToken => ({
  id: row.id,
  name: row.name,
  organisationId: row.organisation_id,
  scope: row.scope as ApiToken['scope'],
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

/** Creates a token and returns its secret once; only a hash is kept. */
export async function createApiToken(ctx: ServiceContext, input: ApiTokenCreateInput, options: { platform?: boolean } = {}) {
  return ctx.db.transaction().execute(async (trx) => {
    await requireOrganisation(trx, input.organisationId, 'organisationId');
    const secret = newSecret();
    const row = await trx
      .insertInto('api_token')
      .values({
        organisation_id: input.organisationId,
        name: input.name,
        token_hash: hashSecret(secret),
        scope: input.scope,
        is_platform: options.platform ? 1 : 0,
        created_by: ctx.actor,
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordSecurityEvent(trx, { actor: ctx.actor, event: 'api_token_created', details: { id: row.id, name: row.name, scope: row.scope } });
    return { ...presentToken(row), token: `${TOKEN_PREFIX}${secret}` };
  });
}

export async function listApiTokens(db: Db, organisationIds: number[] | 'all'): Promise<ApiToken[]> {
  let q = db.selectFrom('api_token').selectAll();
  if (organisationIds !== 'all') q = q.where('organisation_id', 'in', organisationIds.length ? organisationIds : [-1]);
  return (await q.orderBy('id').execute()).map(presentToken);
}

export async function revokeApiToken(ctx: ServiceContext, id: number): Promise<ApiToken> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`Jeton ${id}`);
    if (!row.revoked_at) await trx.updateTable('api_token').set({ revoked_at: nowIso() }).where('id', '=', id).execute();
    await recordSecurityEvent(trx, { actor: ctx.actor, event: 'api_token_revoked', details: { id } });
    return presentToken((await trx.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  });
}
