import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareSqliteFile } from '../../../../test/helpers/server-process.js';
import { killDuringGeneration, killDuringWrites, planWorkbook, prepareGenerationTemplate, timeImport } from '../../../../test/helpers/crash.js';

/**
 * SIGKILL at random moments (a fixed seed keeps the suite repeatable); the benchmark runs 20 kills of each
 * scenario. SQLite only: the file is what a crashed process leaves behind; PostgreSQL keeps its own WAL.
 */
const randomDelays = (seed: number, count: number, min: number, max: number) =>
  Array.from({ length: count }, (_, i) => min + (((seed * (i + 7) * 2654435761) >>> 0) % (max - min)));

describe('a server process killed during writes (SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged write and never a half-applied import', async () => {
    const { sqlitePath, token } = await prepareSqliteFile(dir);
    const workbook = await planWorkbook(300);
    const importMs = await timeImport({ sqlitePath, token, workbook, cycle: -1 });
    const outcomes = [];
    // In the second quarter of the time the import takes: it is still under way, and the burst beside it
    // has had time to have writes acknowledged (on a loaded machine the first ones take a while).
    const [from, to] = [Math.floor(importMs / 4), Math.max(Math.floor(importMs / 4) + 1, Math.floor(importMs / 2))];
    for (const [cycle, killAfterMs] of randomDelays(11, 1, from, to).entries()) {
      outcomes.push(...(await killDuringWrites({ sqlitePath, token, workbook, actionsInWorkbook: 300, killAfterMs, import: true, burst: true, cycle })));
    }
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(outcomes.find((o) => o.scenario === 'import')).toMatchObject({ killed: true });
    expect(outcomes.filter((o) => o.scenario === 'burst').reduce((n, o) => n + o.acknowledged, 0)).toBeGreaterThan(0);
  }, 90_000);

  it('leaves only complete Caf when a generation is killed', async () => {
    const template = await prepareGenerationTemplate(dir);
    const outcome = await killDuringGeneration({ template, workPath: join(dir, 'generated.sqlite'), scale: 'caf', killAfterMs: randomDelays(5, 1, 20, 250)[0]! });
    expect(outcome).toMatchObject({ ok: true });
  }, 60_000);
});
