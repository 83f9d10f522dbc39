/**
 * `validateFlow` and `validateSchedule`: Ajv structure first, then the semantic checks of the
 * flow language. Same function in the editor, the HTTP API and the CLI.
 */

import { buildFlowGraph } from './checks/flow-graph.ts';
import { graphIssues, loopIssues } from './checks/graph-checks.ts';
import { semanticFlowIssues, semanticScheduleIssues } from './checks/index.ts';
import type { ScheduleDocument } from './generated/schedule.ts';
import type { Issue } from './issue.ts';
import type { Flow } from './kinds.ts';
import { checkStructure } from './structure.ts';

export interface ValidationContext {
  /** Schedules that hours steps may name, by id. Unknown names are errors when given. */
  schedules?: Readonly<Record<string, ScheduleDocument>>;
  /** Ids of configured notification channels. When given, unknown channels are errors. */
  channels?: readonly string[];
}

export function validateFlow(doc: unknown, context: ValidationContext = {}): Issue[] {
  if (isObject(doc) && 'schemaVersion' in doc && doc.schemaVersion !== 1) {
    return [
      {
        code: 'schema-version',
        severity: 'error',
        path: '/schemaVersion',
        message: `unsupported schemaVersion ${JSON.stringify(doc.schemaVersion)}: this version of flowcall reads 1`,
      },
    ];
  }
  const structural = withNodeIds(doc, checkStructure('flow', doc));
  if (structural.length > 0) return [...structural, ...connectionIssuesDespite(doc, structural)];
  // Schedules in the context are only looked up by id, not validated again: whoever loads them
  // validates them with validateSchedule (the CLI and the API report those issues per file).
  return semanticFlowIssues(doc as Flow, context);
}

/**
 * A step whose form is half filled in (no schedule chosen yet, an empty phone number) fails the
 * schema, yet the connections around it can still be judged. Without this, dropping one such
 * step on the canvas would hide every unconnected port and unreachable step until its form is
 * complete. Only when every structural issue lies inside some step's params, outside a menu's
 * options (they define ports): then ids, kinds, `next` and `start` are all well formed.
 */
function connectionIssuesDespite(doc: unknown, structural: Issue[]): Issue[] {
  const paramsOnly = structural.every(
    (issue) =>
      /^\/nodes\/\d+\/params(\/|$)/.test(issue.path) && !/^\/nodes\/\d+\/params\/options/.test(issue.path),
  );
  if (!paramsOnly) return [];
  try {
    const graph = buildFlowGraph(doc as Flow);
    return [...graphIssues(graph), ...loopIssues(graph)];
  } catch {
    // A menu without its options list has no ports to judge yet.
    return [];
  }
}

export function validateSchedule(doc: unknown): Issue[] {
  const structural = checkStructure('schedule', doc);
  if (structural.length > 0) return structural;
  return semanticScheduleIssues(doc as ScheduleDocument);
}

/** Adds the node id to issues under /nodes/N so the editor can badge the node. */
function withNodeIds(doc: unknown, issues: Issue[]): Issue[] {
  if (!isObject(doc) || !Array.isArray(doc.nodes)) return issues;
  const nodes = doc.nodes as unknown[];
  return issues.map((issue) => {
    const match = /^\/nodes\/(\d+)(\/|$)/.exec(issue.path);
    if (!match) return issue;
    const node = nodes[Number(match[1])];
    const id = isObject(node) && typeof node.id === 'string' ? node.id : undefined;
    return id ? { ...issue, nodeId: id } : issue;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
