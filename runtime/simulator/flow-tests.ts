/**
 * Runs a flow-test document (schema/flow-test.schema.json) against a flow: one simulated call
 * per case, each checked against its expectations, plus the coverage of all cases together.
 * Pure: the CLI reads the files, the editor could pass documents it already holds.
 */
import type { Case, FlowTestFile } from '../../schema/generated/flow-test.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { hasErrors, type Issue } from '../../schema/issue.ts';
import type { Flow } from '../../schema/kinds.ts';
import { checkStructure } from '../../schema/structure.ts';
import { validateFlow } from '../../schema/validate.ts';
import { mergeCoverage } from './coverage.ts';
import { checkExpectations } from './expectations.ts';
import type { Engine } from './session.ts';
import { engine as realEngine, simulate } from './simulate.ts';
import type { Coverage, SimulateOptions, SimulationResult } from './types.ts';

export interface FlowTestContext {
  schedules?: Readonly<Record<string, ScheduleDocument>>;
  /** Configured notification channel ids, for validating the flow. */
  channels?: readonly string[];
  /** For tests of this module; the real engine otherwise. */
  engine?: Engine;
}

export interface FlowTestCaseResult {
  name: string;
  passed: boolean;
  /** Why the case failed: one readable sentence per unmet expectation or script problem. */
  reasons: string[];
  /** The simulated call; absent when the case could not run (invalid flow or start time). */
  run?: SimulationResult;
}

export interface FlowTestReport {
  /** Problems with the test document itself; when present, no case ran. */
  documentIssues: Issue[];
  /** Validation issues of the flow (errors make every case fail; warnings are informative). */
  flowIssues: Issue[];
  cases: FlowTestCaseResult[];
  /** Coverage of all cases that ran; undefined when none could run. */
  coverage?: Coverage;
}

/** `file: /pointer: message [code]` without the file: the caller knows which file it was. */
export function formatIssue(issue: Issue): string {
  return `${issue.path || '/'}: ${issue.message} [${issue.code}]`;
}

export function runFlowTests(doc: unknown, flow: unknown, context: FlowTestContext = {}): FlowTestReport {
  const documentIssues = checkStructure('flow-test', doc);
  if (documentIssues.length > 0) return { documentIssues, flowIssues: [], cases: [] };
  const file = doc as FlowTestFile;
  const validation: { schedules?: Readonly<Record<string, ScheduleDocument>>; channels?: readonly string[] } =
    {};
  if (context.schedules) validation.schedules = context.schedules;
  if (context.channels) validation.channels = context.channels;
  const flowIssues = validateFlow(flow, validation);
  if (hasErrors(flowIssues)) {
    const reasons = flowIssues
      .filter((issue) => issue.severity === 'error')
      .map((issue) => `flow is invalid: ${formatIssue(issue)}`);
    return {
      documentIssues: [],
      flowIssues,
      cases: file.cases.map((c) => ({ name: c.name, passed: false, reasons })),
    };
  }
  const cases = file.cases.map((c) => runCase(c, flow as Flow, context));
  const runs = cases.flatMap((c) => (c.run ? [c.run.coverage] : []));
  const report: FlowTestReport = { documentIssues: [], flowIssues, cases };
  if (runs.length > 0) report.coverage = mergeCoverage(...runs);
  return report;
}

export function runCase(testCase: Case, flow: Flow, context: FlowTestContext = {}): FlowTestCaseResult {
  const options: SimulateOptions = { at: testCase.at, from: testCase.from };
  if (testCase.to !== undefined) options.to = testCase.to;
  if (testCase.callerName !== undefined) options.callerName = testCase.callerName;
  if (context.schedules) options.schedules = context.schedules;
  let run: SimulationResult;
  try {
    run = simulate(flow, testCase.script ?? [], options, context.engine ?? realEngine);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = error instanceof RangeError ? `at: ${message}` : `the simulation crashed: ${message}`;
    return { name: testCase.name, passed: false, reasons: [reason] };
  }
  const reasons = [
    ...run.problems.map((problem) => `script: ${problem.message}`),
    ...checkExpectations(testCase.expect, run),
  ];
  return { name: testCase.name, passed: reasons.length === 0, reasons, run };
}
