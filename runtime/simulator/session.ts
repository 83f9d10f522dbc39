/**
 * A simulated call in progress: the engine driven one script step at a time, on a virtual clock.
 * `simulate` feeds it a whole script; the CLI's interactive mode feeds it what the tester types.
 * The engine is passed in, so the session is testable without it and never imports I/O.
 */
import type { Flow } from '../../schema/kinds.ts';
import { toVonageNumber } from '../../schema/phone.ts';
import type {
  Action,
  CallEvent,
  CallStart,
  CallState,
  EngineEnv,
  TraceEntry,
  Turn,
  Waiting,
} from '../engine/types.ts';
import { coverageFromTrace } from './coverage.ts';
import { eventForStep, recordingUrl, stepLabel } from './script.ts';
import { lineForStep, linesForActions } from './transcript.ts';
import type {
  ScriptProblem,
  ScriptStep,
  SimulateOptions,
  SimulationResult,
  TranscriptLine,
} from './types.ts';
import { turnAudioSeconds, VirtualClock } from './virtual-clock.ts';

export interface Engine {
  startCall(flow: Flow, call: CallStart, env?: EngineEnv): Turn;
  step(flow: Flow, state: CallState, event: CallEvent, env?: EngineEnv): Turn;
}

export const defaultFrom = '+819012345678';
export const defaultTo = '+815012345678';
export const defaultCallId = 'sim-call';
/** How long staff and caller talk after an answered transfer before the bridged call ends. */
const bridgeSeconds = 60;

export class SimulationSession {
  private state: CallState;
  private readonly actions: Action[] = [];
  private readonly trace: TraceEntry[] = [];
  private readonly transcript: TranscriptLine[] = [];
  private readonly problems: ScriptProblem[] = [];
  private readonly clock: VirtualClock;
  private readonly env: EngineEnv;
  private readonly callId: string;
  /** Actions of the latest turn: its prompts take time, its collect says what is allowed. */
  private turnActions: Action[] = [];
  private nextStep = 0;
  private callerGone = false;

  /** Throws a RangeError when `options.at` is not an ISO 8601 instant with an offset. */
  constructor(
    private readonly flow: Flow,
    options: SimulateOptions,
    private readonly engine: Engine,
  ) {
    this.clock = new VirtualClock(options.at);
    this.callId = options.callId ?? defaultCallId;
    this.env = options.schedules ? { schedules: options.schedules } : {};
    const call: CallStart = {
      callId: this.callId,
      // As Vonage sends them: E.164 digits without the plus. Anything else goes through as typed.
      from: asReceived(options.from ?? defaultFrom),
      to: asReceived(options.to ?? defaultTo),
      at: this.clock.now(),
    };
    if (options.callerName !== undefined) call.callerName = options.callerName;
    const turn = engine.startCall(flow, call, this.env);
    this.state = turn.state;
    this.absorb(turn, call.at);
    this.advanceAutomatically();
  }

  /** What the call waits for from the script; null once it ended. */
  get waiting(): Waiting | null {
    return this.state.status === 'waiting' ? this.state.waiting : null;
  }

  get ended(): boolean {
    return this.state.status === 'ended';
  }

  /** Transcript lines so far (the interactive mode prints the new ones after each step). */
  get lines(): readonly TranscriptLine[] {
    return this.transcript;
  }

  /** Whether the menu or input waiting now also takes speech (its collect lists speech hints). */
  listensForSpeech(): boolean {
    const waiting = this.waiting;
    return this.turnActions.some(
      (a) => a.type === 'collect' && a.nodeId === waiting?.nodeId && a.speech !== undefined,
    );
  }

  /**
   * Plays the next script step. Returns the problem when the step does not fit what the call
   * waits for; the call is then unchanged.
   */
  apply(step: ScriptStep): ScriptProblem | undefined {
    const index = this.nextStep++;
    const label = stepLabel(index, step);
    const waiting = this.waiting;
    if (!waiting) return this.problem(index, `${label} was not used: the call had already ended`);
    const mapped = eventForStep(step, waiting, this.turnActions, { callId: this.callId });
    if (!mapped.ok) return this.problem(index, `${label}: ${mapped.reason}`);
    const at = this.clock.advance(turnAudioSeconds(this.turnActions) + mapped.waitSeconds);
    this.transcript.push(lineForStep(step, at));
    if ('hangup' in step) this.callerGone = true;
    const ignored = this.send(mapped.event, at);
    if (ignored) return this.problem(index, `${label}: the call did not accept it (${ignored})`);
    this.advanceAutomatically();
    return undefined;
  }

