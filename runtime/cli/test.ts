/**
 * `flowcall test [paths…]`: runs every flow-test file found (default: the current folder).
 * Prints per flow its cases (✓/✗ with reasons) and coverage, then exactly one final line
 * `N passed, N failed` counting cases. Exit 1 on any failure, 2 for a path that does not exist.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  type CoverageSummary,
  formatCoverage,
  mergeCoverage,
  summariseCoverage,
} from '../simulator/coverage.ts';
import {
  type FlowTestContext,
  type FlowTestReport,
  formatIssue,
  runFlowTests,
} from '../simulator/flow-tests.ts';
import {
  isDirectory,
  isFile,
  loadFlowContext,
  loadScheduleFiles,
  readJsonFile,
  readTestFile,
} from '../simulator/load-files.ts';
import type { Coverage } from '../simulator/types.ts';
import { type Command, type Io, UsageError } from './io.ts';

const usage = `Usage: flowcall test [paths…]

Runs flow-test files (*.test.json) found under the paths (default: the current folder;
node_modules, dist, data and .git are skipped). Prints each case, the coverage of each flow,
and a final line "N passed, N failed". Exit 1 when any case fails.`;

/** What one test file produced, before printing. */
interface FileOutcome {
  testPath: string;
  /** Printed under the heading before the cases: load warnings, document problems. */
  notes: string[];
  cases: Array<{ name: string; passed: boolean; reasons: string[] }>;
  coverage?: Coverage;
  /** A file that could not run at all counts as one failure. */
  brokenFile?: boolean;
}

async function run(args: string[], io: Io): Promise<number> {
  const option = args.find((arg) => arg.startsWith('-'));
  if (option !== undefined) throw new UsageError(`unknown option "${option}"`);
  const found = findTestFiles(args.length > 0 ? args : ['.']);
  if (!found.ok) {
    io.err(`${found.missing}: no such file or folder`);
    return 2;
  }
  const show = (path: string) => relative(io.cwd, resolve(io.cwd, path)) || '.';
  // Group by flow so coverage adds up over every test file of the same flow.
  const byFlow = new Map<string, FileOutcome[]>();
  for (const testPath of found.files) {
    const { flowKey, outcome } = runTestFile(testPath, show);
    byFlow.set(flowKey, [...(byFlow.get(flowKey) ?? []), outcome]);
  }
  let passed = 0;
  let failed = 0;
  for (const [flowKey, outcomes] of byFlow) {
    io.out(flowKey);
    // Several test files of one flow: each gets a sub-heading and its cases go one level in.
    const nested = outcomes.length > 1;
    const pad = nested ? '    ' : '  ';
    for (const outcome of outcomes) {
      if (nested) io.out(`  ${show(outcome.testPath)}`);
      for (const note of outcome.notes) io.out(`${pad}${note}`);
      if (outcome.brokenFile) failed++;
      for (const c of outcome.cases) {
        io.out(`${pad}${c.passed ? '✓' : '✗'} ${c.name}`);
        for (const reason of c.reasons) io.out(indent(reason, `${pad}    `));
        if (c.passed) passed++;
        else failed++;
      }
    }
    const coverages = outcomes.flatMap((o) => (o.coverage ? [o.coverage] : []));
    if (coverages.length > 0) printCoverage(summariseCoverage(mergeCoverage(...coverages)), io);
    io.out('');
  }
  if (found.files.length === 0) io.out(`no *.test.json files found in ${args.join(', ') || '.'}`);
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 || found.files.length === 0 ? 1 : 0;
}

function printCoverage(summary: CoverageSummary, io: Io): void {
  io.out(`  coverage: ${formatCoverage(summary)}`);
  if (summary.uncoveredPorts.length > 0) io.out(`  uncovered ports: ${summary.uncoveredPorts.join(', ')}`);
  if (summary.uncoveredNodes.length > 0) io.out(`  uncovered nodes: ${summary.uncoveredNodes.join(', ')}`);
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function runTestFile(
  testPath: string,
  show: (path: string) => string,
): { flowKey: string; outcome: FileOutcome } {
  const outcome: FileOutcome = { testPath, notes: [], cases: [] };
  const broken = (key: string, message: string) => {
    outcome.brokenFile = true;
    outcome.notes.push(`✗ ${message}`);
    return { flowKey: key, outcome };
  };
  const read = readTestFile(testPath);
  if (!read.ok) return broken(show(testPath), `${show(testPath)}: ${read.message}`);
  const { file } = read;
  if (!file.flowPath) {
    // The structure check below names what is missing.
    const report = runFlowTests(file.doc, undefined);
    return broken(show(testPath), documentProblem(show(testPath), report));
  }
  const flowKey = show(file.flowPath);
  const flowRead = readJsonFile(file.flowPath);
  const context: FlowTestContext = {};
  const loaded = loadFlowContext(file.flowPath);
  if (loaded.channels) context.channels = loaded.channels;
  const schedules = file.schedulePaths ? loadScheduleFiles(file.schedulePaths) : loaded;
  if (schedules.schedules) context.schedules = schedules.schedules;
  const warnings = file.schedulePaths ? [...loaded.warnings, ...schedules.warnings] : loaded.warnings;
  for (const warning of new Set(warnings)) outcome.notes.push(`warning: ${warning}`);
  if (!flowRead.ok) {
    const report = runFlowTests(file.doc, undefined, context);
    if (report.documentIssues.length > 0) return broken(flowKey, documentProblem(show(testPath), report));
    const reason = `flow ${flowKey}: ${flowRead.message}`;
    outcome.cases = report.cases.map((c) => ({ name: c.name, passed: false, reasons: [reason] }));
    return { flowKey, outcome };
  }
  const report = runFlowTests(file.doc, flowRead.value, context);
  if (report.documentIssues.length > 0) return broken(flowKey, documentProblem(show(testPath), report));
  for (const issue of report.flowIssues.filter((i) => i.severity === 'warning'))
    outcome.notes.push(`warning: ${flowKey}: ${formatIssue(issue)}`);
  outcome.cases = report.cases.map(({ name, passed, reasons }) => ({ name, passed, reasons }));
  if (report.coverage) outcome.coverage = report.coverage;
  return { flowKey, outcome };
}

function documentProblem(testPath: string, report: FlowTestReport): string {
  const issues = report.documentIssues.map((issue) => `${testPath}: ${formatIssue(issue)}`);
  return `not a valid flow-test file\n      ${issues.join('\n      ')}`;
}

/** Folders that hold dependencies, builds, data or history, never flow tests. */
const skipped = new Set(['node_modules', 'dist', 'data', '.git']);

export type FoundTests = { ok: true; files: string[] } | { ok: false; missing: string };

/** A file given by name is taken as it is; folders are searched recursively. Sorted, unique. */
export function findTestFiles(paths: readonly string[]): FoundTests {
  const found = new Set<string>();
  for (const path of paths) {
    if (isFile(path)) found.add(path);
    else if (isDirectory(path)) walk(path, found);
    else return { ok: false, missing: path };
  }
  return { ok: true, files: [...found].sort() };
}

function walk(dir: string, found: Set<string>): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipped.has(entry.name)) walk(path, found);
    } else if (entry.isFile() && entry.name.endsWith('.test.json')) found.add(path);
  }
}

export const testCommand: Command = {
  summary: 'run flow-test files (*.test.json) and report coverage',
  usage,
  run,
};
