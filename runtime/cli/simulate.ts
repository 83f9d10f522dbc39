/**
 * `flowcall simulate <flow.json> [--at …] [--from …] [--press …]… [--json]`: one call of a flow
 * against a scripted caller, on the same engine as live calls. Without script options on a
 * terminal it turns interactive. Exit: 0 ran, 1 invalid flow or script problems, 2 bad usage or
 * unreadable file.
 */
import { parseArgs } from 'node:util';
import type { Flow } from '../../schema/kinds.ts';
import { type ValidationContext, validateFlow } from '../../schema/validate.ts';
import { formatIssue } from '../simulator/flow-tests.ts';
import { isDirectory, isFile, loadFlowContext, readJsonFile } from '../simulator/load-files.ts';
import { simulate } from '../simulator/simulate.ts';
import type { SimulateOptions } from '../simulator/types.ts';
import { runInteractive } from './interactive.ts';
import { type Command, type Io, UsageError } from './io.ts';
import { scriptFromTokens } from './script-args.ts';
import { printHuman, printJson, printProblems } from './simulate-output.ts';
import { resolveAt } from './time-arg.ts';

const usage = `Usage: flowcall simulate <flow.json> [options]

Runs one call of the flow. Caller actions are played in the order given.
  --at ISO-8601          when the call starts (default: now), e.g. 2026-11-24T12:00:00+09:00
  --from NUMBER          caller number, or "anonymous" (default: 090-1234-5678)
  --to NUMBER            the number dialled (default: 050-1234-5678)
  --press DIGITS         press keys, e.g. --press 1 or --press 0312345678#
  --say TEXT             say words to a menu that listens
  --record TEXT          leave a message on a recording step
  --transfer OUTCOME     the staff phone: answered, busy, no-answer or failed
  --silence              do nothing until the step times out
  --hangup               hang up
  --schedules FILE|DIR   business-hours schedules (default: schedules/ next to the flow)
  --json                 print { path, actions, vars, result, effects, … } as JSON
Without caller actions on a terminal, the simulation is interactive.`;

const options = {
  at: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  press: { type: 'string', multiple: true },
  say: { type: 'string', multiple: true },
  record: { type: 'string', multiple: true },
  transfer: { type: 'string', multiple: true },
  silence: { type: 'boolean', multiple: true },
  hangup: { type: 'boolean', multiple: true },
  schedules: { type: 'string' },
  json: { type: 'boolean' },
} as const;

async function run(args: string[], io: Io): Promise<number> {
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true, tokens: true });
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) throw new UsageError('name the flow file to simulate');
  if (extra.length > 0) throw new UsageError(`one flow at a time; unexpected "${extra[0]}"`);
  const script = scriptFromTokens(parsed.tokens);
  const values = parsed.values;

  const read = readJsonFile(file);
  if (!read.ok) {
    io.err(`${file}: ${read.message}`);
    return 2;
  }
  if (values.schedules !== undefined && !isFile(values.schedules) && !isDirectory(values.schedules)) {
    io.err(`${values.schedules}: file or folder not found`);
    return 2;
  }
  const loaded = loadFlowContext(file, values.schedules);
  for (const warning of loaded.warnings) io.err(`warning: ${warning}`);
  const context: ValidationContext = {};
  if (loaded.schedules) context.schedules = loaded.schedules;
  if (loaded.channels) context.channels = loaded.channels;
  const issues = validateFlow(read.value, context);
  for (const issue of issues) {
    io.err(`${issue.severity === 'warning' ? 'warning: ' : ''}${file}: ${formatIssue(issue)}`);
  }
  if (issues.some((issue) => issue.severity === 'error')) return 1;
  const flow = read.value as Flow;

  const simulateOptions: SimulateOptions = { at: resolveAt(values.at, flow.timezone, io.now()) };
  if (values.from !== undefined) simulateOptions.from = values.from;
  if (values.to !== undefined) simulateOptions.to = values.to;
  if (loaded.schedules) simulateOptions.schedules = loaded.schedules;

  if (script.length === 0 && io.stdinIsTTY) {
    const result = await runInteractive(flow, simulateOptions, io);
    if (values.json) printJson(result, io);
    return 0;
  }
  const result = simulate(flow, script, simulateOptions);
  if (values.json) printJson(result, io);
  else printHuman(result, io);
  printProblems(result, io);
  return result.problems.length > 0 ? 1 : 0;
}

export const simulateCommand: Command = {
  summary: 'run one call of a flow with a scripted (or interactive) caller',
  usage,
  run,
};
