/**
 * The channels page's pure parts: the form a channel is edited in (text as typed, secrets empty
 * unless retyped), the settings a save sends, where each problem the server reports belongs,
 * how a channel's sending has gone in words a person acts on, and which flows name a channel.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { ChannelInfo, ChannelInput } from '../api/client.ts';
import { type ChannelKind, channelFields, isChannelKind } from './pages-channels-kinds.ts';

/** A field's value in the form: text as typed, a switch, or a list of addresses. */
export type FormValue = string | boolean | string[];

export interface ChannelForm {
  type: ChannelKind;
  name: string;
  values: Record<string, FormValue>;
}

function defaultValue(kind: ChannelKind, name: string): FormValue {
  const spec = channelFields[kind].find((f) => f.name === name);
  if (spec?.input === 'switch') return false;
  if (spec?.input === 'emails') return [''];
  // Submission port with STARTTLS: what Japanese providers and Google Workspace expect.
  if (spec?.input === 'port') return '587';
  return '';
}

export function emptyValues(kind: ChannelKind): Record<string, FormValue> {
  return Object.fromEntries(channelFields[kind].map((f) => [f.name, defaultValue(kind, f.name)]));
}

export function emptyChannelForm(kind: ChannelKind = 'slack'): ChannelForm {
  return { type: kind, name: '', values: emptyValues(kind) };
}

/** The form of a stored channel: its non-secret settings as text, secrets empty (kept unless retyped). */
export function formFromChannel(channel: ChannelInfo): ChannelForm {
  const kind: ChannelKind = isChannelKind(channel.type) ? channel.type : 'slack';
  const values = emptyValues(kind);
  for (const spec of channelFields[kind]) {
    const stored = channel.settings[spec.name];
    if (spec.secret || stored === undefined || stored === null) continue;
    if (spec.input === 'switch') values[spec.name] = stored === true;
    else if (spec.input === 'emails')
      values[spec.name] = Array.isArray(stored) && stored.length > 0 ? stored.map(String) : [''];
    else values[spec.name] = String(stored);
  }
  return { type: kind, name: channel.name, values };
}

/** Another kind chosen: its own fields start afresh (the server drops the old kind's secrets too). */
export function changeKind(form: ChannelForm, kind: ChannelKind): ChannelForm {
  return form.type === kind ? form : { ...form, type: kind, values: emptyValues(kind) };
}

export interface ChannelSave {
  input: ChannelInput;
  /** For each address sent in `to`, the index of its input in the form (blank inputs are not sent). */
  toInputs: number[];
}

/**
 * What a save sends. Empty fields are left out: a secret left out keeps the stored one, and a
 * required field left out is reported by the server in its own words. A port that is not a
 * number goes as typed so the server can say what is wrong with it.
 */
export function channelSave(form: ChannelForm): ChannelSave {
  const settings: Record<string, unknown> = {};
  let toInputs: number[] = [];
  for (const spec of channelFields[form.type]) {
    const value = form.values[spec.name];
    if (spec.input === 'switch') {
      settings[spec.name] = value === true;
    } else if (spec.input === 'emails') {
      const list = Array.isArray(value) ? value : [];
      toInputs = list.flatMap((address, index) => (address.trim() === '' ? [] : [index]));
      settings[spec.name] = toInputs.map((index) => list[index]!.trim());
    } else if (typeof value === 'string' && value.trim() !== '') {
      const text = value.trim();
      settings[spec.name] = spec.input === 'port' && /^\d+$/.test(text) ? Number(text) : text;
    }
  }
  return { input: { name: form.name.trim(), type: form.type, settings }, toInputs };
}

/** A problem the server reported (422): a JSON pointer into the body's settings, or /name, /type. */
export interface SettingsIssue {
  path: string;
  message: string;
}

export interface PlacedIssues {
  /** By field name (settings fields, and `name`, `type`). */
  fields: Record<string, string[]>;
  /** Problems of one address of a list, by the index of its input in the form. */
  items: Record<number, string[]>;
  /** What belongs to no field shown. */
  general: string[];
}

export function placeIssues(issues: readonly SettingsIssue[], form: ChannelForm, toInputs: number[]) {
  const placed: PlacedIssues = { fields: {}, items: {}, general: [] };
  const names = new Set(['name', 'type', ...channelFields[form.type].map((f) => f.name)]);
  for (const issue of issues) {
    const [field, item] = issue.path.split('/').slice(1);
    if (field !== undefined && names.has(field) && item !== undefined && /^\d+$/.test(item)) {
      const index = toInputs[Number(item)] ?? Number(item);
      placed.items[index] = [...(placed.items[index] ?? []), issue.message];
    } else if (field !== undefined && names.has(field) && item === undefined) {
      placed.fields[field] = [...(placed.fields[field] ?? []), issue.message];
    } else {
      placed.general.push(issue.message);
    }
  }
  return placed;
}

/** A channel whose settings were never filled in (an example's placeholder, say). */
export function isUnconfigured(channel: Pick<ChannelInfo, 'settings' | 'secretsSet'>): boolean {
  return Object.keys(channel.settings).length === 0 && channel.secretsSet.length === 0;
}

/** How sending to a channel has gone, as the page shows it. */
export type HealthView =
  | { state: 'unconfigured' }
  | { state: 'failing'; failures: number; lastError: string | null; lastErrorAt: string | null }
  | { state: 'recent-failure'; failures: number; lastError: string | null; lastErrorAt: string | null }
  | { state: 'ok'; lastSuccessAt: string | null }
  | { state: 'untested' };

export function healthView(channel: Pick<ChannelInfo, 'settings' | 'secretsSet' | 'health'>): HealthView {
  const { health } = channel;
  const error = {
    failures: health.consecutiveFailures,
    lastError: health.lastError,
    lastErrorAt: health.lastErrorAt,
  };
  if (health.status === 'failing') return { state: 'failing', ...error };
  if (isUnconfigured(channel)) return { state: 'unconfigured' };
  // Below the flag (3 in a row) but worth a look: the last tries did not arrive.
  if (health.consecutiveFailures > 0) return { state: 'recent-failure', ...error };
  if (health.status === 'ok') return { state: 'ok', lastSuccessAt: health.lastSuccessAt };
  return { state: 'untested' };
}

/** Where a flow names a channel: its notify steps (by label or id) and its after-call summary. */
export interface ChannelUse {
  flowId: string;
  flowName: string;
  steps: string[];
  summary: boolean;
}

export function channelUses(
  flows: ReadonlyArray<{ id: string; name: string; draft: FlowDocument }>,
  channelId: string,
): ChannelUse[] {
  return flows.flatMap((flow) => {
    const steps = flow.draft.nodes
      .filter((node) => node.kind === 'notify' && node.params?.channel === channelId)
      .map((node) => node.label ?? node.id);
    const summary = flow.draft.afterCallSummary?.channel === channelId;
    return steps.length > 0 || summary ? [{ flowId: flow.id, flowName: flow.name, steps, summary }] : [];
  });
}

/** A channel as a flow's pickers offer it: by name, with whether sending to it is in trouble. */
export interface ChannelChoice {
  id: string;
  name: string;
  type: string;
  state: HealthView['state'];
}

export function channelChoices(channels: readonly ChannelInfo[]): Record<string, ChannelChoice> {
  return Object.fromEntries(
    channels.map((c) => [c.id, { id: c.id, name: c.name, type: c.type, state: healthView(c).state }]),
  );
}
