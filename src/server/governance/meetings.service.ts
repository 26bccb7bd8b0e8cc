import type { Executor } from '../platform/db/schema.js';
import type { ServiceContext } from '../platform/context.js';
import { businessRule, invalidField, notFound, staleVersion } from '../platform/http/errors.js';
import { nowIso } from '../platform/db/dialect.js';
import { recordAudit } from '../audit/audit.repository.js';
import { abilitiesOn, principalOf, requireConventionAccess } from '../accounts/access.js';
import type { Principal } from '../accounts/principal.js';
import { requireConventionRow } from '../conventions/conventions.repository.js';
import type { AgendaItem, GovernanceOverview, Meeting, MeetingCreateInput, MeetingUpdateInput } from '../../shared/api/governance.js';
import * as repo from './governance.repository.js';
import { presentMeeting, presentMeetingItem } from './governance.presenter.js';
import { listBodiesOf } from './bodies.service.js';

export async function requireBody(db: Executor, id: number) {
  const body = await repo.findBody(db, id);
  if (!body) throw notFound(`Instance ${id}`);
  return body;
}

export async function requireMeeting(db: Executor, id: number) {
  const meeting = await repo.findMeeting(db, id);
  if (!meeting) throw notFound(`Réunion ${id}`);
  return meeting;
}

/** Titles of the axes, actions and indicators an agenda points at. */
async function linkLabelsOf(db: Executor, items: AgendaItem[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const ids = (key: 'axisId' | 'actionId' | 'indicatorId') => items.map((i) => i[key]).filter((v): v is number => typeof v === 'number');
  const add = (kind: string, rows: { id: number; title: string }[]) => rows.forEach((r) => labels.set(`${kind}:${r.id}`, r.title));
  if (ids('axisId').length) add('axis', await db.selectFrom('axis').select(['id', 'title']).where('id', 'in', ids('axisId')).execute());
  if (ids('actionId').length) add('action', await db.selectFrom('action').select(['id', 'title']).where('id', 'in', ids('actionId')).execute());
  if (ids('indicatorId').length) add('indicator', await db.selectFrom('indicator').select(['id', 'title']).where('id', 'in', ids('indicatorId')).execute());
  return labels;
}

/** Every agenda link must designate an axis, action or indicator of the meeting's convention. */
async function checkAgenda(db: Executor, conventionId: number, items: AgendaItem[]) {
  for (const [index, item] of items.entries()) {
    const links = [['axisId', 'axis', item.axisId], ['actionId', 'action', item.actionId], ['indicatorId', 'indicator', item.indicatorId]] as const;
    for (const [field, table, id] of links) {
      if (!id) continue;
      const row = await db.selectFrom(table).select('convention_id').where('id', '=', id).executeTakeFirst();
      if (row?.convention_id !== conventionId) throw invalidField(`agenda.${index}.${field}`, `l’élément ${id} n’appartient pas à cette convention.`);
    }
  }
}

export async function getMeeting(db: Executor, id: number): Promise<Meeting> {
  const row = await requireMeeting(db, id);
  const body = await requireBody(db, row.body_id);
  const convention = await requireConventionRow(db, row.convention_id);
  const agenda = JSON.parse(row.agenda) as AgendaItem[];
  return presentMeeting(row, body, convention.title, await repo.decisionsOf(db, [id]), await linkLabelsOf(db, agenda));
}

/** A convention's bodies, meetings and renewal links (the « Gouvernance » page). */
export async function governanceOverview(db: Executor, principal: Principal, conventionId: number): Promise<GovernanceOverview> {
  const convention = await requireConventionRow(db, conventionId);
  const bodies = await repo.listBodies(db, conventionId);
  const byId = new Map(bodies.map((b) => [b.id, b]));
  const meetings = (await repo.listMeetingsOfConvention(db, conventionId)).map((m) => presentMeetingItem(m, byId.get(m.body_id)!));
  const predecessor = convention.predecessor_id ? await db.selectFrom('convention').select(['id', 'title']).where('id', '=', convention.predecessor_id).executeTakeFirst() : undefined;
  const successor = await db.selectFrom('convention').select(['id', 'title']).where('predecessor_id', '=', conventionId).orderBy('id').executeTakeFirst();
  const abilities = await abilitiesOn(db, principal, conventionId);
  return { bodies: await listBodiesOf(db, conventionId), meetings, predecessor: predecessor ?? null, successor: successor ?? null, canEdit: abilities.editPlan };
}

export async function createMeeting(ctx: ServiceContext, conventionId: number, input: MeetingCreateInput): Promise<Meeting> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireConventionAccess(trx, principalOf(ctx), conventionId, 'editPlan');
    const body = await repo.findBody(trx, input.bodyId);
    if (body?.convention_id !== conventionId) throw invalidField('bodyId', `l’instance ${input.bodyId} n’appartient pas à cette convention.`);
    if (!input.place?.trim() && !input.visioUrl) throw businessRule('Indiquez un lieu ou un lien de visioconférence.', 'place');
    await checkAgenda(trx, conventionId, input.agenda);
    const now = nowIso();
    const id = await repo.insertMeeting(trx, {
      body_id: body.id,
      convention_id: conventionId,
      starts_at: input.startsAt,
      duration_minutes: input.durationMinutes,
      place: input.place ?? null,
      visio_url: input.visioUrl ?? null,
      agenda: JSON.stringify(input.agenda),
      attendance: JSON.stringify(memberAttendance(body.members)),
      minutes: null,
      status: 'planifiee',
      invitations_sent_at: null,
      validated_at: null,
      validated_by: null,
      created_at: now,
      updated_at: now,
    });
    const created = await getMeeting(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'meeting', entityId: id, operation: 'create', after: auditView(created) });
    return created;
  });
}

