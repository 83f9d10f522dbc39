/**
 * The command table of `flowcall`. Adding a command = one file in runtime/cli/ exporting a
 * `Command`, plus one entry here. `serve` starts runtime/main.ts.
 */
import type { Command } from './io.ts';
import { serveCommand } from './serve.ts';
import { simulateCommand } from './simulate.ts';
import { testCommand } from './test.ts';
import { validateCommand } from './validate.ts';
import { workspaceCommand } from './workspace.ts';

export const commands: Record<string, Command> = {
  validate: validateCommand,
  simulate: simulateCommand,
  test: testCommand,
  serve: serveCommand,
  workspace: workspaceCommand,
};
