/**
 * For the CLI tests: run the real `bin/flowcall.js` in a child process (as `npx flowcall` would)
 * and lay out temporary projects. Not used by production code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/flowcall.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout split into lines, without the trailing empty one. */
  lines: string[];
}

export function flowcall(args: string[], options: { cwd?: string; input?: string } = {}): CliRun {
  const child = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? process.cwd(),
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, FLOWCALL_DEBUG: '', NO_COLOR: '1' },
    timeout: 20_000,
  });
  const stdout = child.stdout ?? '';
  return { status: child.status, stdout, stderr: child.stderr ?? '', lines: stdout.split('\n').slice(0, -1) };
}

/** A fresh folder under the OS temp dir; `write` creates files (objects as JSON) in it. */
export function tempProject(): { dir: string; write(name: string, content: unknown): string } {
  const dir = mkdtempSync(join(tmpdir(), 'flowcall-cli-'));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
      return path;
    },
  };
}

/** No stack trace ever reaches the user for bad input. */
export const stackTrace = /^\s+at .+:\d+:\d+\)?$/m;
