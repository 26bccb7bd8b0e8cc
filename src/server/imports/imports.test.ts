import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, snapshotCounts, type TestApp } from '../../../test/helpers/app.js';
import type { ErrorResponse } from '../../shared/api/common.js';
import type { ConventionDetail } from '../../shared/api/conventions.js';
import type { ConventionSource, Extraction, ImportConfirmInput, ImportConfirmResult } from '../../shared/api/imports.js';

const seed = readFileSync(new URL('../../../../shared/seed/000_57ebfbad31fc1392.txt', import.meta.url), 'utf8');

const ANTONY = [
  'Retour Partenaires',
  'Le 4 avril 2025, la convention territoriale globale d’Antony a été signée à l’hôtel de ville par Jeanne Marchal, maire, et Fabrice Dorin, président du conseil d’administration de la Caf, pour les années 2025 à 2029.',
  'Parmi les projets :',
  '• l’ouverture d’un relais petite enfance ;',
  '• un espace de vie sociale au quartier Jean-Zay.',
].join('\n');

function multipart(fileName: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = '----pilote-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(ENGINES)('import from text (%s)', (engine) => {
  let t: TestApp;
  let cafId: number;

  beforeAll(async () => {
    t = await createTestApp(engine);
    cafId = (await t.request<{ id: number }[]>({ method: 'GET', url: '/api/v1/organisations?kind=caf' })).body[0]!.id;
  });
  afterAll(async () => t.close());

  const extract = (text: string) => t.request<Extraction>({ method: 'POST', url: '/api/v1/imports/extract', payload: { text } });

  it('reads the three conventions of the founding document, every field, and saves nothing', async () => {
    const before = await snapshotCounts(t.database);
    const { status, body } = await extract(seed);
    expect(status).toBe(200);
    expect(await snapshotCounts(t.database)).toEqual(before);
    expect(body.conventions).toHaveLength(3);
    const expected = [
      { code: '92009', name: 'Bois-Colombes', date: '2023-03-08', place: 'Hôtel de ville de Bois-Colombes', projects: 5,
        signatories: [['Yves Révillon', 'maire'], ['Fabrice Dorin', 'président du conseil d’administration de la Caf'], ['Emmanuel Gouault', 'directeur']] },
      { code: '92040', name: 'Issy-les-Moulineaux', date: '2023-03-15', place: 'Hôtel de ville d’Issy-les-Moulineaux', projects: 7,
        signatories: [['André Santini', 'maire'], ['Hugo Dapino', '1er vice-président du conseil d’administration de la Caf'], ['Emmanuel Gouault', 'directeur']] },
      { code: '92012', name: 'Boulogne-Billancourt', date: '2023-03-20', place: 'Mairie de Boulogne-Billancourt', projects: 4,
        signatories: [['Pierre-Christophe Baguet', 'maire et président de Grand Paris Seine Ouest'], ['Fabrice Dorin', 'président du conseil d’administration de la Caf'], ['Emmanuel Gouault', 'directeur']] },
    ];
    body.conventions.forEach((c, i) => {
      const e = expected[i]!;
      expect(c.caf).toBe('Caf des Hauts-de-Seine');
      expect(c.territories).toEqual([expect.objectContaining({ name: e.name, kind: 'commune', code: e.code })]);
      expect(c.otherParties).toEqual([]);
      expect(c.signatureDate).toBe(e.date);
      expect(c.signatureDateInferred).toBe(true);
      expect(c.planned).toBe(false);
      expect(c.place).toBe(e.place);
      expect(c.period).toEqual({ start: 2023, end: 2027 });
      expect(c.signatories.map((s) => [s.name, s.capacity])).toEqual(e.signatories);
      expect(c.projects).toHaveLength(e.projects);
      for (const span of c.spans) expect(span.end).toBeGreaterThan(span.start);
    });
    // The spans point at the words they were read from.
    const first = body.conventions[0]!;
    const dateSpan = first.spans.find((s) => s.field === 'signatureDate')!;
    expect(body.text.slice(dateSpan.start, dateSpan.end)).toBe('8 mars');
    // Sensible themes, with the words that decided them.
    const themesOf = (c: number, p: number) => body.conventions[c]!.projects[p]!.themes;
    expect(themesOf(0, 0)).toEqual(['petite_enfance']);
    expect(themesOf(0, 1)).toEqual(expect.arrayContaining(['handicap', 'petite_enfance', 'enfance', 'jeunesse']));
    expect(themesOf(0, 1)[0]).toBe('handicap');
    expect(themesOf(0, 3)).toEqual(['acces_aux_droits']);
    expect(themesOf(0, 4)).toEqual(expect.arrayContaining(['acces_aux_droits', 'jeunesse']));
    expect(themesOf(1, 3)).toEqual(expect.arrayContaining(['parentalite', 'petite_enfance']));
    expect(themesOf(1, 4)).toEqual(['animation_vie_sociale']);
    expect(themesOf(1, 6)).toEqual(['logement']);
    expect(themesOf(2, 1)).toEqual(expect.arrayContaining(['handicap', 'enfance']));
    expect(themesOf(2, 2)).toEqual(expect.arrayContaining(['acces_aux_droits', 'inclusion_numerique', 'accompagnement_social']));
    expect(themesOf(2, 3)).toEqual(['jeunesse']);
    expect(body.conventions[1]!.projects[4]!.evidence).toEqual([{ theme: 'animation_vie_sociale', words: expect.arrayContaining(['centre socioculturel']) }]);
  });

  it('refuses an empty text with a French message naming the field', async () => {
    const res = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/imports/extract', payload: { text: 'trop court' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('texte');
  });

  it('reads uploaded .docx and .html files and refuses other types', async () => {
    const doc = new Document({ sections: [{ children: ANTONY.split('\n').map((line) => new Paragraph(line)) }] });
    const docx = await Packer.toBuffer(doc);
    const fromDocx = await t.request<Extraction & { sourceName: string }>({ method: 'POST', url: '/api/v1/imports/extract-file', ...multipart('antony.docx', docx) });
    expect(fromDocx.status).toBe(200);
    expect(fromDocx.body.sourceName).toBe('antony.docx');
    expect(fromDocx.body.conventions[0]!.territories.map((x) => x.code)).toEqual(['92002']);
    const html = Buffer.from(`<html><body><nav>Menu</nav><p>${ANTONY.split('\n').slice(1, 3).join('</p><p>')}</p><ul><li>l&#39;ouverture d&#39;un relais petite enfance ;</li></ul></body></html>`);
    const fromHtml = await t.request<Extraction>({ method: 'POST', url: '/api/v1/imports/extract-file', ...multipart('page.html', html, 'text/html') });
    expect(fromHtml.status).toBe(200);
    expect(fromHtml.body.conventions[0]!.projects.map((p) => p.title)).toEqual(['L\'ouverture d\'un relais petite enfance']);
    const exe = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/imports/extract-file', ...multipart('virus.exe', Buffer.from('MZ')) });
    expect(exe.status).toBe(415);
    expect(exe.body.error.message).toContain('Format de fichier');
  });

  it('reads an uploaded text PDF', async () => {
    const pdf = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument({ size: 'A4' });
      const chunks: Buffer[] = [];
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      for (const line of ANTONY.split('\n')) doc.text(line);
      doc.end();
    });
    const fromPdf = await t.request<Extraction & { sourceName: string }>({ method: 'POST', url: '/api/v1/imports/extract-file', ...multipart('antony.pdf', pdf, 'application/pdf') });
    expect(fromPdf.status).toBe(200);
    expect(fromPdf.body.sourceName).toBe('antony.pdf');
    expect(fromPdf.body.conventions[0]!.territories.map((x) => x.code)).toEqual(['92002']);
  });

  it('creates the reviewed convention, its signature, persons and actions in one go, and keeps the source text', async () => {
    const { body } = await extract(ANTONY);
    const draft = body.conventions[0]!;
    expect(draft.signatories.map((s) => s.name)).toEqual(['Jeanne Marchal', 'Fabrice Dorin']);
    const input: ImportConfirmInput = {
      convention: { title: 'CTG d’Antony', cafId, startYear: draft.period!.start, endYear: draft.period!.end, territoryCodes: draft.territories.map((x) => x.code!), themes: draft.themes, status: 'redaction' },
      signature: {
        date: draft.signatureDate!,
        place: draft.place,
        signatories: draft.signatories.map((s) => ({ firstName: s.name!.split(' ')[0]!, lastName: s.name!.split(' ').slice(1).join(' '), capacity: s.capacity!, organisation: s.organisation })),
      },
      actions: draft.projects.map((p) => ({ title: p.title, themes: p.themes })),
      otherParties: [],
      markSigned: true,
      sourceText: body.text,
      sourceName: null,
    };
    const created = await t.request<ImportConfirmResult>({ method: 'POST', url: '/api/v1/imports/confirm', payload: input });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ actionCount: 2, personsCreated: 1, personsMatched: 1 });
    const detail = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${created.body.conventionId}` })).body;
    expect(detail.status).toBe('signee');
    expect(detail.territories.map((x) => x.code)).toEqual(['92002']);
    expect(detail.signatureEvents[0]!.date).toBe('2025-04-04');
    expect(detail.signatureEvents[0]!.place).toBe('Hôtel de ville d’Antony');
    expect(detail.signatureEvents[0]!.signatories.map((s) => [s.person.fullName, s.capacity, s.organisationName])).toEqual([
      ['Jeanne Marchal', 'maire', 'Ville d’Antony'],
      ['Fabrice Dorin', 'président du conseil d’administration de la Caf', 'Caf des Hauts-de-Seine'],
    ]);
    expect(detail.actions.map((a) => [a.title, a.themes])).toEqual([
      ['L’ouverture d’un relais petite enfance', ['petite_enfance']],
      ['Un espace de vie sociale au quartier Jean-Zay', ['animation_vie_sociale']],
    ]);
    const source = await t.request<ConventionSource>({ method: 'GET', url: `/api/v1/conventions/${created.body.conventionId}/source` });
    expect(source.body.text).toBe(body.text);
    expect((await t.request({ method: 'GET', url: '/api/v1/conventions/1/source' })).status).toBe(404);
  });

  it('makes the other signatories the text names parties, found by name or created, with their signatories linked', async () => {
    const text = ANTONY.replace('Fabrice Dorin, président du conseil d’administration de la Caf,', 'Fabrice Dorin, président du conseil d’administration de la Caf, et Hélène Vasseur, présidente de la MSA Île-de-France,');
    const draft = (await extract(text)).body.conventions[0]!;
    expect(draft.otherPartyOrganisations).toEqual([{ name: 'MSA Île-de-France', kind: 'msa' }]);
    const vasseur = draft.signatories.find((s) => s.name === 'Hélène Vasseur')!;
    expect(vasseur.organisation).toBe('msa');
    const input = (title: string): ImportConfirmInput => ({
      convention: { title, cafId, startYear: 2025, endYear: 2029, territoryCodes: ['92002'], themes: [], status: 'redaction' },
      signature: { date: '2025-04-04', place: null, signatories: [{ firstName: 'Hélène', lastName: 'Vasseur', capacity: vasseur.capacity!, organisation: 'msa' }] },
      actions: [],
      otherParties: draft.otherPartyOrganisations,
      markSigned: false,
      sourceText: text,
      sourceName: null,
    });
    const first = await t.request<ImportConfirmResult>({ method: 'POST', url: '/api/v1/imports/confirm', payload: input('CTG d’Antony (avec la MSA)') });
    expect(first.status).toBe(201);
    const detail = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${first.body.conventionId}` })).body;
    expect(detail.parties.map((p) => [p.organisation.name, p.organisation.kind, p.role])).toContainEqual(['MSA Île-de-France', 'msa', 'signataire']);
    expect(detail.signatureEvents[0]!.signatories.map((s) => [s.person.fullName, s.organisationName])).toEqual([['Hélène Vasseur', 'MSA Île-de-France']]);

    const organisations = await snapshotCounts(t.database);
    const second = await t.request<ImportConfirmResult>({ method: 'POST', url: '/api/v1/imports/confirm', payload: { ...input('CTG d’Antony, seconde lecture'), signature: null, otherParties: [{ name: 'msa ile-de-france', kind: 'msa' }] } });
    expect(second.status).toBe(201);
    expect((await snapshotCounts(t.database)).organisation).toBe(organisations.organisation);

    const before = await snapshotCounts(t.database);
    const twice = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/imports/confirm', payload: { ...input('CTG en double'), signature: null, otherParties: [{ name: 'MSA Île-de-France', kind: 'msa' }, { name: 'MSA Ile de France', kind: 'msa' }] } });
    expect(twice.status).toBe(422);
    expect(twice.body.error.fields?.[0]?.path).toBe('otherParties.1.name');
    expect(await snapshotCounts(t.database)).toEqual(before);
  });

  it('saves nothing when one step fails (unknown theme on the last action, unknown Caf)', async () => {
    const before = await snapshotCounts(t.database);
    const input = {
      convention: { title: 'CTG de Sceaux', cafId, startYear: 2025, endYear: 2029, territoryCodes: ['92071'], themes: [] },
      signature: { date: '2025-05-01', place: null, signatories: [{ firstName: 'Paul', lastName: 'Nouveau', capacity: 'maire', organisation: 'commune' }] },
      actions: [{ title: 'Une action valable', themes: ['jeunesse'] }, { title: 'Une action au champ inconnu', themes: ['inconnu'] }],
      sourceText: 'texte',
    };
    const bad = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/imports/confirm', payload: input });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('champs d’intervention');
    const noCaf = await t.request<ErrorResponse>({ method: 'POST', url: '/api/v1/imports/confirm', payload: { ...input, convention: { ...input.convention, cafId: 9999 }, actions: [] } });
    expect(noCaf.status).toBe(422);
    expect(noCaf.body.error.message).toContain('Caf');
    expect(await snapshotCounts(t.database)).toEqual(before);
  });
});
