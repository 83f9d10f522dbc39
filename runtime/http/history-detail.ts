/**
 * One call in full for the call log's detail view: the steps it went through (from the stored
 * trace, with the flow version's step names, for drawing the path on the canvas), its variables
 * and transcript, the SMS and notifications it caused with their delivery status from the
 * outbox (and the carrier's receipt for SMS), and its recordings.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import { saveBaseOf } from '../../schema/kinds.ts';
import type { TraceEntry } from '../engine/types.ts';
import { traceOf } from '../history/history-sender.ts';
import type { RecordingStorage } from '../store/recording-storage.ts';
import type { CallEventRecord, OutboxItem, Store } from '../store/types.ts';
import { callNotifications } from './api-channels.ts';

export interface StepView {
  nodeId: string;
  kind: string;
  /** The step's name in the flow (its label, else its id). */
  label: string;
  at: string;
  /** The port it left by and where that led; absent for the step the call ended or waits at. */
  port?: string;
  target?: string | null;
}

/** Entered steps in order, each with the port it left by. */
export function stepsOf(trace: readonly TraceEntry[], flow: FlowDocument | undefined): StepView[] {
  const labels = new Map(flow?.nodes.map((n) => [n.id, n.label ?? n.id]) ?? []);
  const steps: StepView[] = [];
  const open = new Map<string, StepView>();
  for (const entry of trace) {
    if (entry.type === 'enter') {
      const step = {
        nodeId: entry.nodeId,
        kind: entry.kind,
        label: labels.get(entry.nodeId) ?? entry.nodeId,
        at: entry.at,
      };
      steps.push(step);
      open.set(entry.nodeId, step);
    } else if (entry.type === 'port') {
      const step = open.get(entry.nodeId);
      if (step && step.port === undefined) {
        step.port = entry.port;
        step.target = entry.target;
      }
    }
  }
  return steps;
}

/** sent / failed (given up) / retrying / pending — as the notifications list words it. */
export function deliveryStatus(item: OutboxItem): 'sent' | 'failed' | 'retrying' | 'pending' {
  if (item.status === 'done') return 'sent';
  if (item.status === 'dead') return 'failed';
  return item.attempts > 0 ? 'retrying' : 'pending';
}

async function smsOf(store: Store, items: readonly OutboxItem[]) {
  const sms = items.filter((item) => item.kind === 'sms');
  return Promise.all(
    sms.map(async (item) => {
      const uuid = typeof item.result?.messageUuid === 'string' ? item.result.messageUuid : undefined;
      const receipts = uuid ? await store.smsStatuses.forMessage(uuid) : [];
      return {
        nodeId: typeof item.payload.nodeId === 'string' ? item.payload.nodeId : null,
        to: item.payload.to,
        text: item.payload.text,
        status: deliveryStatus(item),
        attempts: item.attempts,
        lastError: item.lastError,
        sentAt: item.status === 'done' ? item.updatedAt : null,
        /** The carrier's latest receipt (delivered, rejected…), when one came. */
        delivery: receipts[receipts.length - 1]?.status ?? null,
      };
    }),
  );
}

async function recordingsOf(
  callId: string,
  vars: Record<string, string>,
  flow: FlowDocument | undefined,
  path: readonly string[],
  storage: RecordingStorage | undefined,
) {
  const visited = new Set(path);
  const nodes = flow?.nodes.filter((n) => n.kind === 'record' && visited.has(n.id)) ?? [];
  return Promise.all(
    nodes.map(async (node) => {
      const base = saveBaseOf(node);
      const stored = await storage?.stat(callId, node.id);
      const seconds = Number(vars[`${base}.seconds`] ?? 0);
      return {
        nodeId: node.id,
        label: node.label ?? node.id,
        seconds: Number.isFinite(seconds) ? seconds : 0,
        transcript: vars[`${base}.transcript`] ?? null,
        /** Whether Vonage gave us a file (a message left), and whether our copy of it is kept. */
        recorded: Boolean(vars[`${base}.recordingUrl`]),
        stored: stored !== undefined,
        size: stored?.size ?? null,
        url: `/api/history/calls/${encodeURIComponent(callId)}/recordings/${encodeURIComponent(node.id)}`,
      };
    }),
  );
}

export interface DetailInput {
  store: Store;
  callId: string;
  events: readonly CallEventRecord[];
  flow: FlowDocument | undefined;
  vars: Record<string, string>;
  path: string[];
  recordings?: RecordingStorage | undefined;
}

/** The parts of the detail besides the call log entry itself. */
export async function callDetailParts(input: DetailInput) {
  const items = await input.store.outbox.list({ callId: input.callId });
  return {
    path: input.path,
    steps: stepsOf(traceOf(input.events), input.flow),
    vars: input.vars,
    sms: await smsOf(input.store, items),
    notifications: await callNotifications(input.store, input.callId),
    recordings: await recordingsOf(input.callId, input.vars, input.flow, input.path, input.recordings),
  };
}