  /** The script has nothing more for a waiting call: the simulated caller hangs up. */
  hangUpAtEndOfScript(why = 'the script has no more steps'): void {
    if (!this.waiting) return;
    const at = this.clock.advance(turnAudioSeconds(this.turnActions) + 1);
    this.transcript.push({ at, who: 'note', text: `${why}: the caller hangs up` });
    this.callerGone = true;
    this.send({ type: 'hangup', at }, at);
    this.advanceAutomatically();
    if (this.waiting) {
      this.problem(-1, `the call still waits at '${this.waiting.nodeId}' after the caller hung up`);
    }
  }

  result(): SimulationResult {
    const state = this.state;
    const trace = [...this.trace];
    const result: Omit<SimulationResult, 'coverage'> = {
      path: [...state.path],
      actions: [...this.actions],
      vars: { ...state.vars },
      result: state.status === 'ended' && state.result ? state.result : 'unfinished',
      effects: this.actions.filter(
        (a): a is Extract<Action, { type: 'send-sms' | 'notify' }> =>
          a.type === 'send-sms' || a.type === 'notify',
      ),
      transcript: [...this.transcript],
      trace,
      problems: [...this.problems],
      state,
      endedAt: this.clock.now(),
    };
    if (state.failure) result.failure = state.failure;
    // Coverage lists every node and port of the flow: on a large flow that costs more than the
    // call itself, so it is computed on first read (still an ordinary enumerable property).
    let coverage: SimulationResult['coverage'] | undefined;
    const flow = this.flow;
    Object.defineProperty(result, 'coverage', {
      enumerable: true,
      configurable: true,
      get: () => {
        coverage ??= coverageFromTrace(flow, trace);
        return coverage;
      },
    });
    return result as SimulationResult;
  }

  /** Sends an event; returns the engine's reason when it ignored the event. */
  private send(event: CallEvent, at: string): string | undefined {
    const stamped = { ...event, at } as CallEvent;
    if (stamped.type !== 'hangup' && stamped.type !== 'transcribed') stamped.seq = this.state.seq;
    const turn = this.engine.step(this.flow, this.state, stamped, this.env);
    const ignored = turn.trace.find((entry) => entry.type === 'ignored');
    // An ignored event leaves the state as it was; a hang-up during a recording is reported as
    // ignored too, but it does change the state (the caller is gone), so compare the content.
    const unchanged = ignored !== undefined && JSON.stringify(turn.state) === JSON.stringify(this.state);
    this.state = turn.state;
    this.absorb(turn, at);
    return unchanged ? ignored.reason : undefined;
  }

  private absorb(turn: Turn, at: string): void {
    this.actions.push(...turn.actions);
    this.trace.push(...turn.trace);
    this.transcript.push(...linesForActions(turn.actions, at));
    this.turnActions = turn.actions;
    // The goodbye is heard before the line drops: the call ends after its last prompt.
    if (turn.state.status === 'ended') this.clock.advance(turnAudioSeconds(turn.actions));
  }

  /** Waits nobody in the script answers: the end of a bridged call, a voicemail after a hang-up. */
  private advanceAutomatically(): void {
    for (let guard = 0; guard < 10; guard++) {
      const waiting = this.waiting;
      if (waiting?.kind === 'bridge') {
        const at = this.clock.advance(turnAudioSeconds(this.turnActions) + bridgeSeconds);
        this.transcript.push({ at, who: 'note', text: 'staff and caller talk; the transferred call ends' });
        if (this.send({ type: 'bridge-ended', at }, at)) return;
      } else if (waiting?.kind === 'record' && this.callerGone) {
        // Hanging up is how most callers finish a voicemail: Vonage then delivers the recording.
        const at = this.clock.now();
        this.transcript.push({ at, who: 'note', text: 'the recording ends with the hang-up' });
        const event: CallEvent = {
          type: 'recorded',
          at,
          recordingUrl: recordingUrl(this.callId, waiting.nodeId),
          seconds: 0,
        };
        if (this.send(event, at)) return;
      } else return;
    }
  }

  private problem(step: number, message: string): ScriptProblem {
    const problem = { step, message };
    this.problems.push(problem);
    return problem;
  }
}

function asReceived(number: string): string {
  return toVonageNumber(number) ?? number;
}
