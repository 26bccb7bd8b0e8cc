import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, createUser, signIn, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import { columnOf, multipartFile, readWorkbook, workbookBuffer } from '../../../test/helpers/xlsx.js';
import type { ConventionDetail, ConventionSummary } from '../../shared/api/conventions.js';
import type { Action } from '../../shared/api/actions.js';
import type { ErrorResponse, Page } from '../../shared/api/common.js';
import type { PlanImportReport } from '../../shared/api/office.js';

describe.each(ENGINES)('plan workbook export and import (%s)', (engine) => {
  let t: TestApp;
  let issy: ConventionDetail;
  let exported: Buffer;

  const download = async (url: string, headers?: Record<string, string>) => {
    const response = await t.app.inject({ method: 'GET', url, headers: headers ?? t.adminHeaders });
    return { status: response.statusCode, type: response.headers['content-type'], body: response.rawPayload };
  };
  const importFile = (conventionId: number, content: Buffer, dryRun = false) => {
    const body = multipartFile(content, 'plan.xlsx');
    return t.request<PlanImportReport & ErrorResponse>({
      method: 'POST',
      url: `/api/v1/conventions/${conventionId}/plan-import${dryRun ? '?dryRun=true' : ''}`,
      payload: body.payload,
      headers: body.headers,
    });
  };
  const newConvention = async (title: string) => {
    const created = await t.request<ConventionDetail>({
      method: 'POST',
      url: '/api/v1/conventions',
      payload: { title, cafId: issy.caf.id, startYear: 2026, endYear: 2030, territoryCodes: ['92002'] },
    });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const detail = async (id: number) => (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${id}` })).body;
  /** What must survive the round trip, without ids. */
  const comparable = (c: ConventionDetail) => {
    const axis = new Map(c.axes.map((a) => [a.id, a.title]));
    const parent = new Map(c.actions.map((a) => [a.id, a.title]));
    return c.actions.map((a: Action) => ({
      title: a.title,
      axis: a.axisId ? axis.get(a.axisId) : null,
      parent: a.parentId ? parent.get(a.parentId) : null,
      themes: a.themes,
      startDate: a.startDate,
      endDate: a.endDate,
      status: a.status,
      pilot: a.pilot,
      partners: a.partners,
      progress: a.progress,
      highlighted: a.highlighted,
      budgetLines: a.budgetLines,
    }));
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const list = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions?q=issy' });
    const issyId = list.body.items[0]!.id;
    // A sub-action with dates, partners and two budget lines, so that the round trip carries all of them.
    const first = (await detail(issyId)).actions[0]!;
    const sub = await t.request({
      method: 'POST',
      url: `/api/v1/conventions/${issyId}/actions`,
      payload: {
        title: 'Permanence d’accueil des familles au centre social',
        themes: ['parentalite', 'acces_aux_droits'],
        parentId: first.id,
        axisId: first.axisId,
        pilot: 'Centre social',
        partners: ['Caf', 'Département'],
        status: 'en_retard',
        statusReason: 'Recrutement en cours',
        startDate: '2025-09-01',
        endDate: '2026-06-30',
        progress: 35,
        budgetLines: [
          { year: 2025, funder: 'Caf des Hauts-de-Seine', nature: 'fonctionnement', plannedCents: 1_250_050, actualCents: 1_100_000 },
          { year: 2026, funder: 'Ville', nature: 'investissement', plannedCents: 30_000_000, actualCents: null },
        ],
      },
    });
    expect(sub.status).toBe(201);
    issy = await detail(issyId);
    const file = await download(`/api/v1/conventions/${issy.id}/plan.xlsx`);
    expect(file.status).toBe(200);
    exported = file.body;
  });
  afterAll(async () => t.close());

  it('exports the plan with French headers, date and euro formats, and indicators with their values', async () => {
    expect(issy.actions.length).toBeGreaterThan(3);
    const workbook = await readWorkbook(exported);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Actions', 'Budget', 'Indicateurs', 'Valeurs des indicateurs', 'Mode d’emploi']);
    const actions = workbook.getWorksheet('Actions')!;
    expect(actions.rowCount - 1).toBe(issy.actions.length);
    const start = columnOf(actions, 'Date de début');
    const dated = issy.actions.findIndex((a) => a.startDate);
    expect(dated).toBeGreaterThanOrEqual(0);
    const cell = actions.getRow(dated + 2).getCell(start);
    expect(cell.value).toBeInstanceOf(Date);
    expect(cell.numFmt).toBe('dd/mm/yyyy');
    const budget = workbook.getWorksheet('Budget')!;
    const lines = issy.actions.reduce((n, a) => n + a.budgetLines.length, 0);
    expect(budget.rowCount - 1).toBe(lines);
    if (lines) expect(budget.getRow(2).getCell(columnOf(budget, 'Montant prévu (€)')).numFmt).toBe('#,##0.00 €');
    const indicators = await t.request<unknown[]>({ method: 'GET', url: `/api/v1/conventions/${issy.id}/indicators` });
    expect(workbook.getWorksheet('Indicateurs')!.rowCount - 1).toBe(indicators.body.length);
  });

  it('round trip: the Issy-les-Moulineaux plan imported into a new convention has the same actions, themes, dates and budget lines', async () => {
    const target = await newConvention('CTG de test — copie du plan d’Issy');
    const before = await snapshotCounts(t.database);
    const dry = await importFile(target, exported, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, errors: [] });
    expect(dry.body.summary.actionsCreated).toBe(issy.actions.length);
    expect(dry.body.summary.axesCreated).toBe(issy.axes.filter((a) => issy.actions.some((x) => x.axisId === a.id)).length);
    expect(await snapshotCounts(t.database)).toEqual(before);

    const applied = await importFile(target, exported);
    expect(applied.status).toBe(200);
    expect(applied.body.applied).toBe(true);
    const copy = await detail(target);
    expect(comparable(copy)).toEqual(comparable(issy));
    // The bulk path keeps the history: one creation record per action, holding the action as created.
    const audits = await t.database.db
      .selectFrom('audit_event')
      .select(['entity_id', 'after_json'])
      .where('entity_type', '=', 'action')
      .where('operation', '=', 'create')
      .where('entity_id', 'in', copy.actions.map((a) => String(a.id)))
      .execute();
    expect(audits).toHaveLength(copy.actions.length);
    const recorded = audits.map((a) => JSON.parse(a.after_json!) as Action).sort((a, b) => a.id - b.id);
    expect(recorded.map((a) => [a.id, a.title, a.themes, a.budgetLines])).toEqual(
      [...copy.actions].sort((a, b) => a.id - b.id).map((a) => [a.id, a.title, a.themes, a.budgetLines]),
    );

    // Re-importing the same file changes nothing at all.
    const after = await snapshotCounts(t.database);
    const again = await importFile(target, exported);
    expect(again.body.summary).toMatchObject({ actionsCreated: 0, actionsUpdated: 0, actionsUnchanged: issy.actions.length, axesCreated: 0 });
    expect(await snapshotCounts(t.database)).toEqual(after);
    expect((await detail(target)).actions.map((a) => a.version)).toEqual(copy.actions.map((a) => a.version));
  });

  it('updates the action whose reference matches when a cell changed, and only that one', async () => {
    const target = await newConvention('CTG de test — mise à jour');
    await importFile(target, exported);
    const workbook = await readWorkbook(exported);
    const sheet = workbook.getWorksheet('Actions')!;
    sheet.getRow(2).getCell(columnOf(sheet, 'Action')).value = 'Titre revu dans le tableur';
    const report = await importFile(target, await workbookBuffer(workbook));
    expect(report.body.summary).toMatchObject({ actionsCreated: 0, actionsUpdated: 1, actionsUnchanged: issy.actions.length - 1 });
    expect((await detail(target)).actions.map((a) => a.title)).toContain('Titre revu dans le tableur');
  });

  it('a file with three bad cells imports nothing and the report names the three cells', async () => {
    const target = await newConvention('CTG de test — fichier fautif');
    const workbook = await readWorkbook(exported);
    const actions = workbook.getWorksheet('Actions')!;
    const budget = workbook.getWorksheet('Budget')!;
    actions.getRow(3).getCell(columnOf(actions, 'Date de début')).value = '31/02/2025';
    actions.getRow(4).getCell(columnOf(actions, 'Champs d’intervention')).value = 'Astronautique';
    const amountColumn = columnOf(budget, 'Montant prévu (€)');
    budget.getRow(2).getCell(amountColumn).value = 'beaucoup';
    const bad = await workbookBuffer(workbook);
    const before = await snapshotCounts(t.database);

    const dry = await importFile(target, bad, true);
    expect(dry.status).toBe(200);
    expect(dry.body.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['Actions', 3, `${letter(columnOf(actions, 'Date de début'))} (Date de début)`],
      ['Actions', 4, `${letter(columnOf(actions, 'Champs d’intervention'))} (Champs d’intervention)`],
      ['Budget', 2, `${letter(amountColumn)} (Montant prévu (€))`],
    ]);
    expect(dry.body.errors[1]!.message).toContain('Astronautique');

    const refused = await importFile(target, bad);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('Le classeur contient 3 erreurs : rien n’a été importé.');
    expect(refused.body.error.fields?.map((f) => f.path)).toEqual([
      `Actions, ligne 3, colonne ${letter(columnOf(actions, 'Date de début'))} (Date de début)`,
      `Actions, ligne 4, colonne ${letter(columnOf(actions, 'Champs d’intervention'))} (Champs d’intervention)`,
      `Budget, ligne 2, colonne ${letter(amountColumn)} (Montant prévu (€))`,
    ]);
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('refuses what is not a workbook, with a French message, and changes nothing', async () => {
    const before = await snapshotCounts(t.database);
    const text = multipartFile(Buffer.from('bonjour'), 'notes.txt', 'text/plain');
    const wrongType = await t.request<ErrorResponse>({ method: 'POST', url: `/api/v1/conventions/${issy.id}/plan-import`, payload: text.payload, headers: text.headers });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error.message).toContain('.xlsx');
    const garbage = await importFile(issy.id, Buffer.from('pas un classeur'));
    expect(garbage.status).toBe(422);
    expect(garbage.body.error.fields?.[0]?.message).toContain('classeur Excel');
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('the template imports as is into an empty convention', async () => {
    const template = await download('/api/v1/plan-import/template.xlsx');
    expect(template.status).toBe(200);
    const target = await newConvention('CTG de test — modèle');
    const report = await importFile(target, template.body);
    expect(report.status).toBe(200);
    expect(report.body.summary).toMatchObject({ actionsCreated: 1, axesCreated: 1, budgetLines: 1 });
    const created = (await detail(target)).actions[0]!;
    expect(created.budgetLines).toEqual([{ year: 2026, funder: 'Caf', nature: 'investissement', plannedCents: 1_200_000, actualCents: null }]);
  });

  it('logs every export in the security log and keeps exports to the caller’s scope', async () => {
    const logged = async () => Number((await t.database.db.selectFrom('security_event').select((eb) => eb.fn.countAll<number>().as('n')).where('event', '=', 'export').executeTakeFirst())?.n ?? 0);
    const before = await logged();
    await download(`/api/v1/conventions/${issy.id}/plan.xlsx`);
    await download('/api/v1/exports/actions.xlsx?status=en_cours');
    expect(await logged()).toBe(before + 2);
    expect((await download(`/api/v1/conventions/${issy.id}/plan.xlsx`, {})).status).toBe(401);

    const partner = issy.parties.find((p) => p.organisation.kind !== 'caf')!.organisation.id;
    await createUser(t.database, { email: `lecteur-${engine}@example.org`, password: 'Mot de passe très sûr 42', memberships: [{ organisationId: partner, role: 'partner_reader' }] });
    const session = await signIn(t, `lecteur-${engine}@example.org`, 'Mot de passe très sûr 42');
    const mine = await download('/api/v1/exports/actions.xlsx', { cookie: session.cookie });
    const rows = (await readWorkbook(mine.body)).getWorksheet('Actions')!;
    const conventionIds = new Set<number>();
    for (let r = 2; r <= rows.rowCount; r++) conventionIds.add(Number(rows.getRow(r).getCell(2).value));
    expect([...conventionIds]).toEqual([issy.id]);
  });
});

const letter = (n: number) => String.fromCharCode(64 + n);
