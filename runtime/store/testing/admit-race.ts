/**
 * Test-only child process for the cross-process admission test: opens the SQLite file given on
 * the command line, waits for a shared start time so every process races, then tries `count`
 * admits on one number and prints how many were let in.
 *   tsx admit-race.ts <file> <prefix> <count> <lines> <startAtEpochMs>
 */
import { openStore } from '../create-store.ts';
import { callOf } from '../test-helpers.ts';

const [file, prefix, count, lines, startAt] = process.argv.slice(2);
if (!file || !prefix || !count || !lines || !startAt)
  throw new Error('usage: admit-race <file> <prefix> <count> <lines> <startAt>');

const store = await openStore(file);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const results = await Promise.all(
  Array.from({ length: Number(count) }, (_, i) => store.calls.admit(callOf(`${prefix}-${i}`), Number(lines))),
);
await store.close();
process.stdout.write(`${results.filter((r) => r === 'admitted').length}\n`);
