import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, type TestApp } from '../../../test/helpers/app.js';
import { columnOf, readWorkbook } from '../../../test/helpers/xlsx.js';
import { createActions } from '../plans/actions-bulk.service.js';
import type { ConventionDetail, ConventionSummary } from '../../shared/api/conventions.js';
import type { Indicator } from '../../shared/api/indicators.js';
import type { Page } from '../../shared/api/common.js';

const LARGE = 450;

describe.each(ENGINES)('filtered lists as streamed workbooks (%s)', (engine) => {
  let t: TestApp;
  let conventions: ConventionSummary[];
  let issy: ConventionDetail;

  const download = async (url: string, headers: Record<string, string> = t.adminHeaders) => {
    const response = await t.app.inject({ method: 'GET', url, headers });
    return { status: response.statusCode, headers: response.headers, body: response.rawPayload };
  };
  const exportsLogged = async (what: string) =>
    (await t.database.db.selectFrom('security_event').select('details_json').where('event', '=', 'export').execute()).filter((r) => String(r.details_json).includes(`"what":"${what}"`)).length;

  beforeAll(async () => {
    t = await createTestApp(engine);
    conventions = (await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions' })).body.items;
    const issyId = conventions.find((c) => c.title.includes('Issy'))!.id;
    // A convention with more actions than one page of the list, so that the export walks several pages.
    const created = await t.request<ConventionDetail>({
      method: 'POST',
      url: '/api/v1/conventions',
      payload: { title: 'Convention au plan très long', cafId: conventions[0]!.caf.id, startYear: 2026, endYear: 2030, territoryCodes: ['92002'] },
    });
    const inputs = Array.from({ length: LARGE }, (_, i) => ({
      title: `Action de masse numéro ${i + 1}`,
      themes: ['jeunesse'],
      startDate: '2026-03-01',
      budgetLines: [{ year: 2026, funder: 'Caf', nature: 'fonctionnement' as const, plannedCents: 123_456, actualCents: null }],
    }));
    await createActions({ db: t.database.db, dialect: t.database.dialect, actor: 'tests' }, created.body.id, inputs);
    conventions = (await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions' })).body.items;
    issy = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${issyId}` })).body;
  });
  afterAll(async () => t.close());

  it('streams the conventions list with French headers, date and number formats, following the list filters', async () => {
    const file = await download('/api/v1/exports/conventions.xlsx');
    expect(file.status).toBe(200);
    expect(file.headers['content-length']).toBeUndefined();
    const sheet = (await readWorkbook(file.body)).getWorksheet('Conventions')!;
    expect(sheet.rowCount - 1).toBe(conventions.length);
    for (const header of ['Convention', 'Caf', 'Territoires', 'Statut', 'Première signature', 'Population couverte', 'Champs d’intervention']) expect(columnOf(sheet, header)).toBeGreaterThan(0);
    const signedRow = conventions.findIndex((c) => c.firstSignatureDate);
    const signed = sheet.getRow(signedRow + 2).getCell(columnOf(sheet, 'Première signature'));
    expect(signed.value).toEqual(new Date(`${conventions[signedRow]!.firstSignatureDate}T00:00:00.000Z`));
    expect(signed.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getRow(2).getCell(columnOf(sheet, 'Population couverte')).numFmt).toBe('#,##0');

    const filtered = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions?status=en_preparation' });
    const onlyDrafts = (await readWorkbook((await download('/api/v1/exports/conventions.xlsx?status=en_preparation')).body)).getWorksheet('Conventions')!;
    expect(onlyDrafts.rowCount - 1).toBe(filtered.body.total);
    expect(filtered.body.total).toBeLessThan(conventions.length);
  });

  it('streams a large action list across pages, with euro amounts and dates as such', async () => {
    const large = conventions.find((c) => c.title === 'Convention au plan très long')!;
    const before = await exportsLogged('actions');
    const file = await download(`/api/v1/exports/actions.xlsx?convention=${large.id}`);
    expect(file.status).toBe(200);
    const sheet = (await readWorkbook(file.body)).getWorksheet('Actions')!;
    expect(sheet.rowCount - 1).toBe(LARGE);
    const titles = new Set<string>();
    for (let r = 2; r <= sheet.rowCount; r++) titles.add(String(sheet.getRow(r).getCell(columnOf(sheet, 'Action')).value));
    expect(titles.size).toBe(LARGE);
    const planned = sheet.getRow(2).getCell(columnOf(sheet, 'Budget prévu (€)'));
    expect(planned.value).toBe(1234.56);
    expect(planned.numFmt).toBe('#,##0.00 €');
    const start = sheet.getRow(2).getCell(columnOf(sheet, 'Date de début'));
    expect(start.value).toEqual(new Date('2026-03-01T00:00:00.000Z'));
    expect(await exportsLogged('actions')).toBe(before + 1);
  });

  it('exports indicators with their values in two sheets, filtered by state, logged', async () => {
    const all: Indicator[] = [];
    for (const c of conventions) all.push(...(await t.request<Indicator[]>({ method: 'GET', url: `/api/v1/conventions/${c.id}/indicators` })).body);
    expect(all.length).toBeGreaterThan(0);
    const before = await exportsLogged('indicateurs');
    const workbook = await readWorkbook((await download('/api/v1/exports/indicators.xlsx')).body);
    const sheet = workbook.getWorksheet('Indicateurs')!;
    const values = workbook.getWorksheet('Valeurs')!;
    expect(sheet.rowCount - 1).toBe(all.length);
    expect(values.rowCount - 1).toBe(all.reduce((n, i) => n + i.values.length, 0));
    const first = all.find((i) => i.values.length)!;
    let row = 0;
    for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === first.id) row = r;
    expect(sheet.getRow(row).getCell(columnOf(sheet, 'Indicateur')).value).toBe(first.title);
    expect(sheet.getRow(row).getCell(columnOf(sheet, 'Dernière valeur')).value).toBe(first.values.at(-1)!.value);
    expect(sheet.getRow(row).getCell(columnOf(sheet, 'Date de la dernière valeur')).numFmt).toBe('dd/mm/yyyy');
    expect(await exportsLogged('indicateurs')).toBe(before + 1);

    const state = first.assessment.state;
    const filtered = (await readWorkbook((await download(`/api/v1/exports/indicators.xlsx?state=${state}`)).body)).getWorksheet('Indicateurs')!;
    expect(filtered.rowCount - 1).toBe(all.filter((i) => i.assessment.state === state).length);
  });

  it('keeps each list to the caller’s scope and refuses a convention out of it', async () => {
    const partner = issy.parties.find((p) => p.organisation.kind !== 'caf')!.organisation.id;
    await createUser(t.database, { email: `liste-${engine}@example.org`, password: 'Mot de passe très sûr 42', memberships: [{ organisationId: partner, role: 'partner_reader' }] });
    const session = { cookie: (await signIn(t, `liste-${engine}@example.org`, 'Mot de passe très sûr 42')).cookie };
    const mine = (await readWorkbook((await download('/api/v1/exports/conventions.xlsx', session)).body)).getWorksheet('Conventions')!;
    expect(mine.rowCount - 1).toBe(1);
    expect(mine.getRow(2).getCell(1).value).toBe(issy.id);
    const indicators = (await readWorkbook((await download('/api/v1/exports/indicators.xlsx', session)).body)).getWorksheet('Indicateurs')!;
    const ownCount = (await t.request<Indicator[]>({ method: 'GET', url: `/api/v1/conventions/${issy.id}/indicators` })).body.length;
    expect(indicators.rowCount - 1).toBe(ownCount);
    const other = conventions.find((c) => c.id !== issy.id)!;
    const refused = await download(`/api/v1/exports/indicators.xlsx?convention=${other.id}`, session);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body.toString()).error.message).toMatch(/[a-zé]/);
    expect((await download('/api/v1/exports/indicators.xlsx', {})).status).toBe(401);
    const bad = await download('/api/v1/exports/indicators.xlsx?state=inconnu');
    expect(bad.status).toBe(400);
  });
});
