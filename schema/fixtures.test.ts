/**
 * Runs every fixture. Valid documents (`*.flow.json`, `*.schedule.json`) must have no errors;
 * flows are checked against the valid schedules, so their hours steps must name real ones.
 * Invalid cases must produce exactly the expected (code, pointer) pairs among the errors;
 * warnings count only when a case lists them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScheduleDocument } from './generated/schedule.ts';
import { type Issue, issueCodes } from './issue.ts';
import { type ValidationContext, validateFlow, validateSchedule } from './validate.ts';

const root = join(import.meta.dirname, 'fixtures');

interface InvalidCase {
  description: string;
  type: 'flow' | 'schedule';
  context?: ValidationContext;
  expect: Array<{ code: string; path: string }>;
  document: unknown;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function filesIn(folder: string): string[] {
  return readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.json'))
    .sort();
}

const key = (issue: { code: string; path: string }): string => `${issue.code} ${issue.path}`;

describe('valid fixtures', () => {
  const schedules: Record<string, ScheduleDocument> = {};
  const scheduleFiles = filesIn('valid').filter((name) => name.endsWith('.schedule.json'));
  const flowFiles = filesIn('valid').filter((name) => name.endsWith('.flow.json'));
  for (const name of scheduleFiles) {
    const doc = readJson(join(root, 'valid', name)) as ScheduleDocument;
    schedules[doc.id] = doc;
  }

  it('has flows and schedules', () => {
    expect(flowFiles.length).toBeGreaterThanOrEqual(5);
    expect(scheduleFiles.length).toBeGreaterThanOrEqual(2);
  });

  it.each(scheduleFiles)('%s has no errors', (name) => {
    expect(errorsOf(validateSchedule(readJson(join(root, 'valid', name))))).toEqual([]);
  });

  it.each(flowFiles)('%s has no errors or warnings', (name) => {
    expect(validateFlow(readJson(join(root, 'valid', name)), { schedules })).toEqual([]);
  });

  it('covers every node kind', () => {
    const kinds = new Set<string>();
    for (const name of flowFiles) {
      const doc = readJson(join(root, 'valid', name)) as { nodes: Array<{ kind: string }> };
      for (const node of doc.nodes) kinds.add(node.kind);
    }
    expect([...kinds].sort()).toEqual(
      ['hangup', 'hours', 'input', 'menu', 'notify', 'record', 'say', 'sms', 'transfer'].sort(),
    );
  });
});

describe('invalid fixtures', () => {
  const files = filesIn('invalid');

  it('has at least 35 cases', () => {
    expect(files.length).toBeGreaterThanOrEqual(35);
  });

  it.each(files)('%s', (name) => {
    const fixture = readJson(join(root, 'invalid', name)) as InvalidCase;
    expect(fixture.expect.length).toBeGreaterThan(0);
    for (const expected of fixture.expect) expect(issueCodes).toContain(expected.code);
    const issues =
      fixture.type === 'flow'
        ? validateFlow(fixture.document, fixture.context)
        : validateSchedule(fixture.document);
    const listed = new Set(fixture.expect.map(key));
    const relevant = issues.filter((issue) => issue.severity === 'error' || listed.has(key(issue)));
    expect(relevant.map(key).sort()).toEqual(fixture.expect.map(key).sort());
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
  });
});

function errorsOf(issues: Issue[]): Issue[] {
  return issues.filter((issue) => issue.severity === 'error');
}
