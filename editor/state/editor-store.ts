/**
 * The open flow and everything around it, in one zustand store (the library @xyflow/react itself
 * uses). The FlowDocument is the single source of truth: the canvas, inspector and JSON view all
 * read it and change it through `apply` with the pure edits of model/flow-edits.ts, so undo/redo
 * is a list of documents and every view stays in step.
 */
import { create } from 'zustand';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Issue } from '../../schema/issue.ts';
import { validateFlow } from '../../schema/validate.ts';
import type { ChannelChoice } from '../model/pages-channels.ts';

const historyLimit = 200;

export interface SimulationView {
  /** Node ids taken so far, in order (highlighted on the canvas). */
  path: string[];
  /** The node the call waits at now. */
  activeNodeId: string | null;
  /** Ports taken, as `nodeId:port`. */
  ports: string[];
}

export interface EditorState {
  flow: FlowDocument | null;
  /** The document as last saved on the server (to know whether there are unsaved changes). */
  saved: FlowDocument | null;
  publishedVersion: number | null;
  past: FlowDocument[];
  future: FlowDocument[];
  selection: string[];
  issues: Issue[];
  schedules: Record<string, ScheduleDocument>;
  channels: string[] | undefined;
  /** The channels' names and health, for the pickers (validation needs only the ids above). */
  channelChoices: Record<string, ChannelChoice>;
  simulation: SimulationView | null;
  /** A node the canvas should scroll to (set by the problems list); `n` changes on every request. */
  focus: { nodeId: string; n: number } | null;
  requestFocus(nodeId: string): void;
  /** Loads a flow into the editor (history cleared). */
  open(flow: FlowDocument, publishedVersion: number | null): void;
  /**
   * Applies an edit. `coalesce` merges it with the previous history entry when it has the same
   * key (typing in one field, dragging one node) so undo goes back a whole gesture.
   */
  apply(edit: (flow: FlowDocument) => FlowDocument, coalesce?: string): void;
  undo(): void;
  redo(): void;
  select(ids: string[]): void;
  markSaved(flow: FlowDocument, publishedVersion?: number | null): void;
  setContext(schedules: Record<string, ScheduleDocument>, channels: string[] | undefined): void;
  setChannelChoices(choices: Record<string, ChannelChoice>): void;
  setSimulation(view: SimulationView | null): void;
  close(): void;
}

let lastCoalesce: string | undefined;

function check(
  flow: FlowDocument | null,
  schedules: Record<string, ScheduleDocument>,
  channels: string[] | undefined,
): Issue[] {
  if (!flow) return [];
  return validateFlow(flow, { schedules, ...(channels ? { channels } : {}) });
}

export const useEditor = create<EditorState>()((set, get) => ({
  flow: null,
  saved: null,
  publishedVersion: null,
  past: [],
  future: [],
  selection: [],
  issues: [],
  schedules: {},
  channels: undefined,
  channelChoices: {},
  simulation: null,
  focus: null,

  requestFocus(nodeId) {
    set({ selection: [nodeId], focus: { nodeId, n: (get().focus?.n ?? 0) + 1 } });
  },

  open(flow, publishedVersion) {
    lastCoalesce = undefined;
    const { schedules, channels } = get();
    set({
      flow,
      saved: flow,
      publishedVersion,
      past: [],
      future: [],
      selection: [],
      simulation: null,
      issues: check(flow, schedules, channels),
    });
  },

  apply(edit, coalesce) {
    const { flow, past, schedules, channels } = get();
    if (!flow) return;
    const next = edit(flow);
    if (next === flow) return;
    const merge = coalesce !== undefined && coalesce === lastCoalesce && past.length > 0;
    lastCoalesce = coalesce;
    set({
      flow: next,
      past: merge ? past : [...past.slice(-historyLimit + 1), flow],
      future: [],
      issues: check(next, schedules, channels),
    });
  },

  undo() {
    const { flow, past, future, schedules, channels } = get();
    const previous = past.at(-1);
    if (!flow || !previous) return;
    lastCoalesce = undefined;
    set({
      flow: previous,
      past: past.slice(0, -1),
      future: [flow, ...future],
      issues: check(previous, schedules, channels),
    });
  },

  redo() {
    const { flow, past, future, schedules, channels } = get();
    const next = future[0];
    if (!flow || !next) return;
    lastCoalesce = undefined;
    set({
      flow: next,
      past: [...past, flow],
      future: future.slice(1),
      issues: check(next, schedules, channels),
    });
  },

  select(ids) {
    set({ selection: ids });
  },

  markSaved(flow, publishedVersion) {
    set(publishedVersion === undefined ? { saved: flow } : { saved: flow, publishedVersion });
  },

  setContext(schedules, channels) {
    set({ schedules, channels, issues: check(get().flow, schedules, channels) });
  },

  setChannelChoices(choices) {
    set({ channelChoices: choices });
  },

  setSimulation(view) {
    set({ simulation: view });
  },

  close() {
    set({ flow: null, saved: null, past: [], future: [], selection: [], issues: [], simulation: null });
  },
}));

/** True when the open flow differs from what the server has. */
export function hasUnsavedChanges(state: Pick<EditorState, 'flow' | 'saved'>): boolean {
  return (
    state.flow !== null &&
    state.flow !== state.saved &&
    JSON.stringify(state.flow) !== JSON.stringify(state.saved)
  );
}
