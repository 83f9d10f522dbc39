/**
 * Checkpoints a WAL SQLite file from a worker thread. better-sqlite3 is synchronous, and
 * SQLite's automatic checkpoint runs inside whichever commit crosses the threshold: that
 * webhook waits while a few megabytes are copied into the database file. A second connection
 * in a worker does the copying instead (a PASSIVE checkpoint never blocks the writer); the
 * main connection's automatic checkpoint stays as a high backstop in case the worker dies.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Plain CommonJS, evaluated in the worker: no TypeScript loader is needed there. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: next tick */ }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** Pages the main connection may let the WAL grow to before it checkpoints itself (≈ 40 MB). */
export const backstopPages = 10_000;

export interface WalCheckpointer {
  /** Stops the worker after a last checkpoint; resolves when its connection is closed. */
  stop(): Promise<void>;
}

export function startWalCheckpointer(file: string, intervalMs = 500): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, { eval: true, workerData: { file, driver, intervalMs } });
  // Never keeps a process alive; an error only means the backstop checkpoints instead.
  worker.unref();
  worker.on('error', () => {});
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        // Someone waits for this now: keep the process alive until the worker has closed.
        worker.ref();
        worker.postMessage('stop');
        // A worker stuck on a lock still goes.
        setTimeout(() => void worker.terminate(), 2000).unref();
      });
      return stopped;
    },
  };
}
