/**
 * The Vonage payload readers promise never to throw (runtime/vonage/payloads.ts): any JSON value
 * — also a non-object, which the HTTP layer normally refuses first — is read or refused with a
 * reason. Checked directly, below the routes, so a reader used elsewhere keeps the promise too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSmsStatus } from '../../effects/sms-status.ts';
import {
  connectOutcome,
  parseAnswer,
  parseCallEvent,
  parseInput,
  parseRecord,
  parseTranscription,
} from '../../vonage/payloads.ts';
import { fuzzSeed } from './fuzz-app.ts';
import { junk } from './vonage-arbitraries.ts';

const readers = { parseAnswer, parseCallEvent, parseInput, parseRecord, parseTranscription };

/** Objects with the keys the readers look at, holding anything. */
const payload = fc.dictionary(
  fc.constantFrom(
    'uuid',
    'to',
    'from',
    'conversation_uuid',
    'status',
    'dtmf',
    'speech',
    'recording_url',
    'start_time',
    'end_time',
    'size',
    'duration',
    'transcription_url',
    'call_uuid',
    'message_uuid',
    'timestamp',
    'error',
  ),
  fc.oneof(junk, fc.jsonValue({ maxDepth: 3 })),
);

describe('the Vonage payload readers', () => {
  it('read or refuse any JSON value without throwing', () => {
    const seed = fuzzSeed('vonage payload readers');
    fc.assert(
      fc.property(fc.oneof(payload, fc.jsonValue()), (value) => {
        for (const [name, read] of Object.entries(readers)) {
          const result = read(value as Record<string, unknown>);
          expect(typeof result.ok, name).toBe('boolean');
          if (!result.ok) expect(result.reason, name).toBeTruthy();
        }
        const status = parseCallEvent(value as Record<string, unknown>);
        if (status.ok) connectOutcome(status.value.status);
        const receipt = parseSmsStatus(value, () => new Date('2026-11-24T03:00:00Z'));
        if (receipt) expect(Number.isNaN(Date.parse(receipt.at))).toBe(false);
      }),
      { seed, numRuns: 3000 },
    );
  });
});
