/**
 * The command table of `flowcall`. Adding a command = one file in runtime/cli/ exporting a
 * `Command`, plus one entry here. `serve` is reserved for the live runtime and the editor
 * (runtime/main.ts); until that lands it answers that it is not available.
 */
import type { Command, Io } from './io.ts';
import { simulateCommand } from './simulate.ts';
import { testCommand } from './test.ts';
import { validateCommand } from './validate.ts';

const serveUnavailable: Command = {
  summary: 'run the phone runtime, API and editor (not in this build)',
  usage: 'flowcall serve',
  async run(_args: string[], io: Io): Promise<number> {
    io.err('serve is not available in this build');
    return 2;
  },
};

export const commands: Record<string, Command> = {
  validate: validateCommand,
  simulate: simulateCommand,
  test: testCommand,
  serve: serveUnavailable,
};
