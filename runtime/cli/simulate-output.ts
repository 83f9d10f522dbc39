/**
 * How `flowcall simulate` shows a simulated call: the transcript as the caller lived it, then the
 * path, the SMS and notifications it would send, and the result. `--json` prints the same as
 * data for scripts: { path, actions, vars, result, effects, failure?, problems, transcript }.
 */
import type { SimulationResult, TranscriptLine } from '../simulator/types.ts';
import type { Io } from './io.ts';

/** HH:MM:SS of an ISO instant, in the offset it was written with (the flow's local time). */
function clock(at: string): string {
  return at.slice(11, 19);
}

export function transcriptLine(line: TranscriptLine): string {
  if (line.who === 'system') return `${clock(line.at)}  🔊 [${line.nodeId || 'system'}] ${line.text}`;
  if (line.who === 'caller') return `${clock(line.at)}  ☎  caller ${line.text}`;
  return `${clock(line.at)}  ·  ${line.text}`;
}

export function printSummary(run: SimulationResult, io: Io): void {
  io.out('');
  io.out(`path: ${run.path.join(' → ') || '(none)'}`);
  const sms = run.effects.flatMap((e) => (e.type === 'send-sms' ? [e] : []));
  const notifications = run.effects.flatMap((e) => (e.type === 'notify' ? [e] : []));
  if (sms.length === 0) io.out('SMS: none');
  for (const s of sms) io.out(`SMS to ${s.to}: ${s.text}`);
  if (notifications.length === 0) io.out('notifications: none');
  for (const n of notifications) io.out(`notification to ${n.channel}: ${n.message}`);
  const failure = run.failure ? ` (${run.failure.code}: ${run.failure.message})` : '';
  io.out(`result: ${run.result}${failure}`);
}

export function printHuman(run: SimulationResult, io: Io): void {
  for (const line of run.transcript) io.out(transcriptLine(line));
  printSummary(run, io);
}

export function printJson(run: SimulationResult, io: Io): void {
  const data: Record<string, unknown> = {
    path: run.path,
    actions: run.actions,
    vars: run.vars,
    result: run.result,
    effects: run.effects,
  };
  if (run.failure) data.failure = run.failure;
  data.problems = run.problems;
  data.transcript = run.transcript;
  io.out(JSON.stringify(data, null, 2));
}

export function printProblems(run: SimulationResult, io: Io): void {
  for (const problem of run.problems) io.err(`problem: ${problem.message}`);
}
