/**
 * Names a flow borrows from its surroundings: business-hours schedules and notification channels.
 * They are only checked when the caller knows them (the CLI without --schedules, or the editor
 * before the channel list has loaded, passes nothing and gets no false alarms).
 */
import type { Issue } from '../issue.ts';
import type { Flow } from '../kinds.ts';
import { nodeIssue, stepName } from './flow-graph.ts';

export interface ReferenceContext {
  schedules?: Readonly<Record<string, unknown>>;
  channels?: readonly string[];
}

export function referenceIssues(flow: Flow, context: ReferenceContext): Issue[] {
  const { schedules } = context;
  const channels = context.channels ? new Set(context.channels) : undefined;
  const issues: Issue[] = [];
  flow.nodes.forEach((node, index) => {
    if (node.kind === 'hours' && schedules && !Object.hasOwn(schedules, node.params.schedule)) {
      issues.push(
        nodeIssue(
          flow.nodes,
          index,
          'unknown-schedule',
          ['params', 'schedule'],
          `${stepName(node)} checks the schedule "${node.params.schedule}", which does not exist`,
        ),
      );
    }
    if (node.kind === 'notify' && channels && !channels.has(node.params.channel)) {
      issues.push(
        nodeIssue(
          flow.nodes,
          index,
          'unknown-channel',
          ['params', 'channel'],
          `${stepName(node)} notifies the channel "${node.params.channel}", which is not configured`,
        ),
      );
    }
  });
  const summary = flow.afterCallSummary;
  if (summary && channels && !channels.has(summary.channel)) {
    issues.push({
      code: 'unknown-channel',
      severity: 'error',
      path: '/afterCallSummary/channel',
      message: `the after-call summary goes to the channel "${summary.channel}", which is not configured`,
    });
  }
  return issues;
}
