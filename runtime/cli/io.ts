/**
 * What a command may touch of the process: output lines, stdin for the interactive simulator,
 * the working directory and the clock. Commands get it as a parameter so tests can run them
 * in-process with captured output and a fixed time.
 */
import type { Readable, Writable } from 'node:stream';

export interface Io {
  /** One line of the command's output (stdout). */
  out(line: string): void;
  /** One line of diagnostics (stderr). */
  err(line: string): void;
  cwd: string;
  stdin: Readable;
  stdinIsTTY: boolean;
  /** Where interactive prompts are written (no newline after them). */
  prompt: Writable;
  now(): Date;
}

export function processIo(): Io {
  // `flowcall test | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    cwd: process.cwd(),
    stdin: process.stdin,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    prompt: process.stdout,
    now: () => new Date(),
  };
}

/** Thrown for bad command lines: the CLI prints the message and the command's usage, exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface Command {
  /** One line for `flowcall help`. */
  summary: string;
  /** Full usage text for `flowcall help <command>` and after a usage error. */
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}