/** The attendance list starts from the body's members, all marked absent until ticked. */
function memberAttendance(membersJson: string) {
  return (JSON.parse(membersJson) as { name: string; organisation?: string | null }[]).map((m) => ({ name: m.name, organisation: m.organisation ?? null, present: false }));
}

/** What the audit keeps of a meeting: no rendered HTML, decisions by summary. */
export const auditView = (m: Meeting) => ({ title: m.title, startsAt: m.startsAt, place: m.place, visioUrl: m.visioUrl, agenda: m.agenda.map((a) => a.title), attendance: m.attendance, minutes: m.minutes, status: m.status });

export function requireOpen(meeting: { status: string }) {
  if (meeting.status === 'validee') throw businessRule('Le compte rendu de cette réunion est validé : la réunion ne peut plus être modifiée.');
}

export async function updateMeeting(ctx: ServiceContext, id: number, input: MeetingUpdateInput): Promise<Meeting> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getMeeting(trx, id);
    await requireConventionAccess(trx, principalOf(ctx), before.conventionId, 'editPlan');
    if (before.version !== input.version) throw staleVersion(before);
    requireOpen(before);
    if (input.agenda) await checkAgenda(trx, before.conventionId, input.agenda);
    const place = input.place !== undefined ? input.place : before.place;
    const visio = input.visioUrl !== undefined ? input.visioUrl : before.visioUrl;
    if (!place?.trim() && !visio) throw businessRule('Indiquez un lieu ou un lien de visioconférence.', 'place');
    const ok = await repo.updateMeeting(trx, id, input.version, {
      ...(input.startsAt && { starts_at: input.startsAt }),
      ...(input.durationMinutes && { duration_minutes: input.durationMinutes }),
      place: place ?? null,
      visio_url: visio ?? null,
      ...(input.agenda && { agenda: JSON.stringify(input.agenda) }),
      ...(input.attendance && { attendance: JSON.stringify(input.attendance) }),
      ...(input.minutes !== undefined && { minutes: input.minutes }),
      updated_at: nowIso(),
    });
    if (!ok) throw staleVersion(await getMeeting(trx, id));
    const after = await getMeeting(trx, id);
    await recordAudit(trx, { actor: ctx.actor, entityType: 'meeting', entityId: id, operation: 'update', before: auditView(before), after: auditView(after) });
    return after;
  });
}
