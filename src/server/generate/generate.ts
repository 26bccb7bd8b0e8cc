import { sql } from 'kysely';
import type { Db, Executor } from '../platform/db/schema.js';
import { isPostgres } from '../platform/db/dialect.js';
import { normalizeForSearch, withDe } from '../../shared/text.js';
import { seededRandom, type Random } from './random.js';
import { actionDescription, actionTitle, noteBody, THEME_CODES } from './texts.js';
import { EVENTS_PER_ACTION, insertActionHistory, USERS_PER_CAF, userRows } from './people.js';
import { governanceRows, MEETINGS_PER_CONVENTION } from './governance.js';

export interface GenerateOptions {
  scale: 'national' | 'caf';
  seed?: number;
  /** For `caf`: the département of the one Caf. */
  departement?: string;
  conventionsPerCaf?: number;
  actionsPerConvention?: number;
  valuesPerIndicator?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateResult {
  cafs: number;
  conventions: number;
  actions: number;
  indicatorValues: number;
  notes: number;
  users: number;
  historyRecords: number;
  meetings: number;
  seconds: number;
}

const COM_DEPARTEMENTS = new Set(['975', '977', '978', '984', '986', '987', '988', '989']);
const STATUSES = ['en_preparation', 'diagnostic', 'redaction', 'signee', 'en_cours', 'en_cours', 'en_cours', 'echue', 'resiliee'];
const ACTION_STATUSES = ['a_venir', 'en_cours', 'en_cours', 'realisee', 'en_pause', 'en_retard', 'abandonnee'];
const CHUNK = 400;

async function insertChunks<T extends keyof import('../platform/db/schema.js').Database>(db: Executor, table: T, rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.insertInto(table).values(rows.slice(i, i + CHUNK) as any).execute();
  }
}

