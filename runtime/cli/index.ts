/**
 * runtime/cli — the commands of `flowcall` (ARCHITECTURE §7), one file each, listed in
 * commands.ts; runtime/cli.ts parses the command name and maps errors to exit codes.
 * May import anything in runtime/ and schema/, and node:*. Output goes through `Io` (io.ts) so
 * commands run in-process in tests as well as in a child process.
 */
export { commands } from './commands.ts';
export type { Command, Io } from './io.ts';
export { processIo, UsageError } from './io.ts';
