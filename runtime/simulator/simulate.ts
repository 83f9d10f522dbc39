/**
 * `simulate(flow, script, options)`: one call of a flow against a scripted caller, on the same
 * engine as live calls (ARCHITECTURE §5). Bad scripts never throw: steps that do not fit what the
 * call waits for become `problems`, and the call stops there as 'unfinished'.
 */
import type { Flow } from '../../schema/kinds.ts';
import { startCall, step } from '../engine/engine.ts';
import { type Engine, SimulationSession } from './session.ts';
import type { ScriptStep, SimulateOptions, SimulationResult } from './types.ts';

export const engine: Engine = { startCall, step };

/** Throws a RangeError only when `options.at` is not an ISO 8601 instant with an offset. */
export function simulate(
  flow: Flow,
  script: readonly ScriptStep[],
  options: SimulateOptions,
  using: Engine = engine,
): SimulationResult {
  const session = new SimulationSession(flow, options, using);
  for (const step of script) {
    const problem = session.apply(step);
    // A step that does not fit leaves the rest of the script meaningless: stop there.
    if (problem && !session.ended) return session.result();
  }
  session.hangUpAtEndOfScript();
  return session.result();
}

/** A session for callers that decide one step at a time (the CLI's interactive mode). */
export function startSimulation(
  flow: Flow,
  options: SimulateOptions,
  using: Engine = engine,
): SimulationSession {
  return new SimulationSession(flow, options, using);
}
