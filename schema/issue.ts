/**
 * What validation returns: one Issue per problem, with a JSON pointer into the checked document.
 * The same shape comes out of the CLI, the HTTP API and the editor, so the code is the stable part
 * (the editor translates by code; `message` is the English fallback).
 */
export type Severity = 'error' | 'warning';

export const issueCodes = [
  // structure (Ajv)
  'not-json',
  'schema-version',
  'missing-field',
  'unknown-field',
  'wrong-type',
  'bad-value',
  'too-short',
  'too-long',
  'too-few',
  'too-many',
  'unknown-kind',
  'bad-port',
  // graph
  'duplicate-id',
  'unknown-start',
  'unknown-target',
  'unconnected-port',
  'unreachable-node',
  'loop-without-wait',
  'duplicate-option',
  // references
  'unknown-schedule',
  'unknown-channel',
  'unknown-variable',
  'bad-template',
  // values
  'bad-phone-number',
  'sms-not-mobile',
  'sms-too-long',
  'digits-range',
  'no-prompt',
  // schedules
  'window-out-of-order',
  'window-overlap',
  'bad-date',
  'special-conflict',
] as const;

export type IssueCode = (typeof issueCodes)[number];

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** JSON pointer (RFC 6901) into the document; '' is the whole document. */
  path: string;
  /** The node the issue belongs to, for flows, so the editor can badge and select it. */
  nodeId?: string;
  message: string;
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer from segments. */
export function pointer(...segments: Array<string | number>): string {
  return segments.map((s) => `/${pointerSegment(s)}`).join('');
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === 'error');
}
