import type { ServiceContext } from '../platform/context.js';
import { HttpError, businessRule } from '../platform/http/errors.js';
import { principalOf, requireConventionAccess } from '../accounts/access.js';
import { joinTransaction } from '../imports/within-transaction.js';
import { createConvention } from '../conventions/conventions.service.js';
import { listActionsOfConventions, createAction } from '../plans/actions.service.js';
import { createAxis, listAxesOf } from '../plans/axes.service.js';
import { addParty } from '../signatures/signatures.service.js';
import type { Action } from '../../shared/api/actions.js';
import type { z } from 'zod';
import type { renewalInput, renewalResultSchema } from '../../shared/api/governance.js';

const UNFINISHED: readonly Action['status'][] = ['a_venir', 'en_cours', 'en_pause', 'en_retard'];
const RENEWABLE = new Set(['signee', 'en_cours', 'echue']);

/** The declared themes of a convention (not those derived from its actions). */
async function declaredThemes(ctx: ServiceContext, conventionId: number): Promise<string[]> {
  const rows = await ctx.db.selectFrom('convention_theme').select('theme_code').where('convention_id', '=', conventionId).execute();
  return rows.map((r) => r.theme_code);
}

/**
 * Starts the successor of a convention: same Caf, perimeter, declared themes and parties, the axes
 * and the unfinished actions carried over (as « à venir » when they were late or paused), linked to
 * its predecessor — all in one transaction through the usual services.
 */
export async function renewConvention(ctx: ServiceContext, id: number, input: z.infer<typeof renewalInput>): Promise<z.infer<typeof renewalResultSchema>> {
  return ctx.db.transaction().execute(async (trx) => {
    const joined = joinTransaction(ctx, trx);
    await requireConventionAccess(trx, principalOf(ctx), id, 'edit');
    const old = await trx.selectFrom('convention').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (!RENEWABLE.has(old.status)) throw businessRule('Seule une convention signée, en cours ou échue peut être renouvelée.', 'status');
    const existing = await trx.selectFrom('convention').select(['id', 'title']).where('predecessor_id', '=', id).executeTakeFirst();
    if (existing) throw new HttpError(409, 'duplicate', `Cette convention a déjà une suivante : « ${existing.title} ».`);
    const territories = await trx.selectFrom('convention_territory').select('territory_code').where('convention_id', '=', id).orderBy('position').execute();
    const startYear = input.startYear ?? old.end_year + 1;
    const endYear = input.endYear ?? startYear + (old.end_year - old.start_year);
    if (endYear < startYear) throw businessRule('L’année de fin précède l’année de début.', 'endYear');
    const created = await createConvention(joined, {
      title: input.title ?? `${old.title.replace(/\s*\(?\d{4}\s*[-–]\s*\d{4}\)?\s*$/u, '')} (${startYear}–${endYear})`,
      cafId: old.caf_id,
      status: 'en_preparation',
      startYear,
      endYear,
      territoryCodes: territories.map((t) => t.territory_code),
      themes: await declaredThemes(joined, id),
      predecessorId: id,
    });
    const parties = await trx.selectFrom('party').select(['organisation_id', 'role']).where('convention_id', '=', id).orderBy('position').execute();
    const present = new Set(created.parties.map((p) => p.organisation.id));
    for (const party of parties.filter((p) => !present.has(p.organisation_id))) await addParty(joined, trx, created.id, { organisationId: party.organisation_id, role: party.role as never });
    const axisMap = new Map<number, number>();
    for (const axis of await listAxesOf(trx, id)) axisMap.set(axis.id, (await createAxis(joined, created.id, { title: axis.title })).id);
    const carried = (await listActionsOfConventions(trx, [id])).filter((a) => UNFINISHED.includes(a.status) && a.parentId === null);
    for (const action of carried) {
      await createAction(joined, created.id, {
        title: action.title,
        description: action.description,
        themes: action.themes,
        axisIds: action.axisIds.map((a) => axisMap.get(a)!).filter(Boolean),
        pilot: action.pilot,
        pilotUserId: action.pilotUserId,
        pilotOrganisationId: action.pilotOrganisationId,
        partners: action.partners,
        targetPublic: action.targetPublic,
        scope: action.scope,
        objectives: action.objectives,
        status: action.status === 'en_cours' ? 'en_cours' : 'a_venir',
      });
    }
    const partyCount = await trx.selectFrom('party').select((eb) => eb.fn.countAll<number>().as('n')).where('convention_id', '=', created.id).executeTakeFirst();
    return { id: created.id, title: created.title, carriedActions: carried.length, carriedAxes: axisMap.size, parties: Number(partyCount?.n ?? 0) };
  });
}
