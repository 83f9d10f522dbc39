/**
 * The flow settings' notification edits produce documents the validator accepts, and turning a
 * setting off leaves no trace in the document (an exported flow says only what was chosen).
 */
import { describe, expect, it } from 'vitest';
import { validateFlow } from '../../schema/validate.ts';
import { blankFlow } from './flow-edits.ts';
import { setSaveUnknownCallers, setSummaryEnabled, setSummaryField } from './inspector-flow-notify.ts';

const flow = blankFlow('f', 'フロー');
const codes = (doc: typeof flow, channels = ['staff']) =>
  validateFlow(doc, { channels }).map((i) => `${i.code} ${i.path}`);

describe('after-call summary edits', () => {
  it('turns the summary on with a channel still to pick, which validation asks for', () => {
    const on = setSummaryEnabled(flow, true);
    expect(on.afterCallSummary).toEqual({ channel: '' });
    expect(codes(on).some((c) => c.endsWith('/afterCallSummary/channel'))).toBe(true);
    const picked = setSummaryField(on, 'channel', 'staff');
    expect(codes(picked)).toEqual([]);
  });

  it('sets the wait and the template, and clearing them goes back to the defaults', () => {
    let doc = setSummaryField(setSummaryEnabled(flow, true, 'staff'), 'waitSeconds', 60);
    doc = setSummaryField(doc, 'template', '{{caller.national}} から着信');
    expect(doc.afterCallSummary).toEqual({
      channel: 'staff',
      waitSeconds: 60,
      template: '{{caller.national}} から着信',
    });
    expect(codes(doc)).toEqual([]);
    doc = setSummaryField(setSummaryField(doc, 'waitSeconds', undefined), 'template', '');
    expect(doc.afterCallSummary).toEqual({ channel: 'staff' });
  });

  it('removes the summary when turned off, and edits nothing without one', () => {
    const on = setSummaryEnabled(flow, true, 'staff');
    expect(setSummaryEnabled(on, false)).not.toHaveProperty('afterCallSummary');
    expect(setSummaryField(flow, 'waitSeconds', 10)).toBe(flow);
    expect(setSummaryEnabled(on, true)).toBe(on);
  });

  it('flags a summary channel that is not configured', () => {
    expect(codes(setSummaryEnabled(flow, true, 'gone'))).toEqual([
      'unknown-channel /afterCallSummary/channel',
    ]);
  });
});

describe('saving unknown callers', () => {
  it('is written only when on', () => {
    const on = setSaveUnknownCallers(flow, true);
    expect(on.saveUnknownCallers).toBe(true);
    expect(codes(on)).toEqual([]);
    expect(setSaveUnknownCallers(on, false)).not.toHaveProperty('saveUnknownCallers');
    expect(setSaveUnknownCallers(flow, false)).toBe(flow);
  });
});
