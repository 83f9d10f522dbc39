/**
 * The simulated call behind the panel: a SimulationSession over a snapshot of the flow (the
 * flow may be edited while the call runs; the call keeps the version it started with, like a
 * live call pinned to its published version). After every step the path, the active node and
 * the ports taken go to the editor store for the canvas to highlight; they are cleared when the
 * call is reset and when the panel goes away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Action } from '../../runtime/engine/types.ts';
import type { SimulationSession } from '../../runtime/simulator/session.ts';
import { startSimulation } from '../../runtime/simulator/simulate.ts';
import type { ScriptStep, SimulationResult } from '../../runtime/simulator/types.ts';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { type SimEntry, simulationHighlight, transcriptEntries } from '../model/sim-transcript.ts';
import { useEditor } from '../state/editor-store.ts';

export interface CallSetup {
  /** ISO 8601 with +09:00. */
  at: string;
  /** As typed, or 'anonymous'. */
  from: string;
}

export interface SimulationRun {
  flow: FlowDocument;
  setup: CallSetup;
  /** Steps the call accepted, in order: the script of a saved test case. */
  steps: ScriptStep[];
  result: SimulationResult;
  entries: SimEntry[];
  /** What the caller may do now (null once the call ended). */
  waiting: SimulationSession['waiting'];
  listensForSpeech: boolean;
  /** The collect of the menu or number entry waiting now (digits allowed, # to finish). */
  collect: Extract<Action, { type: 'collect' }> | undefined;
  /** The last step the call could not use, in the simulator's words. */
  problem: string | undefined;
}

function snapshot(
  session: SimulationSession,
  base: Omit<SimulationRun, 'result' | 'entries' | 'waiting' | 'listensForSpeech' | 'collect'>,
): SimulationRun {
  const result = session.result();
  const waiting = session.waiting;
  const collect = [...result.actions]
    .reverse()
    .find(
      (a): a is Extract<Action, { type: 'collect' }> => a.type === 'collect' && a.nodeId === waiting?.nodeId,
    );
  return {
    ...base,
    result,
    entries: transcriptEntries(session.lines, result.actions, base.steps),
    waiting,
    listensForSpeech: session.listensForSpeech(),
    collect: waiting && (waiting.kind === 'menu' || waiting.kind === 'input') ? collect : undefined,
  };
}

export function useSimulation() {
  const setSimulation = useEditor((s) => s.setSimulation);
  const session = useRef<SimulationSession | null>(null);
  const [run, setRun] = useState<SimulationRun | null>(null);

  const publish = useCallback(
    (next: SimulationRun | null) => {
      setRun(next);
      setSimulation(next ? simulationHighlight(next.result.state, next.result.trace) : null);
    },
    [setSimulation],
  );

  const start = useCallback(
    (flow: FlowDocument, schedules: Readonly<Record<string, ScheduleDocument>>, setup: CallSetup) => {
      const started = startSimulation(flow, { at: setup.at, from: setup.from, schedules });
      session.current = started;
      publish(snapshot(started, { flow, setup, steps: [], problem: undefined }));
    },
    [publish],
  );

  const act = useCallback(
    (step: ScriptStep) => {
      const current = session.current;
      if (!current || !run) return;
      const problem = current.apply(step);
      const steps = problem ? run.steps : [...run.steps, step];
      publish(snapshot(current, { flow: run.flow, setup: run.setup, steps, problem: problem?.message }));
    },
    [publish, run],
  );

  const reset = useCallback(() => {
    session.current = null;
    publish(null);
  }, [publish]);

  // Leaving the page must not leave a stale path lit on the canvas.
  useEffect(() => () => setSimulation(null), [setSimulation]);

  // Opening another document (a rollback reloads the flow) clears the highlight in the store:
  // the call shown here belonged to the old document, so it goes too.
  const highlighted = useEditor((s) => s.simulation !== null);
  useEffect(() => {
    if (!highlighted && session.current) {
      session.current = null;
      setRun(null);
    }
  }, [highlighted]);

  return { run, start, act, reset };
}
