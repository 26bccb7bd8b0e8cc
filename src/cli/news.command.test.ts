import { INTERNAL_HEADER } from '../server/platform/http/auth.js';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../test/helpers/databases.js';
import { openCliDatabase } from '../../test/helpers/cli.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/platform/config.js';
import type { NewsDraft } from '../shared/api/news.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/pilote-ctg.js', import.meta.url).pathname;

describe.each(ENGINES)('pilote-ctg news draft (%s)', (engine) => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pilote-news-cli-'));
    ({ database, env } = await openCliDatabase(engine, dir));
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the same Markdown as the API draft', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'news', 'draft', '--from', '2023-03-01', '--to', '2023-03-31'], { env });
    const app = await buildApp({ database, config: loadConfig({}), logger: false });
    try {
      const response = await app.inject({ method: 'POST', url: '/api/v1/news/draft', payload: { from: '2023-03-01', to: '2023-03-31' }, headers: { [INTERNAL_HEADER]: app.internalSecret } });
      const draft = response.json<NewsDraft>();
      expect(stdout).toBe(draft.markdown);
      expect(stdout.startsWith('# Trois nouvelles signatures de CTG en mars\n')).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('fails with a French message when the period has no signature', async () => {
    const failure = await run(process.execPath, [BIN, 'news', 'draft', '--from', '2024-01-01', '--to', '2024-01-31'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect('code' in failure && failure.code).toBe(1);
    expect((failure as { stderr: string }).stderr).toContain('Aucune CTG n’a été signée entre le 1er janvier 2024 et le 31 janvier 2024');
  });
});
