import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { blankFlow } from './flow-edits.ts';
import {
  copyFlow,
  exportFileName,
  flowFileText,
  idProblem,
  issuePlace,
  numbersUsing,
  readFlowFile,
  suggestId,
  uniqueId,
} from './pages-flow-files.ts';

const taken = new Set(['clinic', 'flow', 'flow-2']);

describe('flow ids', () => {
  it('suggests ASCII slugs from names, full-width letters included', () => {
    expect(suggestId('Sakura Dental 代表', taken)).toBe('sakura-dental');
    expect(suggestId('ＳＡＫＵＲＡ　歯科', taken)).toBe('sakura');
    expect(suggestId('clinic', taken)).toBe('clinic-2');
  });
  it('falls back to a numbered default for Japanese-only names', () => {
    expect(suggestId('さくら歯科 代表', taken)).toBe('flow-3');
    expect(suggestId('', new Set())).toBe('flow');
  });
  it('keeps ids within 64 characters, also when numbering', () => {
    const long = 'a'.repeat(70);
    expect(suggestId(long, new Set())).toHaveLength(64);
    const id = uniqueId('b'.repeat(64), new Set(['b'.repeat(64)]));
    expect(id).toHaveLength(64);
    expect(id.endsWith('-2')).toBe(true);
  });
  it('says what is wrong with an id', () => {
    expect(idProblem('', taken)).toBe('empty');
    expect(idProblem('Sakura', taken)).toBe('format');
    expect(idProblem('-x', taken)).toBe('format');
    expect(idProblem('さくら', taken)).toBe('format');
    expect(idProblem('clinic', taken)).toBe('taken');
    expect(idProblem('clinic-3', taken)).toBeUndefined();
  });
});

describe('files', () => {
  const flow = blankFlow('reception', '受付');

  it('copies deeply under a new id and name', () => {
    const copy = copyFlow(flow, 'reception-2', '受付 のコピー');
    expect(copy).toMatchObject({ id: 'reception-2', name: '受付 のコピー', start: 'greeting' });
    expect(copy.nodes[0]).not.toBe(flow.nodes[0]);
    expect(copy.nodes).toEqual(flow.nodes);
  });

  it('exports <id>.json that reads back to the same document', () => {
    expect(exportFileName('reception')).toBe('reception.json');
    const result = readFlowFile(flowFileText(flow), {});
    expect(result).toEqual({ ok: true, doc: flow, warnings: [] });
  });

  it('accepts a byte-order mark, refuses what is not JSON', () => {
    expect(readFlowFile(`\uFEFF${flowFileText(flow)}`, {}).ok).toBe(true);
    expect(readFlowFile('{ nope', {})).toMatchObject({ ok: false, reason: 'not-json' });
  });

  it('refuses a flow with errors, with pointers and step ids', () => {
    const broken = {
      ...flow,
      nodes: [{ ...flow.nodes[0]!, params: { text: 5 } }],
    } as unknown as FlowDocument;
    const result = readFlowFile(JSON.stringify(broken), {});
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid') throw new Error('expected issues');
    expect(result.issues[0]).toMatchObject({ code: 'wrong-type', path: '/nodes/0/params/text' });
    expect(issuePlace(result.issues[0]!)).toEqual({ step: 'greeting', field: 'text' });
  });

  it('checks against the schedules the server knows', () => {
    const withHours = {
      ...flow,
      nodes: [
        {
          id: 'greeting',
          kind: 'hours',
          params: { schedule: 'nowhere' },
          next: { open: 'bye', closed: 'bye' },
        },
        { id: 'bye', kind: 'hangup', params: {} },
      ],
    };
    const result = readFlowFile(JSON.stringify(withHours), { schedules: {} });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'invalid') throw new Error('expected issues');
    expect(result.issues.map((i) => i.code)).toContain('unknown-schedule');
  });

  it('lists the numbers answering with a flow', () => {
    const numbers = [
      { number: '+815012345678', flowId: 'reception' },
      { number: '+81312345678', flowId: null },
    ];
    expect(numbersUsing('reception', numbers).map((n) => n.number)).toEqual(['+815012345678']);
  });
});
