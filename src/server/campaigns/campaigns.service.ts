import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { HttpError, businessRule, invalidField, notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { principalOf, requireCafRole } from '../accounts/access.js';
import { forbidden, mustSignIn } from '../accounts/accounts.policy.js';
import type { Principal } from '../accounts/principal.js';
import { notify } from '../notifications/notifications.service.js';
import { formatLongDate } from '../../shared/format.js';
import type { Campaign, CampaignCreateInput, CampaignSummary } from '../../shared/api/notifications.js';
import * as repo from './campaigns.repository.js';

const IN_FORCE = ['signee', 'en_cours'];

/** The fiches of a campaign, each with its pilot and whether its indicators have a value for the year. */
export async function campaignItems(db: Executor, campaign: repo.CampaignRow, conventionIds: number[]) {
  const actions = await repo.campaignActions(db, conventionIds);
  const indicators = await repo.indicatorsWithValueIn(db, actions.map((a) => a.id), campaign.year);
  return actions.map((a) => {
    const own = indicators.filter((i) => i.actionId === a.id).map(({ id, title, updated }) => ({ id, title, updated }));
    // A fiche without indicator is up to date once it was edited during the campaign.
    const done = own.length ? own.every((i) => i.updated) : a.updated_at >= campaign.opened_at;
    return { actionId: a.id, actionTitle: a.title, conventionId: a.convention_id, pilotUserId: a.pilot_user_id, pilot: a.display_name ?? a.pilot ?? 'Sans pilote', hasAccount: a.pilot_user_id !== null, indicators: own, done };
  });
}

type Item = Awaited<ReturnType<typeof campaignItems>>[number];

function progressBy<K>(items: Item[], keyOf: (i: Item) => K) {
  const groups = new Map<K, Item[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** Mails and notifies each pilot with an account once per event: the list of their fiches and indicators to update. */
export async function noticePilots(db: Executor, campaign: repo.CampaignRow, event: 'opened' | 'due-soon' | 'overdue', onlyUnfinished: boolean): Promise<number> {
  const conventions = await repo.conventionsOf(db, campaign.id);
  const items = (await campaignItems(db, campaign, conventions.map((c) => c.id))).filter((i) => i.pilotUserId !== null && (!onlyUnfinished || !i.done));
  const due = formatLongDate(campaign.due_date);
  const titles = { opened: `Mise à jour ${campaign.year} : vos fiches à mettre à jour avant le ${due}`, 'due-soon': `Mise à jour ${campaign.year} : plus que quelques jours (échéance le ${due})`, overdue: `Mise à jour ${campaign.year} : l’échéance du ${due} est passée` };
  let sent = 0;
  for (const [userId, own] of progressBy(items, (i) => i.pilotUserId!)) {
    const lines = own.map((i) => `- ${i.actionTitle}${i.indicators.length ? ` (indicateurs : ${i.indicators.map((x) => `${x.title}${x.updated ? ' — à jour' : ''}`).join(', ')})` : ''}`);
    const body = `Campagne « ${campaign.title} » : ${own.length} fiche${own.length > 1 ? 's' : ''} à mettre à jour (valeurs ${campaign.year}) avant le ${due}.\n${lines.join('\n')}`;
    if (await notify(db, { userId, kind: `campaign_${event}`, eventKey: `campaign:${campaign.id}:${event}`, title: titles[event], body, link: `/campagnes/${campaign.id}`, needsAction: true })) sent += 1;
  }
  return sent;
}

async function conventionsToCover(db: Executor, input: CampaignCreateInput): Promise<number[]> {
  if (input.conventionId) {
    const c = await db.selectFrom('convention').select(['id', 'caf_id', 'status']).where('id', '=', input.conventionId).executeTakeFirst();
    if (c?.caf_id !== input.cafId) throw invalidField('conventionId', `la convention ${input.conventionId} ne relève pas de cette Caf.`);
    if (!IN_FORCE.includes(c.status)) throw businessRule('Une campagne de mise à jour porte sur une convention signée ou en cours.', 'conventionId');
    return [c.id];
  }
  const rows = await db.selectFrom('convention').select('id').where('caf_id', '=', input.cafId).where('status', 'in', IN_FORCE).orderBy('id').execute();
  if (!rows.length) throw businessRule('Cette Caf n’a aucune convention signée ou en cours : aucune campagne à ouvrir.', 'cafId');
  return rows.map((r) => r.id);
}

export async function openCampaign(ctx: ServiceContext, input: CampaignCreateInput): Promise<Campaign> {
  requireCafRole(principalOf(ctx), input.cafId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const conventionIds = await conventionsToCover(trx, input);
    const overlap = await repo.openOverlap(trx, input.year, conventionIds);
    if (overlap) throw new HttpError(409, 'duplicate', `La campagne « ${overlap.title} » est déjà ouverte pour « ${overlap.conventionTitle} » et l’année ${input.year}.`, [{ path: 'year', message: 'Campagne déjà ouverte pour cette année.' }]);
    const now = nowIso();
    const campaignId = await repo.insertCampaign(trx, {
      caf_id: input.cafId,
      title: input.title ?? `Mise à jour des données ${input.year}`,
      year: input.year,
      due_date: input.dueDate,
      status: 'ouverte',
      opened_by: ctx.actor,
      opened_at: now,
      closed_at: null,
    }, conventionIds);
    const campaign = (await repo.findCampaign(trx, campaignId))!;
    await noticePilots(trx, campaign, 'opened', false);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'campaign', entityId: campaignId, operation: 'create', after: { title: campaign.title, year: campaign.year, dueDate: campaign.due_date, conventionIds } });
    return campaignId;
  });
  return getCampaign(ctx.db, principalOf(ctx), id);
}

