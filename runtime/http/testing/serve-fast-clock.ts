/**
 * Test-only: the real server (`startServer`, as `flowcall serve` runs it) with a clock that runs
 * FLOWCALL_TEST_CLOCK_SPEED times faster from FLOWCALL_TEST_CLOCK_BASE (epoch ms), so outbox
 * backoff of seconds passes in tens of milliseconds. Processes started with the same base share
 * one continuous time line, so a restarted server sees the times its predecessor stored.
 *   node --import tsx serve-fast-clock.ts
 */
import { startServer } from '../../main.ts';

const base = Number(process.env.FLOWCALL_TEST_CLOCK_BASE);
const speed = Number(process.env.FLOWCALL_TEST_CLOCK_SPEED ?? 100);
if (!Number.isFinite(base)) throw new Error('FLOWCALL_TEST_CLOCK_BASE (epoch ms) is required');

const server = await startServer(process.env, undefined, {
  clock: () => new Date(base + (Date.now() - base) * speed),
});
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
