/** Finds flow-test files (*.test.json) under the paths given to `flowcall test`. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDirectory, isFile } from '../simulator/load-files.ts';

/** Folders that hold dependencies, builds, data or history, never flow tests. */
const skipped = new Set(['node_modules', 'dist', 'data', '.git']);

export type FoundTests = { ok: true; files: string[] } | { ok: false; missing: string };

/** A file given by name is taken as it is; folders are searched recursively. Sorted, unique. */
export function findTestFiles(paths: readonly string[]): FoundTests {
  const found = new Set<string>();
  for (const path of paths) {
    if (isFile(path)) found.add(path);
    else if (isDirectory(path)) walk(path, found);
    else return { ok: false, missing: path };
  }
  return { ok: true, files: [...found].sort() };
}

function walk(dir: string, found: Set<string>): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipped.has(entry.name)) walk(path, found);
    } else if (entry.isFile() && entry.name.endsWith('.test.json')) found.add(path);
  }
}
