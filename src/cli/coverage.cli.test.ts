import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../test/helpers/databases.js';
import { openCliDatabase } from '../../test/helpers/cli.js';
import { cogCodeOf, cogDepartementPopulation, cogPopulation } from '../../test/helpers/cog.js';
import { formatInteger } from '../shared/format.js';

const run = promisify(execFile);
const covered92 = () => ['Bois-Colombes', 'Issy-les-Moulineaux', 'Boulogne-Billancourt'].map((n) => cogPopulation(cogCodeOf(n, '92'))).reduce((a, b) => a + b, 0);
const BIN = new URL('../../bin/pilote-ctg.js', import.meta.url).pathname;

describe.each(ENGINES)('pilote-ctg coverage (%s)', (engine) => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pilote-coverage-'));
    ({ database, env } = await openCliDatabase(engine, dir));
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => (await run(process.execPath, [BIN, ...args], { env })).stdout;

  it('prints { population, coveredPopulation, rate, communes } for --departement 92 --date 2023-12-31 --json', async () => {
    const out = JSON.parse(await cli('coverage', '--departement', '92', '--date', '2023-12-31', '--json')) as Record<string, unknown>;
    expect(Object.keys(out).slice(0, 4)).toEqual(['population', 'coveredPopulation', 'rate', 'communes']);
    const covered = covered92();
    expect(out.population).toBe(cogDepartementPopulation('92'));
    expect(out.coveredPopulation).toBe(covered);
    expect(out.rate).toBeCloseTo(covered / cogDepartementPopulation('92'), 12);
    const communes = out.communes as { code: string; name: string; population: number; covered: boolean; conventionIds: number[] }[];
    expect(communes).toHaveLength(36);
    expect(communes.find((c) => c.name === 'Boulogne-Billancourt')).toMatchObject({ covered: true, population: 119019 });
    expect(communes.find((c) => c.name === 'Antony')).toMatchObject({ covered: false, conventionIds: [] });
  });

  it('accepts --region and --france, and prints French without --json', async () => {
    const region = JSON.parse(await cli('coverage', '--region', '11', '--date', '2023-12-31', '--json')) as { coveredPopulation: number; communes: unknown[] };
    const france = JSON.parse(await cli('coverage', '--france', '--date', '2023-12-31', '--json')) as { coveredPopulation: number };
    expect(region.coveredPopulation).toBe(france.coveredPopulation);
    expect(region.communes).toHaveLength(3);
    const text = await cli('coverage', '--departement', '92', '--date', '2023-12-31');
    expect(text).toContain(`Hauts-de-Seine au 31 décembre 2023 : ${formatInteger(covered92())} habitants couverts`);
    expect(text).toContain('Communes couvertes : 3 sur 36');
  });

  it('refuses an unknown département and a missing scope with a French message', async () => {
    await expect(cli('coverage', '--departement', '75', '--json')).rejects.toMatchObject({ stderr: expect.stringContaining('aucun département chargé') });
    await expect(cli('coverage', '--json')).rejects.toMatchObject({ stderr: expect.stringContaining('précisez un seul territoire') });
  });
});
