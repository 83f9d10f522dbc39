/**
 * Tolerant readers for Vonage webhook payloads (reference §3 and §9). They never throw: a payload
 * that cannot be used is a `{ ok: false, reason }` result the HTTP layer logs and answers safely.
 * Quirks handled: GET (all strings) and POST (JSON) answer webhooks, a missing `from`, dtmf as an
 * object or the legacy string, `digits: null` or '', speech confidences as strings, empty speech
 * results with `timeout_reason`, record events without a leg `uuid`, `call_uuid` instead of
 * `uuid` (machine detection), durations as strings, and status values this code does not know.
 */
import type { CallEventInput } from '../engine/types.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** A non-empty string (numbers accepted: a JSON body may carry a number as a number). */
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A finite number from a number or a numeric string ("0.94", "12"). */
function numeric(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(n) ? n : undefined;
}

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

export interface AnswerPayload {
  /** The caller's leg id: our call id and the key for REST call control. */
  uuid: string;
  conversationUuid?: string;
  /** Caller number as received (E.164 digits, no `+`), or 'anonymous' when hidden or absent. */
  from: string;
  /** The dialled number. */
  to: string;
  /** Regional API host of this call, for REST call control (reference §7). */
  regionUrl?: string;
  /** Client SDK user name of app-originated calls (then there is no `from`). */
  fromUser?: string;
  endpointType?: string;
}

/** answer_url payload: GET query parameters or POST JSON body (reference §3.1). */
export function parseAnswer(params: Record<string, unknown>): Parsed<AnswerPayload> {
  if (!isObject(params)) return fail('answer payload is not an object');
  const uuid = text(params.uuid);
  const to = text(params.to);
  if (!uuid) return fail('answer payload without uuid');
  if (!to) return fail('answer payload without to');
  const from = text(params.from);
  return {
    ok: true,
    value: {
      uuid,
      to,
      // Withheld numbers arrive absent, empty or as a word ('Unknown', 'anonymous'): no digits.
      from: from && /\d/.test(from) ? from : 'anonymous',
      ...optional('conversationUuid', text(params.conversation_uuid)),
      ...optional('regionUrl', text(params.region_url)),
      ...optional('fromUser', text(params.from_user)),
      ...optional('endpointType', text(params.endpoint_type)),
    },
  };
}

/** The first usable speech result, confidence as a number (Vonage sends it as a string). */
function firstSpeech(speech: unknown): { text: string; confidence?: number } | undefined {
  if (!isObject(speech) || !Array.isArray(speech.results)) return undefined;
  for (const result of speech.results) {
    const said = isObject(result) ? text(result.text) : undefined;
    if (said && isObject(result))
      return { text: said, ...optional('confidence', numeric(result.confidence)) };
  }
  return undefined;
}

/**
 * input eventUrl payload (reference §3.5) → the engine's event: digits when keys were pressed,
 * else speech when something was recognised, else a timeout (nothing pressed, nothing said:
 * `digits` null or '', empty results, `timeout_reason: start_timeout`, or an ASR `error`).
 */
export function parseInput(body: Record<string, unknown>): Parsed<CallEventInput> {
  if (!isObject(body)) return fail('input payload is not an object');
  if (!('dtmf' in body) && !('speech' in body)) return fail('input payload has neither dtmf nor speech');
  // Legacy (pre-`type`) input posted dtmf as a plain string.
  const digits =
    typeof body.dtmf === 'string'
      ? text(body.dtmf)
      : isObject(body.dtmf)
        ? text(body.dtmf.digits)
        : undefined;
  if (digits) return { ok: true, value: { type: 'digits', digits } };
  const heard = firstSpeech(body.speech);
  if (heard) return { ok: true, value: { type: 'speech', ...heard } };
  return { ok: true, value: { type: 'timeout' } };
}

export interface RecordPayload {
  recordingUrl: string;
  recordingUuid?: string;
  /** Length from start_time/end_time, when both are readable. */
  seconds?: number;
  startTime?: string;
  endTime?: string;
  size?: number;
  conversationUuid?: string;
}

