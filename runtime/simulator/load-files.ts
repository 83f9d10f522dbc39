/**
 * Reading flows, schedules, channels and flow-test files from disk, for the CLI only (the rest
 * of the simulator is browser-safe). Every failure becomes a one-line message; nothing throws.
 *
 * Layout next to a flow:   flow.json, schedules/*.json (keyed by their `id`), channels.json.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { validateSchedule } from '../../schema/validate.ts';
import { formatIssue } from './flow-tests.ts';
import { parseJsonText } from './json-text.ts';

export type ReadResult =
  | { ok: true; value: unknown }
  | { ok: false; kind: 'unreadable' | 'not-json'; message: string };

/** Reads and parses a JSON file. Messages: "not JSON: … (line L, column C)", "file not found". */
export function readJsonFile(path: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, kind: 'unreadable', message: unreadableMessage(error) };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, kind: 'not-json', message: `not JSON: ${parsed.message}` };
  return { ok: true, value: parsed.value };
}

function unreadableMessage(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return `cannot read: ${error instanceof Error ? error.message : String(error)}`;
}

export interface FlowContext {
  /** Schedules by id; undefined when there is no schedules folder (nothing to check against). */
  schedules?: Record<string, ScheduleDocument>;
  /** Channel ids from channels.json; undefined when there is none. */
  channels?: string[];
  /** Files that could not be used, one line each (`path: reason`). */
  warnings: string[];
}

/**
 * The schedules and channels a flow file sees: `--schedules FILE|DIR` when given, else the
 * schedules/ folder next to the flow; channels.json next to the flow.
 */
export function loadFlowContext(flowPath: string, schedulesOverride?: string): FlowContext {
  const dir = dirname(flowPath);
  const context: FlowContext = { warnings: [] };
  const schedulesPath = schedulesOverride ?? join(dir, 'schedules');
  if (schedulesOverride !== undefined || isDirectory(schedulesPath)) {
    const loaded = loadSchedules(schedulesPath);
    context.schedules = loaded.schedules;
    context.warnings.push(...loaded.warnings);
  }
  const channelsPath = join(dir, 'channels.json');
  if (isFile(channelsPath)) {
    const loaded = loadChannels(channelsPath);
    if (loaded.channels) context.channels = loaded.channels;
    context.warnings.push(...loaded.warnings);
  }
  return context;
}

/** A schedule file, or every *.json in a folder. */
export function loadSchedules(fileOrDir: string): {
  schedules: Record<string, ScheduleDocument>;
  warnings: string[];
} {
  if (!isDirectory(fileOrDir)) return loadScheduleFiles([fileOrDir]);
  const files = readdirSync(fileOrDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(fileOrDir, name));
  return loadScheduleFiles(files);
}

export function loadScheduleFiles(paths: readonly string[]): {
  schedules: Record<string, ScheduleDocument>;
  warnings: string[];
} {
  const schedules: Record<string, ScheduleDocument> = {};
  const warnings: string[] = [];
  for (const path of paths) {
    const read = readJsonFile(path);
    if (!read.ok) {
      warnings.push(`${path}: ${read.message}`);
      continue;
    }
    const errors = validateSchedule(read.value).filter((issue) => issue.severity === 'error');
    if (errors.length > 0) {
      warnings.push(`${path}: not a valid schedule, ignored: ${formatIssue(errors[0]!)}`);
      continue;
    }
    const schedule = read.value as ScheduleDocument;
    if (Object.hasOwn(schedules, schedule.id)) {
      warnings.push(`${path}: another file already defines schedule '${schedule.id}', ignored`);
      continue;
    }
    schedules[schedule.id] = schedule;
  }
  return { schedules, warnings };
}

/** `{ "channels": [{ "id", "type", "name" }] }` → the ids flows may notify. */
export function loadChannels(path: string): { channels?: string[]; warnings: string[] } {
  const read = readJsonFile(path);
  if (!read.ok) return { warnings: [`${path}: ${read.message}`] };
  const list = (read.value as { channels?: unknown } | null)?.channels;
  if (!Array.isArray(list)) return { warnings: [`${path}: expected { "channels": [ … ] }, ignored`] };
  const channels: string[] = [];
  const warnings: string[] = [];
  list.forEach((entry, i) => {
    const id = (entry as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && id !== '') channels.push(id);
    else warnings.push(`${path}: /channels/${i}: a channel needs an "id", ignored`);
  });
  return { channels, warnings };
}

export interface TestFile {
  path: string;
  doc: unknown;
  /** Absolute path of the flow it tests, when the document names one. */
  flowPath?: string;
  /** Absolute schedule paths the document lists, when it lists them. */
  schedulePaths?: string[];
}

/** Reads a flow-test file and resolves its `flow` and `schedules` paths against its folder. */
export function readTestFile(
  path: string,
): { ok: true; file: TestFile } | Extract<ReadResult, { ok: false }> {
  const read = readJsonFile(path);
  if (!read.ok) return read;
  const doc = read.value as { flow?: unknown; schedules?: unknown } | null;
  const dir = dirname(resolve(path));
  const file: TestFile = { path, doc: read.value };
  if (typeof doc?.flow === 'string') file.flowPath = resolve(dir, doc.flow);
  if (Array.isArray(doc?.schedules))
    file.schedulePaths = doc.schedules
      .filter((p): p is string => typeof p === 'string')
      .map((p) => resolve(dir, p));
  return { ok: true, file };
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
