import { describe, expect, it } from 'vitest';
import { SharedVersionRead } from './data-version.js';

/** A data version the test moves on by hand, counting how often it is read. */
function fakeDatabase() {
  const state = { version: 1, reads: 0 };
  return { state, read: () => (state.reads++, state.version) };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('shared read of the data version', () => {
  it('reads once for every request that asked in the same turn of the event loop', async () => {
    const database = fakeDatabase();
    const reads = new SharedVersionRead(database.read);
    const versions = await Promise.all(Array.from({ length: 50 }, () => reads.version()));
    expect(versions).toEqual(Array.from({ length: 50 }, () => 1));
    expect(database.state.reads).toBe(1);
  });

  it('never answers a request with a read that started before it asked', async () => {
    const database = fakeDatabase();
    const reads = new SharedVersionRead(database.read);
    const first = reads.version();
    await nextTurn();
    // The first read has run; a write is acknowledged, then a request asks: it must see the write.
    expect(await first).toBe(1);
    database.state.version = 2;
    expect(await reads.version()).toBe(2);
    expect(database.state.reads).toBe(2);
  });

  it('gives a request that asks while a read is still running a read of its own (PostgreSQL)', async () => {
    const state = { version: 1, reads: 0 };
    let finishFirst!: () => void;
    const reads = new SharedVersionRead(() => {
      state.reads++;
      const seen = state.version;
      return state.reads === 1 ? new Promise<number>((resolve) => (finishFirst = () => resolve(seen))) : seen;
    });
    const early = reads.version();
    await nextTurn();
    state.version = 2;
    const late = reads.version();
    finishFirst();
    expect(await early).toBe(1);
    expect(await late).toBe(2);
  });

  it('fails the requests of a failed read only; the next ones read again', async () => {
    let broken = true;
    const reads = new SharedVersionRead(() => {
      if (broken) throw new Error('base indisponible');
      return 7;
    });
    await expect(reads.version()).rejects.toThrow('base indisponible');
    broken = false;
    expect(await reads.version()).toBe(7);
  });
});
