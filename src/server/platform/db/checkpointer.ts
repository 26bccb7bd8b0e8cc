import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Copies the write-ahead log back into the SQLite file from a thread of its own (ADR 0023). Left to the
 * server's connection, a checkpoint ran inside the commit that crossed 1,000 pages of log: under a steady
 * flow of writes, one commit in fifty held the event loop for 5 to 25 ms while every other request
 * waited. A passive checkpoint from another connection never blocks the writer nor the readers.
 */
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** `onFailure`: the thread stopped on an error; the caller checkpoints by itself again. */
export function startCheckpointer(path: string, onFailure: (error: Error) => void, everyMs = 200): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SOURCE, { eval: true, workerData: { driver, path, everyMs } });
  // An error crosses from the thread as a plain object (its code), not as an Error.
  worker.on('error', (error: unknown) => onFailure(error instanceof Error ? error : new Error(`SQLite : ${JSON.stringify(error)}`)));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // The thread alone never keeps the process alive.
  worker.unref();
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
