import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { shopFlow, shopSchedule } from '../simulator/test-flows.ts';
import { flowcall, stackTrace, tempProject } from './test-helpers.ts';

const project = tempProject();
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

const flow = project.write('shop/flow.json', shopFlow);
project.write('shop/schedules/hours.json', shopSchedule);
project.write('shop/channels.json', { channels: [{ id: 'staff', type: 'slack', name: 'スタッフ' }] });

describe('flowcall validate', () => {
  it('prints "file: ok" and exits 0 for valid flows, schedules and flow tests', () => {
    const schedule = project.write('hours.json', shopSchedule);
    const test = project.write('shop.test.json', {
      flow: 'shop/flow.json',
      cases: [{ name: 'x', at: '2026-11-24T12:00:00+09:00', from: 'anonymous', expect: {} }],
    });
    const run = flowcall(['validate', flow, schedule, test]);
    expect(run.lines).toEqual([`${flow}: ok`, `${schedule}: ok`, `${test}: ok`]);
    expect(run.status).toBe(0);
  });

  it('prints one line per issue with the JSON pointer and code, and exits 1', () => {
    const nodes = shopFlow.nodes.map((n) => (n.id === 'closed' ? { ...n, kind: 'fax' } : n));
    const bad = project.write('bad/flow.json', { ...shopFlow, nodes });
    const run = flowcall(['validate', bad]);
    expect(run.lines).toEqual([`${bad}: /nodes/7/kind: unknown step kind "fax" [unknown-kind]`]);
    expect(run.status).toBe(1);
  });

  it('checks a flow against the schedules and channels next to it', () => {
    const lost = project.write('lost/flow.json', shopFlow);
    project.write('lost/schedules/other.json', { ...shopSchedule, id: 'other' });
    project.write('lost/channels.json', { channels: [{ id: 'office', type: 'email', name: '事務所' }] });
    const run = flowcall(['validate', lost]);
    expect(run.status).toBe(1);
    expect(run.lines).toContainEqual(
      expect.stringMatching(/^.*lost\/flow\.json: \/nodes\/1\/params\/schedule: .* \[unknown-schedule\]$/),
    );
    expect(run.lines).toContainEqual(
      expect.stringMatching(/\/nodes\/6\/params\/channel: .* \[unknown-channel\]$/),
    );
  });

  it('prints warnings with a "warning: " prefix without failing', () => {
    const orphan = { id: 'orphan', kind: 'say', params: { text: '誰にも届かない案内' } };
    const path = project.write('shop/orphan.json', { ...shopFlow, nodes: [...shopFlow.nodes, orphan] });
    const run = flowcall(['validate', path]);
    expect(run.lines).toEqual([
      expect.stringMatching(/^warning: .*orphan\.json: \/nodes\/9: .* \[unreachable-node\]$/),
      `${path}: ok`,
    ]);
    expect(run.status).toBe(0);
  });

  it('says where a file stops being JSON in one line, and exits 2', () => {
    const broken = project.write('broken.json', '{\n  "id": "x",\n  "nodes": [\n}');
    const run = flowcall(['validate', broken, flow]);
    expect(run.lines[0]).toBe(`${broken}: not JSON: Unexpected token '}' (line 4, column 1)`);
    expect(run.lines[1]).toBe(`${flow}: ok`);
    expect(run.status).toBe(2);
    expect(run.stdout + run.stderr).not.toMatch(stackTrace);
  });

  it('reports a missing file in one line with exit 2, also when other files are invalid', () => {
    const bad = project.write('bad-schedule.json', {
      ...shopSchedule,
      weekly: { mon: [{ from: '18:00', to: '09:00' }] },
    });
    const run = flowcall(['validate', bad, 'no-such-file.json']);
    expect(run.lines).toContainEqual('no-such-file.json: file not found');
    expect(run.lines.some((line) => line.startsWith(`${bad}: /weekly/mon/0`))).toBe(true);
    expect(run.status).toBe(2);
  });

  it('rejects a call without files as bad usage', () => {
    const run = flowcall(['validate']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage: flowcall validate');
  });
});
