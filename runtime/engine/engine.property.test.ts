/**
 * Property test: random structurally valid flows with random caller scripts never make the engine
 * throw, and every call ends with a result (a failed call only with a reported failure code).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../schema/generated/flow.ts';
import { checkStructure } from '../../schema/structure.ts';
import { startCall, step } from './engine.ts';
import { flowOf, weekdayShop } from './test-helpers.ts';
import type { CallEvent, Turn } from './types.ts';

const keys = ['0', '1', '2', '3', '9', '*', '#'];
const numbers = ['090-1234-5678', '03-1234-5678', '+81501234567', '080-9999-0000'];

/** A node of a random kind whose ports point at random indices (or nowhere). */
function nodeArb(count: number) {
  const target = fc.option(fc.nat(count - 1), { nil: undefined });
  const text = fc.constantFrom('ようこそ', '{{caller.number}} 様', '{{m0.choice}} を承りました', '');
  const ports = (names: string[]) =>
    fc.tuple(...names.map(() => target)).map((targets) => {
      const next: Record<string, string> = {};
      names.forEach((name, i) => {
        if (targets[i] !== undefined) next[name] = `n${targets[i]}`;
      });
      return next;
    });
  return fc.oneof(
    fc
      .record({ kind: fc.constant('say' as const), text, next: ports(['next']) })
      .map(({ kind, text: t, next }) => ({ kind, params: { text: t || 'こんにちは' }, next })),
    fc
      .record({
        options: fc.uniqueArray(fc.constantFrom(...keys), { minLength: 1, maxLength: 4 }),
        retries: fc.nat(3),
        speech: fc.boolean(),
      })
      .chain(({ options, retries, speech }) =>
        ports([...options, 'timeout', 'invalid']).map((next) => ({
          kind: 'menu' as const,
          params: {
            prompt: 'メニュー',
            options: options.map((key) => ({ key, label: `選択${key}`, keywords: [`キー${key}`] })),
            retries,
            speech,
            saveAs: 'm0',
          },
          next,
        })),
      ),
    fc
      .record({
        shape: fc.constantFrom('any', 'jp-phone', 'jp-mobile', 'date' as const),
        readBack: fc.boolean(),
      })
      .chain(({ shape, readBack }) =>
        ports(['done', 'invalid']).map((next) => ({
          kind: 'input' as const,
          params: { prompt: '番号', shape, readBack, retries: 1 },
          next,
        })),
      ),
    ports(['open', 'closed']).map((next) => ({ kind: 'hours' as const, params: { schedule: 'shop' }, next })),
    fc
      .record({ to: fc.constantFrom('caller', ...numbers), next: ports(['sent', 'failed']) })
      .map(({ to, next }) => ({ kind: 'sms' as const, params: { to, text: 'SMS {{caller.number}}' }, next })),
    ports(['done']).map((next) => ({ kind: 'record' as const, params: { prompt: '録音します' }, next })),
    fc
      .record({
        dests: fc.uniqueArray(fc.constantFrom(...numbers), { minLength: 1, maxLength: 3 }),
        ringing: fc.constantFrom('sequential', 'simultaneous' as const),
        next: ports(['answered', 'failed']),
      })
      .map(({ dests, ringing, next }) => ({
        kind: 'transfer' as const,
        params: { destinations: dests.map((number) => ({ number })), ringing },
        next,
      })),
    ports(['next']).map((next) => ({
      kind: 'notify' as const,
      params: { channel: 'staff', message: '着信 {{caller.number}}' },
      next,
    })),
    fc.constant({ kind: 'hangup' as const, params: { text: 'さようなら' } }),
  );
}

const flowArb = fc
  .integer({ min: 1, max: 25 })
  .chain((count) =>
    fc.tuple(fc.array(nodeArb(count), { minLength: count, maxLength: count }), fc.nat(count - 1)),
  )
  .map(([nodes, start]) =>
    flowOf(
      nodes.map((n, i) => ({ id: `n${i}`, ...n }) as Node),
      `n${start}`,
    ),
  );

const eventArb: fc.Arbitrary<Omit<CallEvent, 'at'> & { stale?: boolean }> = fc.oneof(
  fc.record({ type: fc.constant('digits' as const), digits: fc.stringMatching(/^[0-9*#]{0,12}$/) }),
  fc.record({ type: fc.constant('speech' as const), text: fc.constantFrom('キー1', '予約', '', 'もしもし') }),
  fc.record({ type: fc.constant('timeout' as const) }),
  fc.record({
    type: fc.constant('recorded' as const),
    recordingUrl: fc.constant('https://rec/1'),
    seconds: fc.nat(300),
    transcript: fc.string(),
  }),
  fc.record({
    type: fc.constant('transcribed' as const),
    nodeId: fc.constantFrom('n0', 'n1', 'x'),
    transcript: fc.string(),
  }),
  fc.record({
    type: fc.constant('transfer-ended' as const),
    outcome: fc.constantFrom('answered', 'busy', 'no-answer', 'failed' as const),
  }),
  fc.record({ type: fc.constant('bridge-ended' as const) }),
  fc.record({ type: fc.constant('hangup' as const) }),
  fc.record({ type: fc.constant('digits' as const), digits: fc.constant('1'), stale: fc.constant(true) }),
);

const env = { schedules: { shop: weekdayShop } };
const atArb = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((ms) => new Date(ms).toISOString());

describe('engine properties', () => {
  it('never throws, and every call ends with a result or a reported failure', () => {
    fc.assert(
      fc.property(
        flowArb,
        fc.array(eventArb, { maxLength: 30 }),
        atArb,
        fc.constantFrom('819012345678', '81312345678', 'anonymous'),
        (flow, script, at, from) => {
          expect(checkStructure('flow', flow)).toEqual([]);
          let turn: Turn = startCall(flow, { callId: 'p', from, to: '815012345678', at }, env);
          const turns = [turn];
          for (const { stale, ...event } of script) {
            if (turn.state.status === 'ended' && event.type !== 'transcribed') break;
            const seq = stale ? turn.state.seq - 1 : turn.state.seq;
            turn = step(flow, turn.state, { ...event, at, seq } as CallEvent, env);
            turns.push(turn);
          }
          // Whatever the script left open, a real call ends: the caller hangs up, a recording completes.
          for (let guard = 0; turn.state.status !== 'ended' && guard < 5; guard += 1) {
            const waiting = turn.state.waiting;
            const closing: CallEvent =
              waiting?.kind === 'record' && turn.state.callerGone
                ? { type: 'recorded', at, seq: turn.state.seq, recordingUrl: 'https://rec/2' }
                : { type: 'hangup', at };
            turn = step(flow, turn.state, closing, env);
            turns.push(turn);
          }
          expect(turn.state.status).toBe('ended');
          expect(turn.state.result).toBeDefined();
          if (turn.state.result === 'failed') expect(turn.state.failure?.code).toBeDefined();
          // A turn that ends the call while the caller listens ends with a hang-up action, never silence.
          for (const t of turns) {
            const end = t.trace.find((e) => e.type === 'end');
            const listening =
              !t.state.callerGone &&
              end?.type === 'end' &&
              end.reason !== 'caller-hangup' &&
              end.reason !== 'transfer-ended';
            if (listening && t.actions.length > 0) {
              expect(t.actions.at(-1)?.type).toBe('hangup');
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