async function nextId(db: Executor, table: 'organisation' | 'convention' | 'action' | 'indicator' | 'signature_event' | 'app_user' | 'governance_body'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/**
 * A deterministic synthetic dataset (same seed, same data) through bulk inserts that keep the
 * application's rules: valid themes and statuses, signed conventions have a signature, periods of
 * five years, perimeters of real communes and EPCI of the Caf's département, parties for each.
 */
export async function generateDataset(db: Db, options: GenerateOptions): Promise<GenerateResult> {
  const started = Date.now();
  const random = seededRandom(options.seed ?? 42);
  const perCaf = options.conventionsPerCaf ?? 25;
  const perConvention = options.actionsPerConvention ?? 30;
  const valuesPer = options.valuesPerIndicator ?? 4;
  const departements = (await db.selectFrom('territory').select(['code', 'name']).where('kind', '=', 'departement').orderBy('code').execute())
    .filter((d) => !COM_DEPARTEMENTS.has(d.code))
    .filter((d) => options.scale === 'national' || d.code === (options.departement ?? '92'));
  const total = departements.length * perCaf;
  let done = 0;
  let actions = 0;
  let values = 0;
  let notes = 0;
  for (const departement of departements) {
    await db.transaction().execute(async (trx) => {
      const result = await generateCaf(trx, random, departement, { perCaf, perConvention, valuesPer });
      actions += result.actions;
      values += result.values;
      notes += result.notes;
    });
    done += perCaf;
    options.onProgress?.(done, total);
  }
  await realignIdentities(db);
  // Fresh statistics after a bulk load: without them PostgreSQL planned a département's coverage in 11 s instead of 30 ms.
  if (isPostgres(db)) await sql`vacuum analyze`.execute(db);
  const cafs = departements.length;
  return {
    cafs, conventions: total, actions, indicatorValues: values, notes, users: cafs * USERS_PER_CAF, historyRecords: actions * EVENTS_PER_ACTION, meetings: total * MEETINGS_PER_CONVENTION,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Rows were inserted with their ids: PostgreSQL's identity sequences must move past them. */
async function realignIdentities(db: Db): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of ['organisation', 'convention', 'convention_status_change', 'party', 'signature_event', 'action', 'action_note', 'indicator', 'indicator_value', 'app_user', 'membership', 'audit_event', 'governance_body', 'meeting']) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 1))`.execute(db);
  }
}

async function generateCaf(
  db: Executor,
  random: Random,
  departement: { code: string; name: string },
  sizes: { perCaf: number; perConvention: number; valuesPer: number },
) {
  const now = new Date().toISOString();
  const communes = await db.selectFrom('territory').select(['code', 'name', 'kind']).where('kind', '=', 'commune').where('departement_code', '=', departement.code).execute();
  const groups = await db.selectFrom('territory').select(['code', 'name', 'kind']).where('kind', 'in', ['epci', 'ept']).where('departement_code', '=', departement.code).execute();
  let orgId = await nextId(db, 'organisation');
  const cafId = orgId++;
  const organisations: object[] = [
    { id: cafId, kind: 'caf', name: `Caf ${withDe(departement.name)}`, search_name: normalizeForSearch(`Caf ${departement.name}`), territory_code: departement.code, departement_code: departement.code, created_at: now, updated_at: now },
  ];
  const orgOfTerritory = new Map<string, number>();
  let conventionId = await nextId(db, 'convention');
  let actionId = await nextId(db, 'action');
  let indicatorId = await nextId(db, 'indicator');
  let eventId = await nextId(db, 'signature_event');
  const firstActionId = actionId;
  const governanceIds = { nextBodyId: await nextId(db, 'governance_body') };
  const today = now.slice(0, 10);
  const rows = { body: [] as object[], meeting: [] as object[], convention: [] as object[], territory: [] as object[], theme: [] as object[], status: [] as object[], party: [] as object[], event: [] as object[], action: [] as object[], actionTheme: [] as object[], indicator: [] as object[], value: [] as object[], note: [] as object[] };
  for (let n = 0; n < sizes.perCaf; n++) {
    const id = conventionId++;
    const useGroup = groups.length > 0 && random.chance(0.3);
    const perimeter = useGroup ? [random.pick(groups)] : [...new Set(Array.from({ length: random.int(1, 2) }, () => random.pick(communes)))];
    const status = random.pick(STATUSES);
    const start = random.int(2019, 2026);
    const title = `Convention territoriale globale ${withDe(perimeter[0]!.name)} ${start}–${start + 4}`;
    rows.convention.push({ id, title, caf_id: cafId, status, start_year: start, end_year: start + 4, predecessor_id: null, summary: null, search_text: normalizeForSearch(`${title} ${departement.name} ${perimeter.map((t) => t.name).join(' ')}`), created_at: now, updated_at: now });
    perimeter.forEach((t, i) => rows.territory.push({ convention_id: id, territory_code: t.code, position: i + 1 }));
    const governance = governanceRows(random, governanceIds, { id, startYear: start, placeName: perimeter[0]!.name }, today, now);
    rows.body.push(...governance.bodies);
    rows.meeting.push(...governance.meetings);
    const themes = [...new Set(Array.from({ length: 4 }, () => random.pick(THEME_CODES)))];
    themes.forEach((theme_code) => rows.theme.push({ convention_id: id, theme_code }));
    rows.status.push({ convention_id: id, from_status: null, to_status: status, effective_date: null, changed_at: now, comment: null, actor: 'générateur' });
    rows.party.push({ convention_id: id, organisation_id: cafId, role: 'signataire', deliberation_ref: null, deliberation_date: null, commitments: null, position: 1, created_at: now, updated_at: now });
    perimeter.forEach((t, i) => {
      if (!orgOfTerritory.has(t.code)) {
        const oid = orgId++;
        orgOfTerritory.set(t.code, oid);
        const name = t.kind === 'commune' ? `Ville ${withDe(t.name)}` : t.name;
        organisations.push({ id: oid, kind: t.kind, name, search_name: normalizeForSearch(name), territory_code: t.code, departement_code: departement.code, created_at: now, updated_at: now });
      }
      rows.party.push({ convention_id: id, organisation_id: orgOfTerritory.get(t.code), role: 'signataire', deliberation_ref: null, deliberation_date: null, commitments: null, position: i + 2, created_at: now, updated_at: now });
    });
    if (['signee', 'en_cours', 'echue', 'resiliee'].includes(status)) {
      rows.event.push({ id: eventId++, convention_id: id, date: `${start}-0${random.int(1, 9)}-1${random.int(0, 9)}`, place: `Hôtel de ville ${withDe(perimeter[0]!.name)}`, kind: 'convention', description: null, created_at: now, updated_at: now });
    }
    for (let a = 0; a < sizes.perConvention; a++) {
      const aid = actionId++;
      const main = random.pick(themes);
      const actionThemes = [...new Set([main, random.pick(THEME_CODES)])];
      const place = random.pick(perimeter).name;
      const actionStatus = random.pick(ACTION_STATUSES);
      const actionTitleText = actionTitle(random, main, place);
      rows.action.push({
        id: aid, convention_id: id, axis_id: null, parent_id: null, title: actionTitleText, description: actionDescription(random), pilot: `Ville ${withDe(place)}`, partners: '[]', target_public: null,
        scope: null, places: '[]', labels: '[]', status: actionStatus, highlighted: a < 4 ? 1 : 0, position: a + 1, search_text: normalizeForSearch(actionTitleText),
        objectives: null, start_date: `${start}-01-01`, end_date: `${start + 4}-12-31`, status_reason: ['en_pause', 'en_retard', 'abandonnee'].includes(actionStatus) ? 'Motif synthétique' : null,
        priority: null, progress: random.int(0, 100), created_at: now, updated_at: now,
      });
      actionThemes.forEach((theme_code, i) => rows.actionTheme.push({ action_id: aid, theme_code, position: i + 1 }));
      if (a % 3 === 0) rows.note.push({ action_id: aid, date: `${start + 1}-0${random.int(1, 9)}-15`, author: `Coordination CTG ${withDe(place)}`, body: noteBody(random), created_at: now });
      const iid = indicatorId++;
      const baseline = random.int(0, 50);
      rows.indicator.push({ id: iid, convention_id: id, action_id: aid, axis_id: null, title: 'Bénéficiaires', kind: 'resultat', unit: 'personnes', direction: 'hausse', baseline_value: baseline, baseline_date: `${start}-01-01`, target_value: baseline + random.int(10, 100), target_date: `${start + 4}-12-31`, illustrative: 1, created_at: now, updated_at: now });
      for (let v = 0; v < sizes.valuesPer; v++) {
        rows.value.push({ indicator_id: iid, date: `${start + v}-12-31`, value: baseline + random.int(0, 60), source: 'Données synthétiques', comment: null, created_at: now });
      }
    }
  }
  await insertChunks(db, 'organisation', organisations);
  await insertChunks(db, 'convention', rows.convention);
  await insertChunks(db, 'convention_territory', rows.territory);
  await insertChunks(db, 'convention_theme', rows.theme);
  await insertChunks(db, 'convention_status_change', rows.status);
  await insertChunks(db, 'party', rows.party);
  await insertChunks(db, 'signature_event', rows.event);
  await insertChunks(db, 'action', rows.action);
  await insertChunks(db, 'action_theme', rows.actionTheme);
  await insertChunks(db, 'indicator', rows.indicator);
  await insertChunks(db, 'indicator_value', rows.value);
  await insertChunks(db, 'action_note', rows.note);
  await insertChunks(db, 'governance_body', rows.body);
  await insertChunks(db, 'meeting', rows.meeting);
  const firstUserId = await nextId(db, 'app_user');
  const partnerIds = organisations.slice(1).map((o) => (o as { id: number }).id);
  const people = userRows(random, { firstUserId, cafId, partnerIds, departementCode: departement.code }, now);
  await insertChunks(db, 'app_user', people.users);
  await insertChunks(db, 'membership', people.memberships);
  await insertActionHistory(db, { from: firstActionId, to: actionId }, { first: firstUserId, count: USERS_PER_CAF });
  return { actions: rows.action.length, values: rows.value.length, notes: rows.note.length };
}
