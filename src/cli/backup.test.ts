import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../server/platform/db/create-db.js';
import { migrateToLatest } from '../server/platform/db/migrate.js';
import { prepareDatabase } from '../server/demo/prepare.js';
import { PG_ADMIN_URL } from '../../test/helpers/databases.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/pilote-ctg.js', import.meta.url).pathname;
const cli = (env: NodeJS.ProcessEnv, ...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });

type Dump = Record<string, unknown[]>;

function dumpSqlite(path: string): Dump {
  const db = new SQLite(path, { readonly: true });
  try {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by 1, 2`).all()]));
  } finally {
    db.close();
  }
}

async function dumpPostgres(url: string): Promise<Dump> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query("select tablename from pg_tables where schemaname = 'public' order by tablename")).rows as { tablename: string }[];
    const dump: Dump = {};
    for (const { tablename } of tables) dump[tablename] = (await client.query(`select * from "${tablename}" order by 1, 2`)).rows;
    return dump;
  } finally {
    await client.end();
  }
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const dbUrl = (name: string) => {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

describe('backup and restore', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pilote-backup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips a SQLite database exactly, every table row for row', async () => {
    const source = join(dir, 'source.sqlite');
    const handle = createDb({ sqlitePath: source });
    await migrateToLatest(handle.db);
    await prepareDatabase(handle, { loadDemoIfEmpty: true, departements: ['92'] });
    await handle.close();
    const file = join(dir, 'sauvegarde.sqlite');
    expect((await cli({ SQLITE_PATH: source, DATABASE_URL: '' }, 'backup', '--out', file)).stdout).toContain('Sauvegarde écrite');
    const target = join(dir, 'restauree.sqlite');
    expect((await cli({ SQLITE_PATH: target, DATABASE_URL: '' }, 'restore', file)).stdout).toContain('Base restaurée');
    const before = dumpSqlite(source);
    expect(before.convention).toHaveLength(3);
    expect(dumpSqlite(target)).toEqual(before);
  });

  it('round-trips a PostgreSQL database exactly, into a fresh database', async () => {
    const suffix = `${process.pid}_${Date.now().toString(36)}`;
    const [sourceName, targetName] = [`pilote_backup_src_${suffix}`, `pilote_backup_dst_${suffix}`];
    await admin(`create database ${sourceName}`);
    await admin(`create database ${targetName}`);
    try {
      const handle = createDb({ databaseUrl: dbUrl(sourceName) });
      await migrateToLatest(handle.db);
      await prepareDatabase(handle, { loadDemoIfEmpty: true, departements: ['92'] });
      await handle.close();
      const file = join(dir, 'sauvegarde.pgdump');
      await cli({ DATABASE_URL: dbUrl(sourceName) }, 'backup', '--out', file);
      await cli({ DATABASE_URL: dbUrl(targetName) }, 'restore', file);
      const before = await dumpPostgres(dbUrl(sourceName));
      expect(before.convention).toHaveLength(3);
      expect(await dumpPostgres(dbUrl(targetName))).toEqual(before);
    } finally {
      await admin(`drop database if exists ${sourceName} with (force)`);
      await admin(`drop database if exists ${targetName} with (force)`);
    }
  });

  it('says in French when the backup file does not exist', async () => {
    await expect(cli({ SQLITE_PATH: join(dir, 'x.sqlite'), DATABASE_URL: '' }, 'restore', join(dir, 'absent.sqlite'))).rejects.toMatchObject({
      stderr: expect.stringContaining('fichier de sauvegarde introuvable'),
    });
  });
});