/** record eventUrl payload (reference §3.4). It has no leg uuid: the callback URL says the call. */
export function parseRecord(body: Record<string, unknown>): Parsed<RecordPayload> {
  if (!isObject(body)) return fail('record payload is not an object');
  const recordingUrl = text(body.recording_url);
  if (!recordingUrl) return fail('record payload without recording_url');
  const startTime = text(body.start_time);
  const endTime = text(body.end_time);
  const start = startTime ? Date.parse(startTime) : NaN;
  const end = endTime ? Date.parse(endTime) : NaN;
  const seconds =
    Number.isFinite(start) && Number.isFinite(end) && end >= start
      ? Math.round((end - start) / 1000)
      : undefined;
  return {
    ok: true,
    value: {
      recordingUrl,
      ...optional('recordingUuid', text(body.recording_uuid)),
      ...optional('seconds', seconds),
      ...optional('startTime', startTime),
      ...optional('endTime', endTime),
      ...optional('size', numeric(body.size)),
      ...optional('conversationUuid', text(body.conversation_uuid)),
    },
  };
}

export interface TranscriptionPayload {
  /** The transcript file (JSON); fetching it needs an application JWT. */
  transcriptionUrl: string;
  recordingUuid?: string;
  status?: string;
  /** 'record' per the .NET SDK, 'transcription' elsewhere: any value is accepted. */
  type?: string;
  conversationUuid?: string;
}

/** transcription callback (reference §3.7). Without a transcription_url there is nothing to fetch. */
export function parseTranscription(body: Record<string, unknown>): Parsed<TranscriptionPayload> {
  if (!isObject(body)) return fail('transcription payload is not an object');
  const transcriptionUrl = text(body.transcription_url);
  const status = text(body.status);
  if (!transcriptionUrl)
    return fail(`transcription payload without transcription_url (status ${status ?? 'none'})`);
  return {
    ok: true,
    value: {
      transcriptionUrl,
      ...optional('recordingUuid', text(body.recording_uuid)),
      ...optional('status', status),
      ...optional('type', text(body.type)),
      ...optional('conversationUuid', text(body.conversation_uuid)),
    },
  };
}

/** Call statuses documented for event_url (reference §3.3). */
export const callStatuses = [
  'started',
  'ringing',
  'answered',
  'busy',
  'cancelled',
  'unanswered',
  'rejected',
  'failed',
  'timeout',
  'human',
  'machine',
  'disconnected',
  'completed',
  'transfer',
  'input',
  'record',
] as const;
export type CallStatus = (typeof callStatuses)[number];
const knownStatuses: ReadonlySet<string> = new Set(callStatuses);

export interface CallEventPayload {
  /** A documented status, or 'unknown' (new statuses, error events without a status). */
  status: CallStatus | 'unknown';
  /** The status as sent, for logs. */
  rawStatus?: string;
  /** The leg: `uuid`, or `call_uuid` on machine-detection events. */
  uuid?: string;
  conversationUuid?: string;
  detail?: string;
  /** Seconds (sent as a string or a number). */
  duration?: number;
  timestamp?: string;
  direction?: string;
  /** Error events carry a reason instead of a status. */
  reason?: string;
}

/** event_url payload, also a connect leg's events (reference §3.3, §3.8). Order is not guaranteed. */
export function parseCallEvent(body: Record<string, unknown>): Parsed<CallEventPayload> {
  if (!isObject(body)) return fail('event payload is not an object');
  const rawStatus = text(body.status);
  return {
    ok: true,
    value: {
      status: rawStatus && knownStatuses.has(rawStatus) ? (rawStatus as CallStatus) : 'unknown',
      ...optional('rawStatus', rawStatus),
      ...optional('uuid', text(body.uuid) ?? text(body.call_uuid)),
      ...optional('conversationUuid', text(body.conversation_uuid)),
      ...optional('detail', text(body.detail)),
      ...optional('duration', numeric(body.duration)),
      ...optional('timestamp', text(body.timestamp)),
      ...optional('direction', text(body.direction)),
      ...optional('reason', text(body.reason)),
    },
  };
}

export type ConnectOutcome = 'answered' | 'busy' | 'no-answer' | 'failed' | 'bridge-ended';

/**
 * A connect leg's status as the engine sees it. Progress (started, ringing) and anything else
 * (machine detection, unknown statuses) is not an outcome: null.
 */
export function connectOutcome(status: string): ConnectOutcome | null {
  switch (status) {
    case 'answered':
      return 'answered';
    case 'busy':
      return 'busy';
    case 'timeout':
    case 'unanswered':
    case 'cancelled':
      return 'no-answer';
    case 'failed':
    case 'rejected':
      return 'failed';
    case 'completed':
      return 'bridge-ended';
    default:
      return null;
  }
}
