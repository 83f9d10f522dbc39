/**
 * Checks a simulated call against a flow-test case's `expect` block. Each failed expectation is
 * one readable sentence naming the field, what was expected and what happened, because the
 * person reading it is fixing a flow, not debugging the simulator.
 */
import type { Expect } from '../../schema/generated/flow-test.ts';
import { parsePhone } from '../../schema/phone.ts';
import type { SimulationResult } from './types.ts';

export function checkExpectations(expect: Expect, run: SimulationResult): string[] {
  const reasons: string[] = [];
  if (expect.result !== undefined && run.result !== expect.result) {
    const why = run.failure ? ` (${run.failure.code}: ${run.failure.message})` : '';
    reasons.push(`result: expected ${expect.result}, got ${run.result}${why}`);
  }
  if (expect.failure !== undefined && run.failure?.code !== expect.failure) {
    reasons.push(`failure: expected ${expect.failure}, got ${run.failure?.code ?? 'no failure'}`);
  }
  if (expect.path) reasons.push(...checkPath(expect.path, run.path));
  if (expect.visits) reasons.push(...checkVisits(expect.visits, run.path));
  for (const id of expect.notVisits ?? []) {
    if (run.path.includes(id)) reasons.push(`notVisits: '${id}' was visited (path: ${showPath(run.path)})`);
  }
  if (expect.says) reasons.push(...checkSays(expect.says, run));
  if (expect.sms) reasons.push(...checkSms(expect.sms, run));
  if (expect.notifications) reasons.push(...checkNotifications(expect.notifications, run));
  if (expect.transfers) reasons.push(...checkTransfers(expect.transfers, run));
  for (const [name, value] of Object.entries(expect.vars ?? {})) {
    const actual = run.vars[name];
    if (actual === undefined) reasons.push(`vars: '${name}' is not set, expected ${JSON.stringify(value)}`);
    else if (actual !== value)
      reasons.push(`vars: '${name}' is ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`);
  }
  return reasons;
}

function showPath(path: readonly string[]): string {
  return path.length === 0 ? '(empty)' : path.join(' → ');
}

function checkPath(expected: readonly string[], actual: readonly string[]): string[] {
  const same = expected.length === actual.length && expected.every((id, i) => actual[i] === id);
  if (same) return [];
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  const where =
    at < expected.length && at < actual.length
      ? `step ${at + 1} is '${actual[at]}', expected '${expected[at]}'`
      : at < expected.length
        ? `the call stopped before '${expected[at]}'`
        : `the call went on to '${actual[at]}'`;
  return [`path: ${where}\n  expected: ${showPath(expected)}\n  actual:   ${showPath(actual)}`];
}

function checkVisits(expected: readonly string[], actual: readonly string[]): string[] {
  let from = 0;
  let previous: string | undefined;
  for (const id of expected) {
    const found = actual.indexOf(id, from);
    if (found < 0) {
      const after = previous === undefined ? '' : ` after '${previous}'`;
      return [`visits: '${id}' was not visited${after} (path: ${showPath(actual)})`];
    }
    from = found + 1;
    previous = id;
  }
  return [];
}

/** Pieces must be heard in order; several pieces may come from the same prompt. */
function checkSays(expected: readonly string[], run: SimulationResult): string[] {
  const texts = run.actions.flatMap((a) => (a.type === 'say' ? [a.text] : []));
  let textIndex = 0;
  let offset = 0;
  let previous: string | undefined;
  for (const piece of expected) {
    let found = false;
    for (; textIndex < texts.length; textIndex++, offset = 0) {
      const at = texts[textIndex]!.indexOf(piece, offset);
      if (at >= 0) {
        offset = at + piece.length;
        found = true;
        break;
      }
    }
    if (!found) {
      const after = previous === undefined ? '' : ` after 「${previous}」`;
      const heard = texts.length === 0 ? 'nothing' : texts.map((t) => `「${t}」`).join(' ');
      return [`says: 「${piece}」 was not heard${after}; heard: ${heard}`];
    }
    previous = piece;
  }
  return [];
}

/** Compares phone numbers as numbers: 090-1234-5678 and +819012345678 are the same phone. */
export function samePhone(a: string, b: string): boolean {
  return normalisePhone(a) === normalisePhone(b);
}

function normalisePhone(number: string): string {
  return parsePhone(number)?.e164 ?? number.trim();
}

function countMismatch(field: string, noun: string, expected: number, actual: string[]): string[] {
  const list = actual.length === 0 ? '' : `: ${actual.join('; ')}`;
  return [`${field}: expected ${expected} ${noun}, got ${actual.length}${list}`];
}

function checkSms(expected: NonNullable<Expect['sms']>, run: SimulationResult): string[] {
  const sent = run.actions.flatMap((a) => (a.type === 'send-sms' ? [a] : []));
  if (sent.length !== expected.length)
    return countMismatch(
      'sms',
      'SMS',
      expected.length,
      sent.map((s) => `to ${s.to} 「${s.text}」`),
    );
  const reasons: string[] = [];
  expected.forEach((want, i) => {
    const got = sent[i]!;
    if (want.to !== undefined && !samePhone(want.to, got.to))
      reasons.push(`sms[${i}]: sent to ${got.to}, expected ${want.to}`);
    if (want.includes !== undefined && !got.text.includes(want.includes))
      reasons.push(`sms[${i}]: text does not include 「${want.includes}」: 「${got.text}」`);
  });
  return reasons;
}

function checkNotifications(expected: NonNullable<Expect['notifications']>, run: SimulationResult): string[] {
  const sent = run.actions.flatMap((a) => (a.type === 'notify' ? [a] : []));
  if (sent.length !== expected.length)
    return countMismatch(
      'notifications',
      'notification(s)',
      expected.length,
      sent.map((n) => `${n.channel} 「${n.message}」`),
    );
  const reasons: string[] = [];
  expected.forEach((want, i) => {
    const got = sent[i]!;
    if (want.channel !== undefined && got.channel !== want.channel)
      reasons.push(`notifications[${i}]: sent to channel '${got.channel}', expected '${want.channel}'`);
    if (want.includes !== undefined && !got.message.includes(want.includes))
      reasons.push(`notifications[${i}]: message does not include 「${want.includes}」: 「${got.message}」`);
  });
  return reasons;
}

/** Each attempt is the set of numbers rung at once; their order within an attempt is free. */
function checkTransfers(expected: NonNullable<Expect['transfers']>, run: SimulationResult): string[] {
  const attempts = run.actions.flatMap((a) => (a.type === 'transfer' ? [a.to] : []));
  const show = (numbers: readonly string[]) => `[${numbers.join(', ')}]`;
  if (attempts.length !== expected.length)
    return countMismatch('transfers', 'transfer attempt(s)', expected.length, attempts.map(show));
  const reasons: string[] = [];
  expected.forEach((want, i) => {
    const got = attempts[i]!;
    const a = want.to.map(normalisePhone).sort();
    const b = got.map(normalisePhone).sort();
    if (a.length !== b.length || a.some((n, k) => n !== b[k]))
      reasons.push(`transfers[${i}]: rang ${show(got)}, expected ${show(want.to)}`);
  });
  return reasons;
}
