/**
 * Issues carry a stable `code`, a JSON pointer and an English message. To say them in plain
 * Japanese, this module works out the details a message needs (which field, which port, which
 * number) from the pointer and the document, reading the English message only for what is not
 * in the document (limits, counts). It returns a message key and values; when a detail cannot
 * be found it returns undefined and the caller shows the English message instead.
 */
import type { FlowDocument, Node } from '../../schema/generated/flow.ts';
import type { Issue } from '../../schema/issue.ts';
import { isPhoneAt, titleAt } from './inspector-schema.ts';
import { kindMeta, portNames } from './kind-meta.ts';

export type Lang = 'ja' | 'en';

export interface IssueText {
  /** Key under `codes.` in the problems messages. */
  key: string;
  values: Record<string, string>;
}

const decode = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

function segmentsOf(path: string): string[] {
  return path.split('/').slice(1).map(decode);
}

/** The value at a pointer in the document, if any. */
export function valueAt(doc: unknown, path: string): unknown {
  let value = doc;
  for (const segment of segmentsOf(path)) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** How a step is named in the UI: its label, else its kind and id. */
export function stepLabel(node: Node | undefined, id: string, lang: Lang): string {
  if (!node) return id;
  if (node.label) return node.label;
  const kind = kindMeta[node.kind]?.[lang];
  return kind ? `${kind} (${id})` : id;
}

/** A port's readable name: a menu key shows its option, fixed ports their name. */
export function portLabel(node: Node | undefined, port: string, lang: Lang): string {
  if (node?.kind === 'menu') {
    const option = node.params?.options?.find((o) => o.key === port);
    if (option) return `${port}: ${option.label}`;
  }
  return portNames[port]?.[lang] ?? port;
}

function fieldName(flow: FlowDocument, path: string, lang: Lang): string {
  const title = titleAt(flow, path);
  if (title) return title[lang];
  const last = segmentsOf(path)
    .filter((s) => !/^\d+$/.test(s))
    .at(-1);
  return last ?? '';
}

const quoted = (message: string): string[] => [...message.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
const numbers = (message: string): string[] => [...message.matchAll(/-?\d+/g)].map((m) => m[0]);

export function issueText(issue: Issue, flow: FlowDocument, lang: Lang): IssueText | undefined {
  const node = issue.nodeId ? flow.nodes.find((n) => n.id === issue.nodeId) : undefined;
  const segments = segmentsOf(issue.path);
  const last = segments.at(-1) ?? '';
  const field = () => fieldName(flow, issue.path, lang);
  const text = (key: string, values: Record<string, string | undefined> = {}): IssueText | undefined =>
    Object.values(values).some((v) => v === undefined || v === '')
      ? undefined
      : { key, values: values as Record<string, string> };
  const m = issue.message;
  const step = (id: string) =>
    stepLabel(
      flow.nodes.find((n) => n.id === id),
      id,
      lang,
    );

  switch (issue.code) {
    case 'missing-field':
    case 'wrong-type':
      return text(issue.code, { field: field() });
    case 'unknown-field':
      return text(issue.code, { name: last });
    case 'bad-value': {
      const limit = /must be (<=|>=|<|>) (-?\d+)/.exec(m);
      if (limit)
        return text(limit[1]!.startsWith('<') ? 'bad-value-max' : 'bad-value-min', {
          field: field(),
          limit: limit[2],
        });
      const value = valueAt(flow, issue.path);
      // An empty required text or choice (a fresh step's schedule, a phone not typed yet) fails
      // its pattern, but to the user it is simply not filled in, not written wrongly.
      if (typeof value === 'string' && value.trim() === '') return text('missing-field', { field: field() });
      if (typeof value === 'string' && isPhoneAt(flow, issue.path))
        return text('bad-phone-number', { value });
      if (/expected format|not a valid value/.test(m)) return text('bad-value-format', { field: field() });
      return text('bad-value', { field: field() });
    }
    case 'too-short':
      if (/must not be empty/.test(m)) return text('too-short-empty', { field: field() });
      return text('too-short', { field: field(), limit: numbers(m).at(-1) });
    case 'too-long':
    case 'too-few':
      return text(issue.code, { field: field(), limit: numbers(m).at(-1) });
    case 'too-many':
      if (/hang-up step has no ports/.test(m)) return text('too-many-hangup');
      return text('too-many', { field: field(), limit: numbers(m).at(-1) });
    case 'unknown-kind':
      return text(issue.code, { value: quoted(m)[0] });
    case 'bad-port':
      return text(issue.code, { port: last });
    case 'duplicate-id':
      return text(issue.code, { id: issue.nodeId });
    case 'unknown-start':
      return text(issue.code, { value: flow.start });
    case 'unknown-target':
      return text(issue.code, {
        port: portLabel(node, last, lang),
        value: String(valueAt(flow, issue.path) ?? ''),
      });
    case 'unconnected-port':
      return text(issue.code, { port: portLabel(node, last, lang) });
    case 'duplicate-option': {
      const option = valueAt(flow, issue.path) as { key?: string } | undefined;
      return text(issue.code, { key: option?.key });
    }
    case 'loop-without-wait':
      return text(issue.code, {
        steps: quoted(m)
          .map(step)
          .join(lang === 'ja' ? '、' : ', '),
      });
    case 'unknown-schedule':
    case 'unknown-channel':
    case 'bad-phone-number':
    case 'sms-not-mobile':
      return text(issue.code, { value: String(valueAt(flow, issue.path) ?? '') });
    case 'unknown-variable': {
      const name = /\{\{([^}]+)\}\}/.exec(m)?.[1];
      if (/only set once this step is done/.test(m)) return text('unknown-variable-self', { name });
      if (/no step sets it/.test(m)) return text('unknown-variable-unset', { name });
      const setter = /before it \(step "([^"]+)"/.exec(m)?.[1];
      return text('unknown-variable', { name, setter: setter ? step(setter) : undefined });
    }
    case 'bad-template':
      return text(issue.code, { value: quoted(m)[0] });
    case 'sms-too-long':
      return text(issue.code, { count: /is (\d+) characters/.exec(m)?.[1] });
    case 'digits-range': {
      let r = /at least (\d+) but at most (\d+) digits/.exec(m);
      if (r) return text('digits-min-over-max', { min: r[1], max: r[2] });
      r = /stops at (\d+) digits, but a \S+ entry has at least (\d+)/.exec(m);
      if (r) return text('digits-max-too-few', { max: r[1], fewest: r[2] });
      r = /at least (\d+) digits, but a \S+ entry has at most (\d+)/.exec(m);
      return r ? text('digits-min-too-many', { min: r[1], most: r[2] }) : undefined;
    }
    default:
      // no-prompt, not-json, schema-version and the schedule codes need no details.
      return text(issue.code);
  }
}

/** Errors first, then warnings; within each, document order (stable). */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity !== 'error')];
}

/** The pointer of an issue below its node (`/params/text`), or undefined when it is not about a node. */
export function pathInNode(issue: Issue): string | undefined {
  const match = /^\/nodes\/\d+(\/.*)?$/.exec(issue.path);
  return match ? (match[1] ?? '') : undefined;
}

/** React keys for a list of issues: what they say and where, numbered when that repeats. */
export function issueKeys(issues: readonly Issue[]): string[] {
  const seen = new Map<string, number>();
  return issues.map((issue) => {
    const base = `${issue.code}|${issue.path}|${issue.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}|${n}`;
  });
}
