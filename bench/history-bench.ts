/**
 * `npm run bench:history`: the call history's acceptance budgets (issue 6) with 1,000,000 calls
 * in the database, measured through the HTTP API of the real app on a SQLite file (WAL):
 *  - the first page of the call log (GET /api/history/calls): < 200 ms;
 *  - a transcript search for a common two-character word (q=予約): < 200 ms;
 *  - the dashboard of 30 days (GET /api/history/stats): < 500 ms.
 * Each is the median of several runs, printed next to baselines in the same process: the API's
 * health route (the framework's own cost) and one call read by its primary key. The database is
 * generated once (bench/history-data.ts, about a minute) into a temporary folder and reused by
 * later runs; `--fresh` generates it again.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../runtime/http/app.ts';
import { defaultConfig } from '../runtime/http/config.ts';
import { memoryLogger } from '../runtime/http/logger.ts';
import { openStore } from '../runtime/store/create-store.ts';
import { migrations } from '../runtime/store/migrations/index.ts';
import { benchEnd, generateCalls } from './history-data.ts';
import { report } from './measure.ts';

const calls = 1_000_000;
const folder = join(tmpdir(), 'flowcall-history-bench');
// The name changes with the generator and with the schema (its latest migration), so a file
// from an older one is never measured: it is generated again.
const schema = Object.keys(migrations('sqlite')).sort().at(-1);
const file = join(folder, `calls-v1-${schema}-${calls}.db`);

if (process.argv.includes('--fresh') || !existsSync(file)) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const started = performance.now();
  await (await openStore(file)).close(); // migrated, empty
  generateCalls(`${file}`, calls);
  console.log(
    `generated ${calls.toLocaleString()} calls in ${((performance.now() - started) / 1000).toFixed(1)} s → ${file}`,
  );
} else {
  console.log(`reusing ${file} (--fresh to generate it again)`);
}

const store = await openStore(file);
const { hono } = createApp({
  store,
  // The legacy full-access token: the API needs credentials (issue 7).
  config: { ...defaultConfig, seedExamples: false, apiToken: 'bench-token' },
  clock: () => new Date(benchEnd),
  logger: memoryLogger(),
});

async function get(path: string): Promise<unknown> {
  const response = await hono.request(`http://bench${path}`, {
    headers: { authorization: 'Bearer bench-token' },
  });
  if (response.status !== 200)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Median of `runs` timed runs after two warm-up runs (the first reads the file into the page cache). */
async function medianMs(fn: () => Promise<unknown>, runs = 9): Promise<number> {
  for (let i = 0; i < 2; i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const firstPage = (await get('/api/history/calls')) as { calls: unknown[] };
const searched = (await get(`/api/history/calls?q=${encodeURIComponent('予約')}`)) as { calls: unknown[] };
const month = '/api/history/stats?from=2026-11-01&to=2026-11-30';
const stats = (await get(month)) as { total: number };
if (firstPage.calls.length !== 50 || searched.calls.length !== 50 || stats.total < 50_000)
  throw new Error('the bench database does not hold what it should (run with --fresh)');

const health = await medianMs(() => get('/api/health'));
const byId = await medianMs(() => store.calls.get('bench-00abcd'));
const page = await medianMs(() => get('/api/history/calls'));
const search = await medianMs(() => get(`/api/history/calls?q=${encodeURIComponent('予約')}`));
const dashboard = await medianMs(() => get(month));
// Context, not budgeted: a rarer word with a filter, a later page, and a search by name.
const filtered = await medianMs(() =>
  get(`/api/history/calls?q=${encodeURIComponent('キャンセル')}&outcome=voicemail&number=050-1111-0001`),
);
const name = await medianMs(() => get(`/api/history/calls?q=${encodeURIComponent('田中 花子')}`));
await store.close();

const baseline = `health route ${health.toFixed(2)} ms, call by id ${byId.toFixed(2)} ms`;
console.log(`${calls.toLocaleString()} calls; 30-day dashboard over ${stats.total.toLocaleString()} calls`);
console.log(
  `context: search キャンセル + voicemail + one number ${filtered.toFixed(1)} ms, search 「田中 花子」 ${name.toFixed(1)} ms`,
);
const ok = report([
  {
    name: 'first page of the call log',
    value: page,
    unit: 'ms',
    budget: '< 200 ms',
    ok: page < 200,
    ratio: baseline,
  },
  {
    name: 'transcript search (予約)',
    value: search,
    unit: 'ms',
    budget: '< 200 ms',
    ok: search < 200,
    ratio: baseline,
  },
  {
    name: '30-day dashboard',
    value: dashboard,
    unit: 'ms',
    budget: '< 500 ms',
    ok: dashboard < 500,
    ratio: baseline,
  },
]);
process.exit(ok ? 0 : 1);
