/**
 * First-start content: every example flow (published as version 1), its schedules, and demo
 * numbers, so a newcomer who runs `npm start` can call a working IVR at once. Runs only while
 * the store has no flows, so it never overwrites a customer's work. Everything goes to the
 * `default` workspace (the installation's own, whose owner the first start creates).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import { validateFlow, validateSchedule } from '../../schema/validate.ts';
import { type ChannelType, channelTypes } from '../effects/channels/types.ts';
import type { NumberRecord, Store } from './types.ts';
import { defaultWorkspaceId } from './workspace-scope.ts';

/** Demo numbers and the example flow each answers with. */
export const demoNumbers: ReadonlyArray<NumberRecord & { flowId: string }> = [
  {
    number: '+815012345678',
    label: 'デモ番号 (050)',
    flowId: 'restaurant',
    lines: 2,
    smsSenderId: 'FLOWCALL',
    fallbackNumber: null,
  },
  {
    number: '+81312345678',
    label: 'デモ番号 (03)',
    flowId: 'clinic-after-hours',
    lines: 2,
    smsSenderId: 'FLOWCALL',
    fallbackNumber: null,
  },
];

export interface SeedResult {
  /** False when the store already had flows and nothing was done. */
  seeded: boolean;
  flows: string[];
  schedules: string[];
  numbers: string[];
  /** Example channels added as unconfigured placeholders (their settings are the customer's). */
  channels: string[];
  /** Example files that were not loaded, one line each (`path: reason`). */
  skipped: string[];
}

const errorsOf = (issues: ReturnType<typeof validateFlow>) => issues.filter((i) => i.severity === 'error');

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return []; // a flow without schedules
  }
}

/** Loads one example folder's schedules into the store; returns them by id for validation. */
async function seedSchedules(store: Store, dir: string, result: SeedResult) {
  const byId: Record<string, ScheduleDocument> = {};
  for (const file of jsonFiles(join(dir, 'schedules'))) {
    const doc = readJson(file);
    const errors = errorsOf(validateSchedule(doc));
    if (errors.length > 0) {
      result.skipped.push(`${file}: ${errors[0]?.message} [${errors[0]?.code}]`);
      continue;
    }
    const schedule = doc as ScheduleDocument;
    await store.schedules.put(schedule);
    byId[schedule.id] = schedule;
    result.schedules.push(schedule.id);
  }
  return byId;
}

/**
 * The channels an example's notify steps name (its channels.json), as placeholders: name and
 * type only, no settings, so the example flows validate and the channels page lists what needs
 * setting up. Deliveries to them fail (retried for a day) until someone fills them in.
 */
async function seedChannels(store: Store, dir: string, result: SeedResult) {
  let list: unknown;
  try {
    list = (readJson(join(dir, 'channels.json')) as { channels?: unknown }).channels;
  } catch {
    return; // an example without notifications
  }
  for (const entry of Array.isArray(list) ? list : []) {
    const { id, type, name } = (entry ?? {}) as { id?: unknown; type?: unknown; name?: unknown };
    if (typeof id !== 'string' || typeof name !== 'string' || !channelTypes.includes(type as ChannelType)) {
      result.skipped.push(
        `${join(dir, 'channels.json')}: channel ${JSON.stringify(id)} needs id, name and a known type`,
      );
      continue;
    }
    if (await store.channels.get(id)) continue;
    await store.channels.put({ id, name, type: type as ChannelType, settings: {} });
    result.channels.push(id);
  }
}

export async function seedExamples(store: Store, examplesDir: string): Promise<SeedResult> {
  const result: SeedResult = {
    seeded: false,
    flows: [],
    schedules: [],
    numbers: [],
    channels: [],
    skipped: [],
  };
  if ((await store.flows.list()).length > 0) return result;
  result.seeded = true;
  const into = store.scoped(defaultWorkspaceId);

  const folders = readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(examplesDir, entry.name))
    .sort();
  for (const dir of folders) {
    const flowFile = join(dir, 'flow.json');
    let doc: unknown;
    try {
      doc = readJson(flowFile);
    } catch (error) {
      result.skipped.push(`${flowFile}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const schedules = await seedSchedules(into, dir, result);
    await seedChannels(into, dir, result);
    const errors = errorsOf(validateFlow(doc, { schedules }));
    if (errors.length > 0) {
      result.skipped.push(`${flowFile}${errors[0]?.path}: ${errors[0]?.message} [${errors[0]?.code}]`);
      continue;
    }
    const flow = doc as FlowDocument;
    await into.flows.saveDraft(flow);
    await into.flows.publish(flow.id, 'example');
    result.flows.push(flow.id);
  }

  for (const demo of demoNumbers) {
    if (!result.flows.includes(demo.flowId) || (await store.numbers.get(demo.number))) continue;
    await into.numbers.put(demo);
    result.numbers.push(demo.number);
  }
  return result;
}
