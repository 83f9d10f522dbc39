/**
 * `flowcall validate <files…>`: flows, schedules and flow-test files, each detected from its
 * content. One line per issue, `file: /pointer: message [code]`; warnings start with
 * `warning: ` and do not fail. Exit 0 all valid, 1 any invalid, 2 any unreadable or not JSON.
 */
import type { Issue } from '../../schema/issue.ts';
import { checkStructure } from '../../schema/structure.ts';
import { type ValidationContext, validateFlow, validateSchedule } from '../../schema/validate.ts';
import { formatIssue } from '../simulator/flow-tests.ts';
import { loadFlowContext, readJsonFile } from '../simulator/load-files.ts';
import { type Command, type Io, UsageError } from './io.ts';

const usage = `Usage: flowcall validate <file.json>…

Checks flows, business-hours schedules and flow-test files (detected from their content).
A flow is checked against the schedules/ folder and channels.json next to it.
Prints one line per issue: file: /pointer: message [code]
Exit: 0 all valid, 1 any invalid, 2 any file unreadable or not JSON.`;

export type DocumentKind = 'flow' | 'schedule' | 'flow-test';

/** What a JSON document is, from its content; anything unrecognisable is checked as a flow. */
export function detectKind(doc: unknown): DocumentKind {
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    if ('nodes' in doc) return 'flow';
    if ('weekly' in doc) return 'schedule';
    if ('cases' in doc) return 'flow-test';
  }
  return 'flow';
}

/** `file: /pointer: message [code]`, warnings prefixed with `warning: `. */
export function issueLine(file: string, issue: Issue): string {
  const line = `${file}: ${formatIssue(issue)}`;
  return issue.severity === 'warning' ? `warning: ${line}` : line;
}

async function run(args: string[], io: Io): Promise<number> {
  const files = args.filter((arg) => arg !== '--');
  const option = files.find((arg) => arg.startsWith('-') && arg !== '-');
  if (option !== undefined) throw new UsageError(`unknown option "${option}"`);
  if (files.length === 0) throw new UsageError('name at least one file to validate');
  let exit = 0;
  for (const file of files) {
    const read = readJsonFile(file);
    if (!read.ok) {
      io.out(`${file}: ${read.message}`);
      exit = 2;
      continue;
    }
    const issues = issuesOf(file, read.value, io);
    for (const issue of issues) io.out(issueLine(file, issue));
    if (issues.some((issue) => issue.severity === 'error')) exit = Math.max(exit, 1);
    else io.out(`${file}: ok`);
  }
  return exit;
}

function issuesOf(file: string, doc: unknown, io: Io): Issue[] {
  const kind = detectKind(doc);
  if (kind === 'schedule') return validateSchedule(doc);
  if (kind === 'flow-test') return checkStructure('flow-test', doc);
  const loaded = loadFlowContext(file);
  for (const warning of loaded.warnings) io.err(`warning: ${warning}`);
  const context: ValidationContext = {};
  if (loaded.schedules) context.schedules = loaded.schedules;
  if (loaded.channels) context.channels = loaded.channels;
  return validateFlow(doc, context);
}

export const validateCommand: Command = {
  summary: 'check flows, schedules and flow-test files',
  usage,
  run,
};
