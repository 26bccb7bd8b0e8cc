import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/databases.js';
import { statementNames } from './create-db.js';

describe('statement names (ADR 0025)', () => {
  it('names a text the second time it is seen, and keeps that name', () => {
    const names = statementNames();
    const text = 'select title from action where id = $1';
    expect(names.nameOf(text)).toBeUndefined();
    const name = names.nameOf(text);
    expect(name).toMatch(/^s\d+$/);
    expect(names.nameOf(text)).toBe(name);
    expect(names.nameOf('select id from convention where id = $1')).toBeUndefined();
  });

  it('never names transaction control nor statements whose columns are a star', () => {
    const names = statementNames();
    for (const text of ['begin', 'commit', 'select * from action where id = $1', 'update action set progress = $1 returning *']) {
      names.nameOf(text);
      expect(names.nameOf(text), text).toBeUndefined();
    }
    const counted = 'select count(*) as n from action where convention_id = $1';
    names.nameOf(counted);
    expect(names.nameOf(counted)).toBeDefined();
  });

  it('names no more than its limit, and runs a forgotten text unnamed for good', () => {
    const names = statementNames(2);
    const texts = ['select 1 where $1', 'select 2 where $1', 'select 3 where $1'];
    for (const text of [...texts, ...texts]) names.nameOf(text);
    expect(texts.map((t) => names.nameOf(t))).toEqual(['s1', 's2', undefined]);
    names.forget(texts[0]!);
    names.nameOf(texts[0]!);
    expect(names.nameOf(texts[0]!)).toBeUndefined();
  });
});

describe('named statements on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres', { migrate: false });
    await sql`create table sample (id integer primary key, label text)`.execute(database.db);
    await sql`insert into sample values (1, 'un'), (2, 'deux')`.execute(database.db);
  });
  afterAll(() => database?.drop());

  const labelOf = async (id: number) => (await database.db.selectFrom('sample' as never).select('label' as never).where('id' as never, '=', id as never).executeTakeFirst()) as { label: string } | undefined;
  const prepared = async () => (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(database.db)).rows.map((r) => r.statement);

  it('runs a statement seen twice as a prepared statement of its connection, with its own values each time', async () => {
    expect(await labelOf(1)).toEqual({ label: 'un' });
    expect(await labelOf(2)).toEqual({ label: 'deux' });
    expect(await labelOf(1)).toEqual({ label: 'un' });
    expect((await prepared()).some((text) => text.includes('from "sample"'))).toBe(true);
  });

  it('keeps answering when a migration adds a column or changes the type of one it reads', async () => {
    await sql`alter table sample add column note text`.execute(database.db);
    expect(await labelOf(2)).toEqual({ label: 'deux' });
    expect(await database.db.selectFrom('sample' as never).selectAll().where('id' as never, '=', 1 as never).executeTakeFirst()).toEqual({ id: 1, label: 'un', note: null });
    await sql`alter table sample alter column label type varchar(20)`.execute(database.db);
    // Refused as prepared, run again unnamed at once: outside a transaction it had done nothing.
    expect(await labelOf(1)).toEqual({ label: 'un' });
    expect(await labelOf(2)).toEqual({ label: 'deux' });
  });

  it('lets the error go up inside a transaction, which it has lost, and runs the statement unnamed afterwards', async () => {
    const noteOf = (db: typeof database.db, id: number) => db.selectFrom('sample' as never).select('note' as never).where('id' as never, '=', id as never).where('label' as never, 'is not', null).executeTakeFirst();
    await noteOf(database.db, 1);
    await noteOf(database.db, 2);
    await sql`alter table sample alter column note type varchar(50)`.execute(database.db);
    await expect(database.db.transaction().execute((trx) => noteOf(trx, 1))).rejects.toMatchObject({ code: '0A000' });
    expect(await database.db.transaction().execute((trx) => noteOf(trx, 1))).toEqual({ note: null });
  });
});
