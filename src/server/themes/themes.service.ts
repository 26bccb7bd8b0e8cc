import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { HttpError, invalidField, notFound, staleVersion } from '../platform/http/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import { toFlag } from '../platform/db/dialect.js';
import { DEFAULT_THEMES } from '../../shared/themes.js';
import type { ThemeCreateInput, ThemeUpdateInput } from '../../shared/api/themes.js';
import * as repo from './themes.repository.js';
import { presentTheme } from './themes.presenter.js';
import { requireOrganisation } from '../organisations/organisations.service.js';
import { CAF_ADMIN_ONLY, principalOf, requireAnyCafRole, requireCafRole } from '../accounts/access.js';

export const listThemes = async (db: Executor) => (await repo.listThemes(db)).map(presentTheme);

/** The reference list every instance starts with; existing codes are left as edited. */
export async function ensureDefaultThemes(db: Executor): Promise<void> {
  let position = 1;
  for (const theme of DEFAULT_THEMES) {
    await repo.insertTheme(db, { ...theme, description: null, caf_id: null, active: 1, position: position++ });
  }
}

/** Caf admins add themes for their Caf; only platform administrators add themes shared by all. */
export async function createTheme(ctx: ServiceContext, input: ThemeCreateInput) {
  if (input.cafId) requireCafRole(principalOf(ctx), input.cafId, CAF_ADMIN_ONLY);
  else requireCafRole(principalOf(ctx), -1, CAF_ADMIN_ONLY);
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findTheme(trx, input.code)) {
      throw new HttpError(409, 'duplicate', `Le champ d’intervention « ${input.code} » existe déjà.`, [
        { path: 'code', message: 'Ce code est déjà utilisé.' },
      ]);
    }
    if (input.cafId) await requireOrganisation(trx, input.cafId, 'cafId', 'caf');
    const row = {
      code: input.code,
      label: input.label,
      description: input.description ?? null,
      caf_id: input.cafId ?? null,
      active: 1,
      position: await repo.nextThemePosition(trx),
    };
    await repo.insertTheme(trx, row);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'theme', entityId: input.code, operation: 'create', after: row });
    return presentTheme((await repo.findTheme(trx, input.code))!);
  });
}

export async function updateTheme(ctx: ServiceContext, code: string, input: ThemeUpdateInput) {
  requireAnyCafRole(principalOf(ctx), CAF_ADMIN_ONLY);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findTheme(trx, code);
    if (!before) throw notFound(`Champ d’intervention ${code}`);
    requireCafRole(principalOf(ctx), before.caf_id ?? -1, CAF_ADMIN_ONLY);
    const changes = {
      ...(input.label !== undefined && { label: input.label }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.active !== undefined && { active: toFlag(input.active) }),
    };
    if (!(await repo.updateTheme(trx, code, input.version, changes))) throw staleVersion(presentTheme(before));
    const after = (await repo.findTheme(trx, code))!;
    await recordAudit(trx, { actor: ctx.actor, entityType: 'theme', entityId: code, operation: 'update', before, after });
    return presentTheme(after);
  });
}

/** Every code must be in the reference list; the error names the offending entry. */
export async function requireThemes(db: Executor, codes: readonly string[], field: string): Promise<void> {
  const known = await repo.findThemeCodes(db, codes);
  codes.forEach((code, index) => {
    if (!known.has(code)) throw invalidField(`${field}.${index}`, `champ d’intervention inconnu : « ${code} ».`);
  });
}
