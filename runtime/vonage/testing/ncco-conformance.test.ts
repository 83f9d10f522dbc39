import { describe, expect, it } from 'vitest';
import type { StrictNcco, StrictNccoAction } from '../strict-ncco.ts';
import { nccoProblems, stale2021Rules } from './ncco-conformance.ts';

/**
 * The examples of the reference (../shared/reference/vonage.md §2, taken from Vonage's docs),
 * verbatim except the `…` placeholders. They must pass: the checker is not over-strict.
 */
const golden = {
  talk: {
    action: 'talk',
    text: 'お電話ありがとうございます。',
    language: 'ja-JP',
    style: 0,
    premium: false,
    bargeIn: true,
    loop: 1,
    level: 0,
  },
  stream: {
    action: 'stream',
    streamUrl: ['https://cdn.example.com/hold.mp3'],
    level: 0,
    bargeIn: false,
    loop: 1,
  },
  input: {
    action: 'input',
    type: ['dtmf', 'speech'],
    dtmf: { maxDigits: 1, timeOut: 5, submitOnHash: false },
    speech: {
      language: 'ja-JP',
      context: ['営業', 'サポート'],
      endOnSilence: 1.0,
      startTimeout: 10,
      maxDuration: 60,
      saveAudio: false,
      sensitivity: 90,
    },
    eventUrl: ['https://ivr.example.com/webhooks/input?call=CALLID&node=menu1'],
    eventMethod: 'POST',
  },
  record: {
    action: 'record',
    format: 'mp3',
    beepStart: true,
    endOnKey: '#',
    endOnSilence: 3,
    timeOut: 120,
    eventUrl: ['https://ivr.example.com/webhooks/recording?call=CALLID&node=vm'],
    transcription: { language: 'ja-JP', eventUrl: ['https://ivr.example.com/webhooks/transcription'] },
  },
  connect: {
    action: 'connect',
    from: '815012345678',
    timeout: 30,
    limit: 3600,
    eventType: 'synchronous',
    eventUrl: ['https://ivr.example.com/webhooks/connect?call=CALLID&node=xfer'],
    ringbackTone: 'https://cdn.example.com/ringback.mp3',
    endpoint: [{ type: 'phone', number: '819012345678', dtmfAnswer: 'p1' }],
  },
  conversation: {
    action: 'conversation',
    name: 'support-queue-1',
    startOnEnter: false,
    endOnExit: false,
    record: false,
    musicOnHoldUrl: ['https://cdn.example.com/hold.mp3'],
  },
  notify: {
    action: 'notify',
    payload: { node: 'n42', flowVersion: '7' },
    eventUrl: ['https://ivr.example.com/webhooks/notify?call=CALLID'],
    eventMethod: 'POST',
  },
  wait: { action: 'wait', timeout: 0.5 },
  transfer: { action: 'transfer', conversationId: 'CON-1', canHear: ['leg-uuid'], canSpeak: [], mute: false },
} satisfies Record<string, StrictNccoAction>;

describe('nccoProblems on Vonage-documented NCCOs', () => {
  it('passes every documented example (talk with bargeIn before the input)', () => {
    const { talk, input, ...rest } = golden;
    expect(nccoProblems([talk, input])).toEqual([]);
    for (const [name, action] of Object.entries(rest)) expect(nccoProblems([action]), name).toEqual([]);
  });

  it('passes documented forms the 2021 schema rejects (allow-listed stale rules)', () => {
    expect(nccoProblems([{ ...golden.record, format: 'ogg' }])).toEqual([]);
    expect(nccoProblems([{ ...golden.connect, endpoint: [{ type: 'app', user: 'alice' }] }])).toEqual([]);
    expect(nccoProblems([{ action: 'talk', text: 'Kia ora', language: 'mi-NZ' }])).toEqual([]);
    expect(stale2021Rules.map((r) => r.rule)).toHaveLength(4);
  });

  it('passes other endpoint types and documented extras', () => {
    const ws = {
      type: 'websocket',
      uri: 'wss://ai.example.com/socket',
      'content-type': 'audio/l16;rate=16000',
      headers: { a: 1 },
    };
    const sip = { type: 'sip', uri: 'sip:desk@pbx.example.com;transport=tls' };
    const connect = { ...golden.connect, endpoint: [ws] };
    expect(nccoProblems([connect])).toEqual([]);
    expect(nccoProblems([{ ...golden.connect, endpoint: [sip] }])).toEqual([]);
    const amd = {
      ...golden.connect,
      advancedMachineDetection: { behavior: 'continue', mode: 'detect', beep_timeout: 45 },
    };
    expect(nccoProblems([amd])).toEqual([]);
  });
});

