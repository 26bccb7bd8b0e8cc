import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createDb } from './create-db.js';
import { startCheckpointer } from './checkpointer.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('write-ahead log checkpointed from a thread of its own (SQLite file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pilote-checkpoint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Frames in the log after a burst of commits, a pause, then one more commit (which restarts a checkpointed log). */
  async function framesAfterBurst(name: string, backgroundCheckpoints: boolean): Promise<{ frames: number; autocheckpoint: number }> {
    const handle = createDb({ sqlitePath: join(dir, name) }, { backgroundCheckpoints });
    const { db } = handle;
    if (!backgroundCheckpoints) await sql`pragma wal_autocheckpoint = 0`.execute(db);
    const autocheckpoint = (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db)).rows[0]!.wal_autocheckpoint;
    await sql`create table filler (id integer primary key, payload blob)`.execute(db);
    for (let n = 0; n < 600; n++) {
      await sql`insert into filler (payload) values (randomblob(3000))`.execute(db);
      if (n % 100 === 99) await pause(50);
    }
    await pause(600);
    await sql`insert into filler (payload) values (randomblob(3000))`.execute(db);
    const log = await sql<{ log: number }>`pragma wal_checkpoint(PASSIVE)`.execute(db);
    expect(Number((await sql<{ n: number }>`select count(*) as n from filler`.execute(db)).rows[0]!.n)).toBe(601);
    await handle.close();
    return { frames: Number(log.rows[0]!.log), autocheckpoint };
  }

  it('leaves commits free of checkpoints and still keeps the log from growing', async () => {
    const background = await framesAfterBurst('fond.sqlite', true);
    expect(background.autocheckpoint).toBe(0);
    expect(background.frames).toBeLessThan(10);
    // The same writes with no checkpoint at all leave every page they wrote in the log.
    const never = await framesAfterBurst('jamais.sqlite', false);
    expect(never.frames).toBeGreaterThan(600);
  });

  it('tells when the thread stops on an error, so that the connection checkpoints by itself again', async () => {
    const failure = await new Promise<Error>((resolve) => startCheckpointer(join(dir, 'absente.sqlite'), resolve));
    expect(failure.message).toContain('SQLITE_CANTOPEN');
  });
});