const cafIdsOf = (principal: Principal | null): number[] | 'all' => {
  if (!principal || (principal.kind !== 'anonymous' && principal.isPlatformAdmin)) return 'all';
  if (principal.kind === 'anonymous') return [];
  return principal.memberships.filter((m) => m.role === 'caf_admin' || m.role === 'caf_agent').map((m) => m.organisationId);
};

/** Caf staff see the whole campaign; a pilot sees their own fiches in it. */
function isCafStaff(principal: Principal | null, cafId: number): boolean {
  if (!principal || (principal.kind !== 'anonymous' && principal.isPlatformAdmin)) return true;
  if (principal.kind === 'anonymous') return false;
  return principal.memberships.some((m) => (m.role === 'caf_admin' || m.role === 'caf_agent') && m.organisationId === cafId && !m.conventionIds);
}

export async function getCampaign(db: Executor, principal: Principal | null, id: number): Promise<Campaign> {
  if (principal?.kind === 'anonymous') throw mustSignIn();
  const row = await repo.findCampaign(db, id);
  if (!row) throw notFound(`Campagne ${id}`);
  const staff = isCafStaff(principal, row.caf_id);
  const conventions = await repo.conventionsOf(db, id);
  const all = await campaignItems(db, row, conventions.map((c) => c.id));
  const items = staff ? all : all.filter((i) => principal?.kind === 'user' && i.pilotUserId === principal.userId);
  if (!staff && !items.length) throw forbidden('consulter cette campagne : elle relève d’une autre Caf et vous n’y pilotez aucune fiche');
  const count = (list: Item[]) => ({ total: list.length, done: list.filter((i) => i.done).length });
  return {
    id: row.id,
    cafId: row.caf_id,
    title: row.title,
    year: row.year,
    dueDate: row.due_date,
    status: row.status as Campaign['status'],
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    closedAt: row.closed_at,
    version: row.version,
    ...count(items),
    conventions: conventions.map((c) => ({ id: c.id, title: c.title, ...count(items.filter((i) => i.conventionId === c.id)) })).filter((c) => staff || c.total > 0),
    pilots: [...progressBy(items, (i) => `${i.hasAccount ? 'u' : 't'}:${i.pilot}`).values()].map((own) => ({ pilot: own[0]!.pilot, hasAccount: own[0]!.hasAccount, ...count(own) })),
    items: items.map(({ pilotUserId: _ignored, ...item }) => item),
    canManage: staff && !(principal?.kind === 'token' && principal.readOnly),
  };
}

export async function listCampaignsOf(db: Executor, principal: Principal): Promise<CampaignSummary[]> {
  const rows = await repo.listCampaigns(db, cafIdsOf(principal));
  const out: CampaignSummary[] = [];
  for (const row of rows) {
    const items = await campaignItems(db, row, (await repo.conventionsOf(db, row.id)).map((c) => c.id));
    out.push({ id: row.id, title: row.title, year: row.year, dueDate: row.due_date, status: row.status as Campaign['status'], total: items.length, done: items.filter((i) => i.done).length });
  }
  return out;
}

/** Closing locks the year's indicator values of the campaign's conventions. */
export async function closeCampaign(ctx: ServiceContext, id: number, version: number): Promise<Campaign> {
  if (ctx.principal?.kind === 'anonymous') throw mustSignIn();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findCampaign(trx, id);
    if (!row) throw notFound(`Campagne ${id}`);
    requireCafRole(principalOf(ctx), row.caf_id);
    if (row.status === 'close') throw businessRule('Cette campagne est déjà close.');
    if (row.version !== version || !(await repo.closeCampaign(trx, id, version, nowIso()))) throw staleVersion(await getCampaign(trx, principalOf(ctx), id));
    await recordAudit(trx, { actor: ctx.actor, entityType: 'campaign', entityId: id, operation: 'status', before: { title: row.title, status: 'ouverte' }, after: { title: row.title, status: 'close' } });
  });
  return getCampaign(ctx.db, principalOf(ctx), id);
}

/** Refuses a change to a value of a period a closed campaign locked (checked by the indicator service). */
export async function requireUnlockedValue(db: Executor, conventionId: number, date: string): Promise<void> {
  const year = Number(date.slice(0, 4));
  const lock = await repo.lockingCampaign(db, conventionId, year);
  if (!lock) return;
  const message = `Les valeurs ${year} de cette convention sont verrouillées depuis la clôture de la campagne « ${lock.title} »${lock.closed_at ? ` le ${formatLongDate(lock.closed_at.slice(0, 10))}` : ''} : elles ne peuvent plus être ajoutées, modifiées ni retirées.`;
  throw new HttpError(409, 'period_locked', message, [{ path: 'date', message: `année ${year} verrouillée` }]);
}
