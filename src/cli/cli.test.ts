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
import { INTERNAL_HEADER } from '../server/platform/http/auth.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/pilote-ctg.js', import.meta.url).pathname;

describe.each(ENGINES)('pilote-ctg CLI (%s)', (engine) => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pilote-cli-'));
    ({ database, env } = await openCliDatabase(engine, dir));
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (...args: string[]) => (await run(process.execPath, [BIN, ...args], { env })).stdout;
  const apiJson = async (url: string) => {
    const app = await buildApp({ database, config: loadConfig({}), logger: false });
    try {
      return (await app.inject({ method: 'GET', url, headers: { [INTERNAL_HEADER]: app.internalSecret } })).json();
    } finally {
      await app.close();
    }
  };

  it('prints the same JSON as the API for conventions list and show', async () => {
    expect(JSON.parse(await cli('conventions', 'list', '--json'))).toEqual(await apiJson('/api/v1/conventions'));
    expect(JSON.parse(await cli('conventions', 'list', '--json', '--theme', 'logement'))).toEqual(await apiJson('/api/v1/conventions?theme=logement'));
    expect(JSON.parse(await cli('conventions', 'show', '2', '--json'))).toEqual(await apiJson('/api/v1/conventions/2'));
  });

  it('prints readable French without --json, and a clear error for an unknown id', async () => {
    const text = await cli('conventions', 'show', '2');
    expect(text).toContain('Hugo Dapino, 1er vice-président du conseil d’administration (Caf des Hauts-de-Seine)');
    expect(text).toContain('Signature du 15 mars 2023 — Hôtel de ville d’Issy-les-Moulineaux');
    await expect(cli('conventions', 'show', '999')).rejects.toMatchObject({ stderr: expect.stringContaining('Convention 999 introuvable') });
  });

  it('has --help on every command', async () => {
    const commands = [[], ['serve'], ['migrate'], ['demo'], ['admin'], ['territories', 'load'], ['conventions', 'list'], ['conventions', 'show']];
    // Side by side: each start compiles the CLI, which is slow on a busy machine.
    const helps = await Promise.all(commands.map((command) => cli(...command, '--help')));
    helps.forEach((help) => expect(help).toMatch(/Usage: pilote-ctg/));
  }, 120_000);

  it('reloads the demo data with `demo`', async () => {
    expect(await cli('demo')).toMatch(/Démonstration chargée : 3 conventions/);
    const list = JSON.parse(await cli('conventions', 'list', '--json')) as { total: number };
    expect(list.total).toBe(3);
  });

  it('creates a platform administrator whose random password is shown once and works', async () => {
    const output = await cli('admin', '--email', 'exploitation@exemple.fr');
    const password = /mot de passe : (\S+)/.exec(output)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    const again = /mot de passe : (\S+)/.exec(await cli('admin', '--email', 'exploitation@exemple.fr'))![1]!;
    expect(again).not.toBe(password);
    const app = await buildApp({ database, config: loadConfig({}), logger: false });
    try {
      const old = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'exploitation@exemple.fr', password } });
      expect(old.statusCode).toBe(401);
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'exploitation@exemple.fr', password: again } });
      expect(login.statusCode).toBe(200);
      expect(login.json().user.isPlatformAdmin).toBe(true);
    } finally {
      await app.close();
    }
    await expect(cli('admin', '--email', 'pas-une-adresse')).rejects.toMatchObject({ stderr: expect.stringContaining('adresse e-mail invalide') });
  });
});
