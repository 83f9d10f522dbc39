/**
 * What a simulated call shows outside the engine: its transcript, and its highlight on the
 * canvas. The transcript becomes structured entries the panel can word in Japanese or English.
 * The session's own transcript lines are English sentences meant for the CLI; here each line is
 * matched back to the action or script step that produced it (in the session's order), so the
 * panel never has to parse English text.
 */
import type {
  Action,
  CallState,
  EndReason,
  TraceEntry,
  TransferOutcome,
} from '../../runtime/engine/types.ts';
import { lineForStep, linesForActions } from '../../runtime/simulator/transcript.ts';
import type { ScriptStep, TranscriptLine } from '../../runtime/simulator/types.ts';

export type SimNote =
  | { kind: 'record'; nodeId: string; beep: boolean; maxSeconds: number }
  | { kind: 'transfer'; nodeId: string; to: string[]; ringSeconds: number; attempt: number }
  | { kind: 'transfer-outcome'; outcome: TransferOutcome }
  | { kind: 'sms'; nodeId: string; to: string; segments: number; text: string }
  | { kind: 'notify'; nodeId: string; channel: string; message: string }
  | { kind: 'end'; reason: EndReason }
  | { kind: 'bridge-ended' }
  | { kind: 'recording-ended' }
  /** A line this module does not know (a newer simulator): shown as the session wrote it. */
  | { kind: 'other'; text: string };

export type SimEntry =
  /** What the caller hears. `speech` is the text once (without the repeat mark) for playback. */
  | { who: 'system'; at: string; nodeId: string; text: string; speech: string; repeat: number }
  | { who: 'caller'; at: string; step: ScriptStep }
  | { who: 'note'; at: string; note: SimNote };

const automaticNotes: Record<string, SimNote> = {
  'staff and caller talk; the transferred call ends': { kind: 'bridge-ended' },
  'the recording ends with the hang-up': { kind: 'recording-ended' },
};

function noteOf(action: Action): SimNote | undefined {
  switch (action.type) {
    case 'record':
      return { kind: 'record', nodeId: action.nodeId, beep: action.beep, maxSeconds: action.maxSeconds };
    case 'transfer':
      return {
        kind: 'transfer',
        nodeId: action.nodeId,
        to: action.to,
        ringSeconds: action.ringSeconds,
        attempt: action.attempt,
      };
    case 'send-sms':
      return {
        kind: 'sms',
        nodeId: action.nodeId,
        to: action.to,
        segments: action.segments,
        text: action.text,
      };
    case 'notify':
      return { kind: 'notify', nodeId: action.nodeId, channel: action.channel, message: action.message };
    case 'hangup':
      return { kind: 'end', reason: action.reason };
    default:
      return undefined;
  }
}

/**
 * Entries for the session's lines. `actions` are all actions of the call so far and `steps` the
 * script steps the call accepted, both in order: every line came from one of them or is one of
 * the session's automatic notes.
 */
export function transcriptEntries(
  lines: readonly TranscriptLine[],
  actions: readonly Action[],
  steps: readonly ScriptStep[],
): SimEntry[] {
  // Collects never produce a line; skipping them keeps actions and lines aligned.
  const spoken = actions.filter((a) => a.type !== 'collect');
  let ai = 0;
  let si = 0;
  const entries: SimEntry[] = [];
  for (const line of lines) {
    const action = spoken[ai];
    const step = steps[si];
    const actionLine = action ? linesForActions([action], line.at)[0] : undefined;
    if (action && actionLine?.who === line.who && actionLine.text === line.text) {
      ai++;
      if (action.type === 'say' || action.type === 'play') {
        const speech = action.type === 'say' ? action.text : '';
        entries.push({
          who: 'system',
          at: line.at,
          nodeId: action.nodeId,
          text: action.type === 'say' ? action.text : action.url,
          speech,
          repeat: action.repeat ?? 1,
        });
      } else {
        const note = noteOf(action);
        entries.push({ who: 'note', at: line.at, note: note ?? { kind: 'other', text: line.text } });
      }
    } else if (step && lineForStep(step, line.at).text === line.text) {
      si++;
      entries.push(
        'transfer' in step
          ? { who: 'note', at: line.at, note: { kind: 'transfer-outcome', outcome: step.transfer } }
          : { who: 'caller', at: line.at, step },
      );
    } else {
      entries.push({
        who: 'note',
        at: line.at,
        note: automaticNotes[line.text] ?? { kind: 'other', text: line.text },
      });
    }
  }
  return entries;
}

/**
 * What the canvas highlights: the nodes entered, the ports taken and the node the call waits
 * at. From the engine's state and trace, so a loop (a menu repeated after a wrong key) lists
 * each port once.
 */
export interface SimulationHighlight {
  path: string[];
  activeNodeId: string | null;
  ports: string[];
}

export function simulationHighlight(state: CallState, trace: readonly TraceEntry[]): SimulationHighlight {
  const ports: string[] = [];
  for (const entry of trace) {
    if (entry.type !== 'port') continue;
    const key = `${entry.nodeId}:${entry.port}`;
    if (!ports.includes(key)) ports.push(key);
  }
  return {
    path: [...state.path],
    // After the call ended there is nothing to wait at; the last node of the path is still lit.
    activeNodeId: state.status === 'waiting' ? (state.waiting?.nodeId ?? null) : null,
    ports,
  };
}
