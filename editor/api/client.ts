/**
 * The editor's only way to the runtime: JSON over /api, logged in by the session cookie. Errors
 * keep the server's message (Japanese, or English when the editor is) and validation issues so
 * forms can show them.
 */
import i18n from 'i18next';
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
    /** Seconds to wait before trying again (429's Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Methods that change something: cookie-authenticated, they must carry the session's CSRF token. */
const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | undefined;
let sessionEnded: (() => void) | undefined;
/** Auth routes whose 401 is their own answer (wrong password, log in to accept…), not an ended session. */
const ownRefusals = /^\/api\/auth\/(login|me|setup|password-reset|invitations)\b/;

/** The logged-in session's CSRF token (from the login or /api/auth/me answer); undefined after logout. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Who hears that the session has ended (an /api call outside /api/auth answered 401). */
export function onSessionEnded(handler: (() => void) | undefined): void {
  sessionEnded = handler;
}

/**
 * Every request to the runtime goes through here: the session cookie (same origin), the CSRF
 * header on writes, and a 401 — the session expired or was ended elsewhere — handed to the
 * login screen. Some auth routes answer 401 for their own reasons (a wrong password, nobody
 * logged in yet, an invitation that needs a login), which their screens show themselves.
 */
export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  if (csrfToken && writes.has(method)) headers.set('x-csrf-token', csrfToken);
  const response = await fetch(url, { ...init, method, headers, credentials: 'same-origin' });
  if (response.status === 401 && !ownRefusals.test(url)) sessionEnded?.();
  return response;
}

/** Throws the ApiError of a failed response (its error in the page's language, issues and body). */
export async function failure(response: Response): Promise<never> {
  const data = (await response.json().catch(() => ({}))) as {
    error?: string;
    errorEn?: string;
    issues?: Issue[];
  };
  const message = (i18n.language === 'en' ? data.errorEn : undefined) ?? data.error ?? response.statusText;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new ApiError(
    response.status,
    message,
    data.issues ?? [],
    data,
    retryAfter > 0 ? retryAfter : undefined,
  );
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await apiFetch(`/api${path}`, {
    method,
    ...(body !== undefined
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
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
