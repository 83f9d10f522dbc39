/**
 * Admission across processes: several servers (or a restarted one next to a dying one) share one
 * SQLite file. In one process kysely serialises transactions; across processes only the write
 * lock taken at the start of `admit` keeps two of them from counting the same free line.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './create-store.ts';
import { tempDir } from './test-helpers.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const script = join(import.meta.dirname, 'testing', 'admit-race.ts');

describe('admission across processes', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.cleanup());

  it('lets exactly `lines` calls in when four processes race for one number', async () => {
    const file = join(temp.dir, 'race.db');
    const setup = await openStore(file);
    await setup.numbers.put({
      number: '+815012345678',
      label: 'x',
      flowId: 'demo',
      lines: 3,
      smsSenderId: null,
      fallbackNumber: null,
    });
    await setup.close();

    const startAt = String(Date.now() + 3000);
    const outputs = await Promise.all(
      ['p1', 'p2', 'p3', 'p4'].map((prefix) =>
        run(process.execPath, ['--import', 'tsx', script, file, prefix, '10', '3', startAt], { cwd: root }),
      ),
    );
    const admitted = outputs.map((o) => Number(o.stdout.trim()));
    expect(admitted.reduce((a, b) => a + b, 0)).toBe(3);

    const check = await openStore(file);
    expect(await check.calls.liveCount('+815012345678')).toBe(3);
    await check.close();
  }, 30_000);
});
