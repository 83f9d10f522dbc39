/**
 * runtime/simulator — the second driver over the engine: a scripted or interactive caller on a
 * virtual clock, with transcript, path, side effects and per-port coverage (ARCHITECTURE §5).
 * The editor's simulator panel, `flowcall simulate` and `flowcall test` all use it.
 *
 * May import: runtime/engine and schema/. Browser-safe: no node:*, no real clock, no randomness —
 * except load-files.ts, which reads files for the CLI and is deliberately not exported here.
 */
export {
  type CoverageSummary,
  coverageFromTrace,
  emptyCoverage,
  formatCoverage,
  mergeCoverage,
  summariseCoverage,
} from './coverage.ts';
export { checkExpectations } from './expectations.ts';
export {
  type FlowTestCaseResult,
  type FlowTestContext,
  type FlowTestReport,
  formatIssue,
  runCase,
  runFlowTests,
} from './flow-tests.ts';
export { type JsonParse, parseJsonText } from './json-text.ts';
export { describeStep, stepLabel } from './script.ts';
export { type Engine, SimulationSession } from './session.ts';
export { simulate, startSimulation } from './simulate.ts';
export type * from './types.ts';
export { VirtualClock } from './virtual-clock.ts';
