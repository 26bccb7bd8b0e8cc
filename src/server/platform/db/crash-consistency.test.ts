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
    // Within the first half of the time the import takes, so that the kill lands while it is under way.
    for (const [cycle, killAfterMs] of randomDelays(11, 1, 0, Math.max(2, Math.floor(importMs / 2))).entries()) {
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
