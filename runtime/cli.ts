/**
 * `flowcall` — the command line (ARCHITECTURE §7). bin/flowcall.js registers tsx and calls
 * runCli. Commands live in runtime/cli/, one file each, listed in runtime/cli/commands.ts.
 * Exit codes: 0 fine, 1 a flow/test/script problem, 2 bad usage or unreadable input.
 * Bad input never prints a stack trace.
 */
import { commands } from './cli/commands.ts';
import { type Io, processIo, UsageError } from './cli/io.ts';

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'flowcall — build and test phone call flows',
    '',
    'Usage: flowcall <command> [options]',
    '',
    'Commands:',
    ...lines,
    `  ${'help'.padEnd(width)}  show this help, or the help of a command (flowcall help simulate)`,
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(overview());
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = args[0];
    if (topic === undefined) {
      io.out(overview());
      return 0;
    }
    const command = Object.hasOwn(commands, topic) ? commands[topic] : undefined;
    if (!command) return usageError(io, `unknown command "${topic}"`);
    io.out(command.usage);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) return usageError(io, `unknown command "${name}"`);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message, command.usage);
    // parseArgs explains at length how to pass a value starting with '-'; the first sentence is enough.
    if (isParseArgsError(error)) return usageError(io, error.message.split('. ')[0]!, command.usage);
    // A bug, not bad input: say so in one line; the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`flowcall: internal error: ${message}`);
    if (process.env.FLOWCALL_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}

function usageError(io: Io, message: string, usage = overview()): number {
  io.err(`flowcall: ${message}`);
  io.err('');
  io.err(usage);
  return 2;
}

/** node:util parseArgs reports unknown options and missing values as TypeErrors with a code. */
function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