describe('nccoProblems on broken NCCOs', () => {
  const fails = (ncco: unknown, pattern: RegExp) => {
    const problems = nccoProblems(ncco);
    expect(
      problems.some((p) => pattern.test(p)),
      problems.join('\n'),
    ).toBe(true);
  };

  it('catches typos in field names, also nested ones', () => {
    fails(
      [{ action: 'talk', text: 'x', bargein: true }],
      /additional properties \(bargein\) \[strict schema\]/,
    );
    fails(
      [{ ...golden.input, dtmf: { maxDigit: 1 } }],
      /\/0\/dtmf: must NOT have additional properties \(maxDigit\)/,
    );
    fails([{ action: 'tlak', text: 'x' }], /unknown NCCO action "tlak"/);
  });

  it('catches a string eventUrl and relative or non-http URLs', () => {
    fails(
      [{ ...golden.record, eventUrl: 'https://ivr.example.com/r' }],
      /\/0\/eventUrl: must be array \[strict schema\]/,
    );
    fails(
      [{ ...golden.record, eventUrl: 'https://ivr.example.com/r' }],
      /must be an array of URLs, even for one URL/,
    );
    fails([{ ...golden.record, eventUrl: ['/vonage/record'] }], /is not an absolute http\(s\) URL/);
    fails([{ ...golden.record, transcription: { eventUrl: ['ftp://x/y'] } }], /transcription\/eventUrl\/0/);
  });

  it('catches two endpoints and a missing number', () => {
    const two = {
      ...golden.connect,
      endpoint: [golden.connect.endpoint[0], { type: 'phone', number: '819011112222' }],
    };
    fails([two], /a connect takes exactly one endpoint \(has 2\)/);
    fails(
      [{ ...golden.connect, endpoint: [{ type: 'phone' }] }],
      /required property 'number' \[strict schema\]/,
    );
    fails(
      [{ ...golden.connect, endpoint: [{ type: 'phone' }] }],
      /required property 'number' \[Vonage 2021 schema\]/,
    );
  });

  it('catches what only the 2021 schema knows: ranges and patterns', () => {
    fails([{ action: 'talk', text: 'あ'.repeat(1501) }], /NOT have more than 1500 characters \[Vonage 2021/);
    fails([{ ...golden.record, endOnSilence: 2 }], /endOnSilence: must be >= 3 \[Vonage 2021/);
    fails([{ ...golden.connect, from: '+815012345678' }], /from: must match pattern/);
    fails(
      [{ action: 'talk', text: 'x', language: 'ja-jp' }],
      /language: must be equal to one of the allowed values/,
    );
  });

  it('catches a bargeIn without a following input, an empty NCCO and a non-array', () => {
    fails([{ action: 'talk', text: 'x', bargeIn: true }, golden.record], /bargeIn: true needs an input/);
    fails([], /must not be empty/);
    fails({ action: 'talk', text: 'x' }, /must be a JSON array/);
    fails(['talk'], /must be a JSON object/);
  });

  it('catches documented combinations no schema expresses', () => {
    fails([{ ...golden.record, channels: 2 }], /channels: needs split/);
    fails([{ ...golden.conversation, mute: true, canSpeak: [] }], /mute: cannot be combined with canSpeak/);
    fails([{ ...golden.connect, randomFromNumber: true }], /mutually exclusive/);
  });
});

describe('strict NCCO types (compile time, checked by tsc)', () => {
  it('accept the documented examples (golden is declared `satisfies`) and reject typos', () => {
    const ok: StrictNcco = Object.values(golden);
    // @ts-expect-error bargein is not a field ("Did you mean 'bargeIn'?")
    const typo: StrictNcco = [{ action: 'talk', text: 'x', bargein: true }];
    // @ts-expect-error eventUrl must be an array
    const stringUrl: StrictNcco = [{ action: 'notify', payload: {}, eventUrl: 'https://x' }];
    // @ts-expect-error a phone endpoint needs a number
    const noNumber: StrictNcco = [{ action: 'connect', endpoint: [{ type: 'phone' }] }];
    expect([ok, typo, stringUrl, noNumber].every(Array.isArray)).toBe(true);
  });
});

describe('speed', () => {
  it('checks a typical NCCO in well under a millisecond once compiled', () => {
    const ncco = [golden.talk, golden.input];
    nccoProblems(ncco);
    const start = performance.now();
    for (let i = 0; i < 1000; i++) nccoProblems(ncco);
    expect((performance.now() - start) / 1000).toBeLessThan(0.5);
  });
});
