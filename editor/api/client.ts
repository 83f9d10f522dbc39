/**
 * The editor's only way to the runtime: JSON over /api. Errors keep the server's message and
 * validation issues so forms can show them.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Issue } from '../../schema/issue.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Issue[] = [],
    /** The whole error body, for answers that carry more than issues (e.g. contact problems). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const tokenKey = 'flowcall.apiToken';

export function setApiToken(token: string | null): void {
  if (token) localStorage.setItem(tokenKey, token);
  else localStorage.removeItem(tokenKey);
}

/** The API token header, when one is set (also for requests that are not JSON). */
export function authHeaders(): Record<string, string> {
  const token = localStorage.getItem(tokenKey);
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Throws the ApiError of a failed response (its JSON error, issues and body). */
export async function failure(response: Response): Promise<never> {
  const data = (await response.json().catch(() => ({}))) as { error?: string; issues?: Issue[] };
  throw new ApiError(response.status, data.error ?? response.statusText, data.issues ?? [], data);
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...authHeaders(),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  if (!response.ok) return failure(response);
  return (await response.json().catch(() => ({}))) as T;
}

export interface FlowSummary {
  id: string;
  name: string;
  publishedVersion: number | null;
  updatedAt: string;
}
export interface FlowRecord extends FlowSummary {
  draft: FlowDocument;
  createdAt: string;
  issues: Issue[];
}
export interface FlowVersion {
  flowId: string;
  version: number;
  comment: string;
  createdAt: string;
  document?: FlowDocument;
}
export interface NumberRecord {
  number: string;
  label: string;
  flowId: string | null;
  lines: number;
  smsSenderId: string | null;
  fallbackNumber: string | null;
}
/** How sending to a channel has gone: `failing` after 3 failed attempts in a row. */
export interface ChannelHealth {
  status: 'ok' | 'failing' | 'unknown';
  consecutiveFailures: number;
  /** English provider message with secrets replaced by ***. */
  lastError: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
}
/** A notification channel as the API shows it: secrets never, only which of them are set. */
export interface ChannelInfo {
  id: string;
  type: string;
  name: string;
  /** The non-secret settings. */
  settings: Record<string, unknown>;
  secretsSet: string[];
  health: ChannelHealth;
  createdAt: string;
  updatedAt: string;
}
/** What a save sends: secret fields left out or empty keep the stored value. */
export interface ChannelInput {
  name: string;
  type: string;
  settings: Record<string, unknown>;
}

export const api = {
  flows: () => call<FlowSummary[]>('GET', '/flows'),
  flow: (id: string) => call<FlowRecord>('GET', `/flows/${encodeURIComponent(id)}`),
  createFlow: (doc: FlowDocument) => call<FlowRecord>('POST', '/flows', doc),
  saveFlow: (doc: FlowDocument) => call<FlowRecord>('PUT', `/flows/${encodeURIComponent(doc.id)}`, doc),
  deleteFlow: (id: string) => call<void>('DELETE', `/flows/${encodeURIComponent(id)}`),
  publish: (id: string, comment: string) =>
    call<FlowVersion>('POST', `/flows/${encodeURIComponent(id)}/publish`, { comment }),
  versions: (id: string) => call<FlowVersion[]>('GET', `/flows/${encodeURIComponent(id)}/versions`),
  version: (id: string, version: number) =>
    call<FlowVersion>('GET', `/flows/${encodeURIComponent(id)}/versions/${version}`),
  rollback: (id: string, version: number, comment: string) =>
    call<FlowVersion>('POST', `/flows/${encodeURIComponent(id)}/rollback`, { version, comment }),
  templates: () => call<FlowDocument[]>('GET', '/templates'),
  schedules: () => call<ScheduleDocument[]>('GET', '/schedules'),
  saveSchedule: (doc: ScheduleDocument) =>
    call<ScheduleDocument>('PUT', `/schedules/${encodeURIComponent(doc.id)}`, doc),
  deleteSchedule: (id: string) => call<void>('DELETE', `/schedules/${encodeURIComponent(id)}`),
  numbers: () => call<NumberRecord[]>('GET', '/numbers'),
  saveNumber: (record: NumberRecord) =>
    call<NumberRecord>('PUT', `/numbers/${encodeURIComponent(record.number)}`, record),
  deleteNumber: (number: string) => call<void>('DELETE', `/numbers/${encodeURIComponent(number)}`),
  channels: () => call<ChannelInfo[]>('GET', '/channels'),
  saveChannel: (id: string, input: ChannelInput) =>
    call<ChannelInfo>('PUT', `/channels/${encodeURIComponent(id)}`, input),
  deleteChannel: (id: string) => call<void>('DELETE', `/channels/${encodeURIComponent(id)}`),
  /** Sends a test message; a failed send rejects with the provider's error as the message (502). */
  testChannel: (id: string) => call<{ ok: true }>('POST', `/channels/${encodeURIComponent(id)}/test`),
};
