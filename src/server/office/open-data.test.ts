import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import type { ConventionDetail, ConventionSummary } from '../../shared/api/conventions.js';
import type { Page } from '../../shared/api/common.js';
import { SIGNED_STATUSES } from '../../shared/enums.js';

interface Field {
  name: string;
  type: string;
  constraints?: { required?: boolean; enum?: string[]; pattern?: string; minimum?: number };
}
const schemaOf = (set: string) => JSON.parse(readFileSync(new URL(`../../../docs/open-data/${set}.schema.json`, import.meta.url), 'utf8')) as { version: string; fields: Field[] };

/** Checks one CSV value against its Table Schema field; returns what is wrong, or null. */
function violation(field: Field, value: string): string | null {
  if (value === '') return field.constraints?.required ? `${field.name} manquant` : null;
  if ((field.type === 'integer' || field.type === 'year') && !/^-?\d+$/.test(value)) return `${field.name} non entier : ${value}`;
  if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${field.name} n’est pas une date : ${value}`;
  if (field.constraints?.enum && !field.constraints.enum.includes(value)) return `${field.name} hors liste : ${value}`;
  if (field.constraints?.pattern && !new RegExp(field.constraints.pattern).test(value)) return `${field.name} ne suit pas le motif : ${value}`;
  if (field.constraints?.minimum !== undefined && Number(value) < field.constraints.minimum) return `${field.name} trop petit : ${value}`;
  return null;
}

describe.each(ENGINES)('open data and calendars (%s)', (engine) => {
  let t: TestApp;
  let signed: ConventionSummary[];
  let draftId: number;
  const anonymous = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    return { status: response.statusCode, type: String(response.headers['content-type']), text: response.body };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const all = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions' });
    signed = all.body.items.filter((c) => SIGNED_STATUSES.includes(c.status));
    const draft = await t.request<ConventionDetail>({
      method: 'POST',
      url: '/api/v1/conventions',
      payload: { title: 'CTG en préparation, jamais publiée', cafId: signed[0]!.caf.id, startYear: 2026, endYear: 2030, territoryCodes: ['92002'] },
    });
    draftId = draft.body.id;
    const action = await t.request({ method: 'POST', url: `/api/v1/conventions/${draftId}/actions`, payload: { title: 'Action d’un brouillon', themes: ['jeunesse'], highlighted: true } });
    expect(action.status).toBe(201);
  });
  afterAll(async () => t.close());

  it.each(['conventions', 'actions'])('the %s CSV is public, follows its schema field by field, and holds published data only', async (set) => {
    const schema = schemaOf(set);
    const file = await anonymous(`/api/v1/open-data/${set}.csv`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    const rows = parse(file.text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(schema.fields.map((f) => f.name));
    const data = rows.slice(1);
    expect(data.length).toBeGreaterThan(0);
    const problems = data.flatMap((row) => schema.fields.map((field, i) => violation(field, row[i] ?? '')).filter(Boolean));
    expect(problems).toEqual([]);
    const conventionColumn = set === 'conventions' ? 0 : 1;
    const ids = new Set(data.map((row) => Number(row[conventionColumn])));
    expect([...ids].every((id) => signed.some((c) => c.id === id))).toBe(true);
    expect(ids.has(draftId)).toBe(false);
    if (set === 'conventions') expect(data).toHaveLength(signed.length);
  });

  it('only highlighted actions are published, and the admin gets the same published file', async () => {
    const asAdmin = await t.app.inject({ method: 'GET', url: '/api/v1/open-data/actions.json', headers: t.adminHeaders });
    const body = asAdmin.json<{ version: string; data: { id: number; convention_id: number }[] }>();
    expect(body.version).toBe(schemaOf('actions').version);
    const highlighted: number[] = [];
    for (const c of signed) {
      const detail = await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${c.id}` });
      highlighted.push(...detail.body.actions.filter((a) => a.highlighted).map((a) => a.id));
    }
    expect(body.data.map((a) => a.id).sort((a, b) => a - b)).toEqual(highlighted.sort((a, b) => a - b));
    const one = await anonymous(`/api/v1/open-data/conventions.json?convention=${signed[0]!.id}`);
    const parsed = JSON.parse(one.text) as { data: Record<string, unknown>[] };
    expect(parsed.data).toHaveLength(1);
    expect(Object.keys(parsed.data[0]!)).toEqual(schemaOf('conventions').fields.map((f) => f.name));
    expect(parsed.data[0]).toMatchObject({ id: signed[0]!.id, titre: signed[0]!.title, date_signature: signed[0]!.firstSignatureDate });
  });

  it('serves the versioned schemas and logs every download in the security log', async () => {
    const served = await anonymous('/api/v1/open-data/schemas/conventions.json');
    expect(JSON.parse(served.text)).toEqual(schemaOf('conventions'));
    const count = async () =>
      Number((await t.database.db.selectFrom('security_event').select((eb) => eb.fn.countAll<number>().as('n')).where('event', '=', 'export').where('actor', '=', 'anonyme').executeTakeFirst())?.n ?? 0);
    const before = await count();
    await anonymous('/api/v1/open-data/actions.csv');
    await anonymous(`/api/v1/conventions/${signed[0]!.id}/calendar.ics`);
    expect(await count()).toBe(before + 2);
  });

  it('the calendar of a signed convention lists its signatures as whole days, with signatories, and its end date', async () => {
    const c = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${signed[0]!.id}` })).body;
    const file = await anonymous(`/api/v1/conventions/${c.id}/calendar.ics`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/calendar');
    const text = file.text.replace(/\r\n[ \t]/g, '');
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(c.signatureEvents.length + 1);
    for (const e of c.signatureEvents) {
      expect(text).toContain(`DTSTART;VALUE=DATE:${e.date.replace(/-/g, '')}`);
      for (const s of e.signatories) expect(text).toContain(s.person.fullName);
    }
    expect(text).toContain(`DTSTART;VALUE=DATE:${c.endYear}1231`);
    expect((await anonymous(`/api/v1/conventions/${draftId}/calendar.ics`)).status).toBe(404);
  });

  it('adds the governance meetings for those who follow the convention, never in the public calendar', async () => {
    const c = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${signed[0]!.id}` })).body;
    const body = await t.request<{ id: number }>({ method: 'POST', url: `/api/v1/conventions/${c.id}/bodies`, payload: { kind: 'copil', name: 'Comité de pilotage', frequency: 'semestrielle' } });
    const meeting = await t.request({ method: 'POST', url: `/api/v1/conventions/${c.id}/meetings`, payload: { bodyId: body.body.id, startsAt: '2026-12-03T09:30', durationMinutes: 120, visioUrl: 'https://visio.example.org/copil' } });
    expect(meeting.status).toBe(201);
    const internal = await t.app.inject({ method: 'GET', url: `/api/v1/conventions/${c.id}/calendar.ics`, headers: t.adminHeaders });
    const text = internal.body.replace(/\r\n[ \t]/g, '');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(c.signatureEvents.length + 2);
    expect(text).toContain(`SUMMARY:Comité de pilotage — ${c.title}`);
    expect(text).toContain('DTSTART:20261203T093000');
    expect(text).toContain('URL:https://visio.example.org/copil');
    const publicText = (await anonymous(`/api/v1/conventions/${c.id}/calendar.ics`)).text;
    expect(publicText).not.toContain('Comité de pilotage');
  });
});
