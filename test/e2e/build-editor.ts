/**
 * Vitest global setup for the browser tests: builds the editor once per run into a temporary
 * folder (never touching dist/, which `npm start` owns) and tells the tests where it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const outDir = mkdtempSync(join(tmpdir(), 'flowcall-e2e-editor-'));
  const result = spawnSync(
    process.execPath,
    [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--logLevel', 'error'],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`building the editor failed:\n${result.stderr}${result.stdout}`);
  process.env.FLOWCALL_E2E_EDITOR_DIR = outDir;
  return () => rmSync(outDir, { recursive: true, force: true });
}
