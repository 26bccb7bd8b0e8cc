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
import type { Review } from '../../shared/api/reviews.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path));
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe.each(ENGINES)('annual review document (%s)', (engine) => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), `pilote-review-${engine}-`));
  const cases: { convention: ConventionDetail; review: Review; file: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp(engine);
    const list = await t.request<Page<ConventionSummary>>({ method: 'GET', url: '/api/v1/conventions' });
    for (const [index, item] of list.body.items.entries()) {
      const convention = (await t.request<ConventionDetail>({ method: 'GET', url: `/api/v1/conventions/${item.id}` })).body;
      const year = convention.startYear;
      const opened = await t.request<Review>({ method: 'POST', url: `/api/v1/conventions/${convention.id}/reviews`, payload: { kind: 'annual', year, snapshotDate: `${year}-12-31` } });
      expect(opened.status).toBe(201);
      const narratives = [
        { axisId: null, realise: `Une année de mise en route pour ${convention.title}.`, difficultes: 'Des recrutements plus longs que prévu.', suite: 'Élargir le comité technique.' },
        ...(convention.axes[0] ? [{ axisId: convention.axes[0].id, realise: 'Premier axe lancé avec les partenaires.', difficultes: null, suite: null }] : []),
      ];
      const written = await t.request<Review>({ method: 'PATCH', url: `/api/v1/reviews/${opened.body.id}`, payload: { version: opened.body.version, narratives } });
      expect(written.status).toBe(200);
      // One review validated (figures frozen), the others left as drafts.
      const review = index === 0 ? (await t.request<Review>({ method: 'POST', url: `/api/v1/reviews/${opened.body.id}/validate`, payload: { version: written.body.version } })).body : written.body;
      cases.push({ convention, review, file: join(dir, `bilan-${convention.id}.docx`) });
    }
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the year, every party, signatory, action and indicator, the narratives and the state of the review', async () => {
    expect(cases).toHaveLength(3);
    for (const { convention, review, file } of cases) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/reviews/${review.id}/review.docx`, headers: t.adminHeaders });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('wordprocessingml');
      expect(String(response.headers['content-disposition'])).toMatch(new RegExp(`bilan-annuel-${review.year}-.*\\.docx`));
      const text = flat((await mammoth.extractRawText({ buffer: response.rawPayload })).value);
      expect(text).toContain(`Bilan annuel ${review.year}`);
      expect(text).toContain(convention.title);
      expect(text).toContain(`Situation arrêtée au 31 décembre ${review.year}`);
      expect(text).toContain(review.status === 'valide' ? 'Bilan validé le' : 'Bilan en brouillon');
      for (const party of convention.parties) expect(text).toContain(party.organisation.name);
      for (const s of convention.signatureEvents.flatMap((e) => e.signatories)) expect(text).toContain(`${s.person.fullName}, ${s.capacity}`);
      expect(review.snapshot.actions.length).toBeGreaterThan(0);
      for (const a of review.snapshot.actions) expect(text).toContain(flat(a.title));
      for (const i of review.snapshot.indicators) expect(text).toContain(flat(i.title));
      expect(text).toContain(`Une année de mise en route pour ${convention.title}.`);
      expect(text).toContain('Élargir le comité technique.');
      if (convention.axes[0]) expect(text).toContain('Premier axe lancé avec les partenaires.');
      expect(text).toContain(`Budget ${review.year}`);
      expect(text).toContain(`${review.snapshot.actions.length} action`);
      writeFileSync(file, response.rawPayload);
    }
  });

  it('refuses a review that does not exist, and anonymous callers', async () => {
    const missing = await t.request<{ error: { message: string } }>({ method: 'GET', url: '/api/v1/reviews/999999/review.docx' });
    expect(missing.status).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/reviews/${cases[0]!.review.id}/review.docx` });
    expect(anonymous.statusCode).toBe(401);
  });

  // LibreOffice is installed by the test environment script; outside CI, a machine without it skips this check.
  it.skipIf(!SOFFICE && !process.env.CI)('each review converts to PDF with LibreOffice, which still names every party and action', async () => {
    execFileSync(SOFFICE!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...cases.map((c) => c.file)], { stdio: 'pipe', timeout: 120_000 });
    for (const { convention, review, file } of cases) {
      const pdf = await getDocumentProxy(new Uint8Array(readFileSync(file.replace(/\.docx$/, '.pdf'))));
      const text = flat((await extractText(pdf, { mergePages: true })).text);
      expect(text).toContain(`Bilan annuel ${review.year}`);
      for (const party of convention.parties) expect(text).toContain(party.organisation.name);
      for (const a of review.snapshot.actions) expect(text).toContain(flat(a.title));
    }
  }, 180_000);
});
