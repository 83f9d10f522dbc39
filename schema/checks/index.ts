/**
 * The semantic checks of flows and schedules: what the JSON Schema cannot say. They run only on
 * documents the schema accepted, so they may trust the generated types. One file per family:
 * graph-checks (edges, reachability, loops), variable-flow (templates and the variable dataflow),
 * reference-checks (schedules, channels), value-checks (numbers, SMS, digits, prompts),
 * schedule-checks (business-hours windows and dates).
 *
 * May import: other files of schema/ only (pure, browser-safe; no node:*, nothing from runtime/).
 */
import type { ScheduleDocument } from '../generated/schedule.ts';
import type { Issue } from '../issue.ts';
import type { Flow } from '../kinds.ts';
import { buildFlowGraph } from './flow-graph.ts';
import { graphIssues, loopIssues } from './graph-checks.ts';
import { type ReferenceContext, referenceIssues } from './reference-checks.ts';
import { scheduleIssues } from './schedule-checks.ts';
import { valueIssues } from './value-checks.ts';
import { variableIssues } from './variable-flow.ts';

/**
 * Every semantic issue of a flow. The graph (id → index map, successor lists, reachability) is
 * built once and shared, which keeps the whole pass linear in the size of the flow.
 */
export function semanticFlowIssues(flow: Flow, context: ReferenceContext): Issue[] {
  const graph = buildFlowGraph(flow);
  return [
    ...graphIssues(graph),
    ...loopIssues(graph),
    ...referenceIssues(flow, context),
    ...variableIssues(graph),
    ...valueIssues(flow.nodes),
  ];
}

export function semanticScheduleIssues(schedule: ScheduleDocument): Issue[] {
  return scheduleIssues(schedule);
}
