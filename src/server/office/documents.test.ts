import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/helpers/databases.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import type { ConventionDetail, ConventionSummary } from '../../shared/api/conventions.js';
import type { Page } from '../../shared/api/common.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));

/** Converts Word files to PDF with LibreOffice, in a profile of its own; returns the PDF paths. */
function convertToPdf(files: string[], dir: string): string[] {
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'pipe', timeout: 120_000 });
  return files.map((f) => f.replace(/\.docx$/, '.pdf'));
}

const pdfText = async (content: Buffer) => {
  const pdf = await getDocumentProxy(new Uint8Array(content));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ' '), totalPages };
};
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.each(ENGINES)('convention documents (%s)', (engine) => {
  let t: TestApp;
  let conventions: ConventionDetail[];
  const dir = mkdtempSync(join(tmpdir(), `pilote-docs-${engine}-`));
  const download = async (url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: t.adminHeaders });
    expect(response.statusCode).toBe(200);
    return { type: response.headers['content-type'], disposition: String(response.headers['content-disposition']), body: response.rawPayload };
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    const list = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions' });
    conventions = [];
    for (const c of list.body.items) conventions.push((await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${c.id}` })).body);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the DOCX of each demo convention names every party, signatory, deliberation and action, with every article', async () => {
    expect(conventions).toHaveLength(3);
    for (const c of conventions) {
      const file = await download(`/api/v1/conventions/${c.id}/convention.docx`);
      expect(file.type).toContain('wordprocessingml');
      expect(file.disposition).toContain('.docx');
      const text = flat((await mammoth.extractRawText({ buffer: file.body })).value);
      expect(text).toContain(c.title);
      for (const party of c.parties) {
        expect(text).toContain(party.organisation.name);
        if (party.deliberationRef) expect(text).toContain(party.deliberationRef);
      }
      const signatories = c.signatureEvents.flatMap((e) => e.signatories);
      expect(signatories.length).toBeGreaterThan(0);
      for (const s of signatories) expect(text).toContain(`${s.person.fullName}, ${s.capacity}`);
      for (const a of c.actions) expect(text).toContain(a.title);
      for (const article of ['Objet', 'Engagements des parties', 'Durée', 'Gouvernance', 'Suivi et évaluation', 'Avenants', 'Résiliation']) expect(text).toMatch(new RegExp(`Article \\d — ${article}`));
      expect(text).toContain(`1er janvier ${c.startYear}`);
      writeFileSync(join(dir, `convention-${c.id}.docx`), file.body);
    }
  });

  // LibreOffice is installed by the test environment script; outside CI, a machine without it skips this check.
  it.skipIf(!SOFFICE && !process.env.CI)('each DOCX converts to PDF with LibreOffice, and the PDF still names every party, signatory and action', async () => {
    const pdfs = convertToPdf(conventions.map((c) => join(dir, `convention-${c.id}.docx`)), dir);
    for (const [index, c] of conventions.entries()) {
      const { text, totalPages } = await pdfText(readFileSync(pdfs[index]!));
      expect(totalPages).toBeGreaterThanOrEqual(2);
      for (const party of c.parties) expect(text).toContain(party.organisation.name);
      for (const s of c.signatureEvents.flatMap((e) => e.signatories)) expect(text).toContain(s.person.fullName);
      for (const a of c.actions) expect(text).toContain(flat(a.title));
    }
  }, 180_000);

  it('the PDF summary fits on one page and names the convention, its parties and signatories', async () => {
    for (const c of conventions) {
      const file = await download(`/api/v1/conventions/${c.id}/summary.pdf`);
      expect(file.type).toBe('application/pdf');
      const { text, totalPages } = await pdfText(file.body);
      expect(totalPages).toBe(1);
      expect(text).toContain('Synthèse de convention territoriale globale');
      for (const party of c.parties) expect(text).toContain(party.organisation.name);
      for (const s of c.signatureEvents.flatMap((e) => e.signatories)) expect(text).toContain(s.person.fullName);
    }
  });

  it('the fiche action PDF fits on one page with the action, its pilot, budget lines and indicators', async () => {
    let indicatorsSeen = 0;
    for (const c of conventions) {
      const indicators = (await t.request<{ actionId: number | null; title: string }[]>({ method: 'GET', url: `/api/v1/conventions/${c.id}/indicators` })).body;
      for (const a of c.actions) {
        const file = await download(`/api/v1/actions/${a.id}/fiche.pdf`);
        expect(file.type).toBe('application/pdf');
        const { text, totalPages } = await pdfText(file.body);
        expect(totalPages).toBe(1);
        expect(text).toContain(flat(a.title).slice(0, 40));
        if (a.pilot) expect(text).toContain(a.pilot);
        for (const b of a.budgetLines) expect(text).toContain(`${b.year} — ${b.funder}`);
        for (const i of indicators.filter((x) => x.actionId === a.id).slice(0, 6)) {
          expect(text).toContain(flat(i.title).slice(0, 30));
          indicatorsSeen++;
        }
      }
    }
    expect(indicatorsSeen).toBeGreaterThan(0);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/actions/${conventions[0]!.actions[0]!.id}/fiche.pdf` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('text blocks come from CONVENTION_TEXT_FILE when it is set', async () => {
    const custom = join(dir, 'blocs.json');
    writeFileSync(custom, JSON.stringify({ duration: 'Notre propre clause de durée, de {debut} à {fin}.' }));
    process.env.CONVENTION_TEXT_FILE = custom;
    try {
      const c = conventions[0]!;
      const text = flat((await mammoth.extractRawText({ buffer: (await download(`/api/v1/conventions/${c.id}/convention.docx`)).body })).value);
      expect(text).toContain(`Notre propre clause de durée, de ${c.startYear} à ${c.endYear}.`);
      expect(text).toContain('Article 4 — Gouvernance');
    } finally {
      delete process.env.CONVENTION_TEXT_FILE;
    }
  });
});
