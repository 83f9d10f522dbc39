import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFlowContext, loadSchedules, readJsonFile, readTestFile } from './load-files.ts';
import { shopFlow, shopSchedule } from './test-flows.ts';

let dir: string;
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowcall-load-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('load-files', () => {
  it('reads JSON, and says where a file stops being JSON in one line', () => {
    expect(readJsonFile(write('ok.json', { a: 1 }))).toEqual({ ok: true, value: { a: 1 } });
    expect(readJsonFile(write('bad.json', '{\n  "a": 1,\n}'))).toEqual({
      ok: false,
      kind: 'not-json',
      message: 'not JSON: Expected double-quoted property name (line 3, column 1)',
    });
    expect(readJsonFile(join(dir, 'missing.json'))).toMatchObject({
      kind: 'unreadable',
      message: 'file not found',
    });
  });

  it('loads the schedules folder next to a flow by schedule id, and channels.json', () => {
    const flow = write('shop/flow.json', shopFlow);
    write('shop/schedules/hours.json', shopSchedule);
    write('shop/channels.json', { channels: [{ id: 'staff', type: 'slack', name: 'スタッフ' }] });
    const context = loadFlowContext(flow);
    expect(Object.keys(context.schedules ?? {})).toEqual(['shop-hours']);
    expect(context.channels).toEqual(['staff']);
    expect(context.warnings).toEqual([]);
  });

  it('gives no schedules (rather than none known) when a flow has no schedules folder', () => {
    const context = loadFlowContext(write('plain/flow.json', shopFlow));
    expect(context.schedules).toBeUndefined();
    expect(context.channels).toBeUndefined();
  });

  it('warns about schedule files it cannot use, and keeps the others', () => {
    write('s/a.json', shopSchedule);
    write('s/b.json', '{ nope');
    write('s/c.json', { ...shopSchedule, weekly: 'always' });
    write('s/d.json', shopSchedule);
    const { schedules, warnings } = loadSchedules(join(dir, 's'));
    expect(Object.keys(schedules)).toEqual(['shop-hours']);
    expect(warnings).toEqual([
      `${join(dir, 's/b.json')}: not JSON: Expected property name or '}' (line 1, column 3)`,
      expect.stringMatching(/c\.json: not a valid schedule, ignored: \/weekly: .*\[wrong-type\]$/),
      `${join(dir, 's/d.json')}: another file already defines schedule 'shop-hours', ignored`,
    ]);
  });

  it('takes --schedules as a single file too', () => {
    const file = write('elsewhere/hours.json', shopSchedule);
    const context = loadFlowContext(write('f/flow.json', shopFlow), file);
    expect(Object.keys(context.schedules ?? {})).toEqual(['shop-hours']);
  });

  it('resolves the flow and schedules of a test file against its own folder', () => {
    const path = write('tests/shop.test.json', {
      flow: '../shop/flow.json',
      schedules: ['hours.json'],
      cases: [],
    });
    const read = readTestFile(path);
    expect(read).toMatchObject({
      ok: true,
      file: { flowPath: join(dir, 'shop/flow.json'), schedulePaths: [join(dir, 'tests/hours.json')] },
    });
  });
});
