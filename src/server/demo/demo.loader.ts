import type { ServiceContext } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { createOrganisation, createPerson, organisationForTerritory } from '../organisations/organisations.service.js';
import { requireTerritories } from '../territories/territories.service.js';
import { createConvention, changeConventionStatus } from '../conventions/conventions.service.js';
import { createSignatureEvent } from '../signatures/signatures.service.js';
import { createAction } from '../plans/actions.service.js';
import { withDe } from '../../shared/text.js';
import { loadDemoFollowUp } from './demo.follow-up.js';
import { DEMO_CAF, DEMO_CAF_PEOPLE, DEMO_CONVENTIONS, DEMO_GPSO, DEMO_PERIOD, type DemoConvention } from './demo.data.js';

export const DEMO_ACTOR = 'demo';

/** Business tables, children first, emptied by a demo reload (the territory referential stays). */
const BUSINESS_TABLES = [
  'news_item_signature', 'news_item', 'audit_event', 'action_theme', 'action', 'axis', 'signatory', 'signature_event', 'party',
  'convention_status_change', 'convention_theme', 'convention_territory', 'convention', 'mandate', 'person',
] as const;

export async function clearBusinessData(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of BUSINESS_TABLES) await trx.deleteFrom(table).execute();
    await trx.updateTable('theme').set({ caf_id: null }).execute();
    await trx.deleteFrom('organisation').execute();
  });
}

/**
 * Enters the founding document's facts through the services, as a user would.
 * Each service call is its own transaction; if any fails, the partial demo is removed.
 */
export async function loadDemo(ctx: ServiceContext): Promise<{ conventionIds: number[] }> {
  try {
    return await enterDemoFacts(ctx);
  } catch (error) {
    await clearBusinessData(ctx.db);
    throw error;
  }
}

async function enterDemoFacts(ctx: ServiceContext): Promise<{ conventionIds: number[] }> {
  const caf = await createOrganisation(ctx, { kind: 'caf', name: DEMO_CAF.name, departementCode: DEMO_CAF.departement, territoryCode: DEMO_CAF.departement });
  const cafPeople = {} as Record<keyof typeof DEMO_CAF_PEOPLE, { id: number; capacity: string }>;
  for (const [key, p] of Object.entries(DEMO_CAF_PEOPLE) as [keyof typeof DEMO_CAF_PEOPLE, (typeof DEMO_CAF_PEOPLE)[keyof typeof DEMO_CAF_PEOPLE]][]) {
    const person = await createPerson(ctx, { firstName: p.firstName, lastName: p.lastName, mandates: [{ organisationId: caf.id, capacity: p.capacity }] });
    cafPeople[key] = { id: person.id, capacity: p.capacity };
  }
  const gpso = await createOrganisation(ctx, { kind: 'ept', name: DEMO_GPSO.name, territoryCode: DEMO_GPSO.code });
  const conventionIds: number[] = [];
  for (const demo of DEMO_CONVENTIONS) {
    conventionIds.push(await loadConvention(ctx, demo, caf.id, cafPeople, gpso.id));
  }
  await loadDemoFollowUp(ctx, conventionIds);
  return { conventionIds };
}

async function loadConvention(
  ctx: ServiceContext,
  demo: DemoConvention,
  cafId: number,
  cafPeople: Record<string, { id: number; capacity: string }>,
  gpsoId: number,
): Promise<number> {
  const [commune] = await requireTerritories(ctx.db, [demo.communeCode], 'territoryCodes');
  const town = await organisationForTerritory(ctx, ctx.db, commune!);
  const mandates = [{ organisationId: town.id, capacity: 'maire' }];
  if (demo.mayorCapacity.includes(DEMO_GPSO.name)) mandates.push({ organisationId: gpsoId, capacity: 'président' });
  const mayor = await createPerson(ctx, { ...demo.mayor, mandates });

  let convention = await createConvention(ctx, {
    title: `Convention territoriale globale ${withDe(commune!.name)}`,
    cafId,
    startYear: DEMO_PERIOD.startYear,
    endYear: DEMO_PERIOD.endYear,
    territoryCodes: [demo.communeCode],
    themes: demo.declaredThemes,
    summary: `Engagements réciproques de la ${town.name} et de la ${DEMO_CAF.name} pour les années ${DEMO_PERIOD.startYear} à ${DEMO_PERIOD.endYear}.`,
    status: 'redaction',
  });
  const partyOf = (orgId: number) => convention.parties.find((p) => p.organisation.id === orgId)!.id;
  await createSignatureEvent(ctx, convention.id, {
    date: demo.signature.date,
    place: demo.signature.place,
    kind: 'convention',
    signatories: [
      { personId: mayor.id, partyId: partyOf(town.id), capacity: demo.mayorCapacity },
      ...demo.signature.cafSignatories.map((key) => ({ personId: cafPeople[key]!.id, partyId: partyOf(cafId), capacity: cafPeople[key]!.capacity })),
    ],
  });
  for (const action of demo.actions) {
    await createAction(ctx, convention.id, { ...action, status: 'en_cours', highlighted: true });
  }
  convention = await changeConventionStatus(ctx, convention.id, { version: convention.version, status: 'signee', effectiveDate: demo.signature.date });
  await changeConventionStatus(ctx, convention.id, { version: convention.version, status: 'en_cours', effectiveDate: `${DEMO_PERIOD.startYear}-03-31` });
  return convention.id;
}
