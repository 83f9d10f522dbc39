/**
 * The flows the editor bench opens: the 300-step flow of bench/large-flow.ts, placed by the
 * editor's own auto-layout (as a user's flow would be after 「自動整列」) and stored through the
 * real API, and the restaurant example (12 steps) as the small reference.
 */

import { autoLayout } from '../editor/canvas/auto-layout.ts';
import { nodeSize } from '../editor/model/canvas-geometry.ts';
import type { FlowDocument } from '../schema/generated/flow.ts';
import { portsOf, targetOf } from '../schema/kinds.ts';
import { e2eOwner } from '../test/e2e/harness.ts';
import { largeFlow, officeSchedule } from './large-flow.ts';

export const largeFlowId = 'bench-large-300';
export const smallFlowId = 'restaurant';

/** What the page must show: each step's box in flow coordinates and the edges between steps. */
export interface FlowBoxes {
  start: string;
  nodes: Array<{ id: string; x: number; y: number; width: number; height: number }>;
  edges: Array<{ source: string; port: string; target: string }>;
}

export function boxesOf(flow: FlowDocument): FlowBoxes {
  return {
    start: flow.start,
    nodes: flow.nodes.map((node) => ({ id: node.id, ...node.ui!, ...nodeSize(node) })),
    edges: flow.nodes.flatMap((node) =>
      portsOf(node).flatMap((port) => {
        const target = targetOf(node, port);
        return target === undefined ? [] : [{ source: node.id, port, target }];
      }),
    ),
  };
}

/** The harness's owner logged in (the API needs a session since issue 7): cookie and CSRF headers. */
async function ownerHeaders(origin: string): Promise<Record<string, string>> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(e2eOwner),
  });
  if (!response.ok) throw new Error(`login as ${e2eOwner.email}: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, 'x-csrf-token': csrfToken };
}

async function send(origin: string, method: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(await ownerHeaders(origin)) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : undefined;
}

/** A notification channel the server knows, if it has one. */
async function someChannel(origin: string): Promise<string | undefined> {
  const response = await fetch(`${origin}/api/channels`, { headers: await ownerHeaders(origin) });
  if (!response.ok) return undefined;
  const channels = (await response.json()) as Array<{ id?: unknown }>;
  const id = Array.isArray(channels) ? channels[0]?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** Stores the 300-step flow (and the schedule its hours steps use) through the API. */
export async function createLargeFlow(origin: string): Promise<FlowBoxes> {
  await send(origin, 'PUT', `/api/schedules/${officeSchedule.id}`, officeSchedule);
  const channel = await someChannel(origin);
  const generated = largeFlow(300) as FlowDocument;
  const flow = autoLayout({
    ...generated,
    id: largeFlowId,
    name: '大規模フロー（300ステップ）',
    // The generator's channel id is not one the server knows: use one it does, or (none
    // configured) an announcement in the notification's place, which has the same port.
    nodes: generated.nodes.map((node) => {
      if (node.kind !== 'notify') return node;
      if (channel) return { ...node, params: { ...node.params, channel } };
      return { id: node.id, kind: 'say', params: { text: node.params.message }, next: node.next };
    }) as FlowDocument['nodes'],
  });
  if (flow.nodes.length !== 300) throw new Error(`the bench flow has ${flow.nodes.length} steps, not 300`);
  await send(origin, 'POST', '/api/flows', flow);
  return boxesOf(flow);
}

/** The restaurant example as the server seeded it. */
export async function smallFlowBoxes(origin: string): Promise<FlowBoxes> {
  const response = await fetch(`${origin}/api/flows/${smallFlowId}`, { headers: await ownerHeaders(origin) });
  if (!response.ok) throw new Error(`the ${smallFlowId} example is missing: ${response.status}`);
  const record = (await response.json()) as { draft: FlowDocument };
  return boxesOf(record.draft);
}
