#!/usr/bin/env node
// `npm start` runs this first: build the editor with Vite when dist/editor is missing or older
// than its sources, so a fresh clone needs no separate build step and a warm start skips it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = join('dist', 'editor', 'index.html');
const sources = [
  'editor',
  'schema',
  join('runtime', 'engine'),
  join('runtime', 'simulator'),
  'vite.config.ts',
  'package-lock.json',
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newest));
if (builtAt >= sourcesAt) process.exit(0);
console.error('flowcall: building the editor (first start, or the sources changed)…');
const result = spawnSync(
  process.execPath,
  [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
