import { describe, expect, it } from 'vitest';
import type { Action } from '../engine/types.ts';
import {
  busyNcco,
  fallbackNcco,
  messages,
  type RenderContext,
  renderNcco,
  unknownNumberNcco,
} from './ncco.ts';
import { nccoProblems } from './testing/ncco-conformance.ts';

const ctx: RenderContext = { baseUrl: 'https://ivr.example.jp/', callId: 'u-1', seq: 3, language: 'ja-JP' };
const cb = (route: string, node: string) => `https://ivr.example.jp/vonage/${route}?c=u-1&n=${node}&s=3`;

const say = (text: string, nodeId = 'greet'): Extract<Action, { type: 'say' }> => ({
  type: 'say',
  nodeId,
  text,
  language: 'ja-JP',
});
const menu: Action = {
  type: 'collect',
  nodeId: 'menu',
  purpose: 'menu',
  maxDigits: 1,
  timeoutSeconds: 5,
  submitOnHash: false,
};

/** Renders and insists the result conforms: every test below goes through the checker. */
function render(actions: Action[], context: RenderContext = ctx) {
  const ncco = renderNcco(actions, context);
  expect(nccoProblems(ncco)).toEqual([]);
  return ncco;
}

describe('renderNcco', () => {
  it('renders a menu turn: talk + talk + input, bargeIn on the prompts before the input', () => {
    const ncco = render([
      say('お電話ありがとうございます。'),
      say('ご用件の番号を押してください。', 'menu'),
      menu,
    ]);
    expect(ncco).toEqual([
      { action: 'talk', text: 'お電話ありがとうございます。', language: 'ja-JP', style: 0, bargeIn: true },
      { action: 'talk', text: 'ご用件の番号を押してください。', language: 'ja-JP', style: 0, bargeIn: true },
      {
        action: 'input',
        type: ['dtmf'],
        dtmf: { maxDigits: 1, timeOut: 5, submitOnHash: false },
        eventUrl: [cb('input', 'menu')],
        eventMethod: 'POST',
      },
    ]);
  });

  it('adds speech settings when the caller may speak', () => {
    const ncco = render([{ ...menu, speech: { language: 'ja-JP', hints: ['予約', '営業時間'] } }]);
    expect(ncco[0]).toMatchObject({
      type: ['dtmf', 'speech'],
      speech: {
        language: 'ja-JP',
        context: ['予約', '営業時間'],
        endOnSilence: 1,
        startTimeout: 10,
        maxDuration: 15,
      },
    });
  });

  it('keeps bargeIn false when no input follows, and repeats with loop', () => {
    const ncco = render([
      say('本日は休業日です。'),
      { type: 'play', nodeId: 'music', url: 'https://cdn.example.jp/a.mp3', repeat: 2 },
    ]);
    expect(ncco).toEqual([
      { action: 'talk', text: '本日は休業日です。', language: 'ja-JP', style: 0, bargeIn: false },
      { action: 'stream', streamUrl: ['https://cdn.example.jp/a.mp3'], bargeIn: false, loop: 2 },
    ]);
  });

  it('lets a stream barge into a following input, and a say repeat becomes loop', () => {
    const ncco = render([
      { type: 'play', nodeId: 'p', url: 'https://cdn.example.jp/menu.mp3' },
      { ...say('もう一度'), repeat: 3 },
      menu,
    ]);
    expect(ncco[0]).toMatchObject({ action: 'stream', bargeIn: true });
    expect(ncco[1]).toMatchObject({ action: 'talk', bargeIn: true, loop: 3 });
  });

  it('renders a record with stop conditions and transcription, followed by the notify checkpoint', () => {
    const ncco = render([
      say('発信音のあとにメッセージをどうぞ。', 'vm'),
      {
        type: 'record',
        nodeId: 'vm',
        beep: true,
        maxSeconds: 120,
        endOnSilenceSeconds: 3,
        endOnKey: '#',
        transcribe: true,
        language: 'ja-JP',
      },
    ]);
    expect(ncco.slice(1)).toEqual([
      {
        action: 'record',
        format: 'mp3',
        beepStart: true,
        endOnKey: '#',
        endOnSilence: 3,
        timeOut: 120,
        eventUrl: [cb('record', 'vm')],
        eventMethod: 'POST',
        transcription: { language: 'ja-JP', eventUrl: [cb('transcription', 'vm')] },
      },
      {
        action: 'notify',
        payload: { c: 'u-1', n: 'vm', s: 3 },
        eventUrl: [cb('continue', 'vm')],
        eventMethod: 'POST',
      },
    ]);
    expect(ncco[0]).toMatchObject({ bargeIn: false });
  });

  it('leaves out unset record options', () => {
    const ncco = render([
      { type: 'record', nodeId: 'vm', beep: false, maxSeconds: 60, transcribe: false, language: 'ja-JP' },
    ]);
    expect(ncco[0]).toEqual({
      action: 'record',
      format: 'mp3',
      beepStart: false,
      timeOut: 60,
      eventUrl: [cb('record', 'vm')],
      eventMethod: 'POST',
    });
  });

  it('renders a transfer as a synchronous connect to one phone endpoint, numbers without +', () => {
    const ncco = render([
      say('担当者におつなぎします。', 'xfer'),
      {
        type: 'transfer',
        nodeId: 'xfer',
        to: ['+819012345678'],
        ringSeconds: 25,
        from: '+81501234567',
        attempt: 1,
      },
    ]);
    expect(ncco[1]).toEqual({
      action: 'connect',
      from: '81501234567',
      timeout: 25,
      eventType: 'synchronous',
      eventUrl: [cb('connect', 'xfer')],
      eventMethod: 'POST',
      endpoint: [{ type: 'phone', number: '819012345678' }],
    });
  });

  it('rings only the first number of a simultaneous transfer (one endpoint per connect)', () => {
    const ncco = render([
      {
        type: 'transfer',
        nodeId: 'x',
        to: ['+819011112222', '+819033334444'],
        ringSeconds: 20,
        from: '+81312345678',
        attempt: 1,
      },
    ]);
    expect(ncco).toHaveLength(1);
    expect(ncco[0]).toMatchObject({ endpoint: [{ type: 'phone', number: '819011112222' }] });
  });

  it('lets Vonage pick the caller ID when the given one is unusable', () => {
    const ncco = render([
      {
        type: 'transfer',
        nodeId: 'x',
        to: ['+819011112222'],
        ringSeconds: 20,
        from: 'anonymous',
        attempt: 1,
      },
    ]);
    expect(ncco[0]).toMatchObject({ randomFromNumber: true });
    expect(ncco[0]).not.toHaveProperty('from');
  });

  it('renders nothing for SMS, notifications and hangup; an NCCO that would be empty says goodbye', () => {
    const ncco = render([
      {
        type: 'send-sms',
        nodeId: 's',
        to: '+819012345678',
        text: 'x',
        encoding: 'UCS-2',
        segments: 1,
        idempotencyKey: 'k',
      },
      { type: 'notify', nodeId: 'n', channel: 'staff', message: 'm', idempotencyKey: 'k2' },
      { type: 'hangup', reason: 'flow-end' },
    ]);
    expect(ncco).toEqual([
      {
        action: 'talk',
        text: 'お電話ありがとうございました。失礼いたします。',
        language: 'ja-JP',
        style: 0,
        bargeIn: false,
      },
    ]);
    expect(render([say('さようなら。'), { type: 'hangup', reason: 'hangup-node' }])).toHaveLength(1);
  });

  it('URL-encodes query values and strips trailing slashes from the base URL', () => {
    const ncco = render([menu], { ...ctx, baseUrl: 'https://ivr.example.jp/app//', callId: 'a b&c=d/é' });
    expect(ncco[0]).toMatchObject({
      eventUrl: ['https://ivr.example.jp/app/vonage/input?c=a%20b%26c%3Dd%2F%C3%A9&n=menu&s=3'],
    });
  });

  it('keeps values inside Vonage limits and splits text over 1,500 characters at sentence ends', () => {
    const long = `${'あ'.repeat(1000)}。${'い'.repeat(1000)}。`;
    const ncco = render([say(long), { ...menu, maxDigits: 40, timeoutSeconds: 30 }]);
    expect(ncco.map((a) => (a.action === 'talk' ? a.text.length : 0))).toEqual([1001, 1001, 0]);
    expect(ncco[2]).toMatchObject({ dtmf: { maxDigits: 20, timeOut: 10 } });
    expect(render([say('   ')])).toHaveLength(1);
  });
});

describe('fixed NCCOs', () => {
  it('fallback: apology, then connect to the fallback number when there is one', () => {
    const withNumber = fallbackNcco({
      language: 'ja-JP',
      fallbackNumber: '+81312345678',
      from: '+81501234567',
    });
    expect(nccoProblems(withNumber)).toEqual([]);
    expect(withNumber).toEqual([
      { action: 'talk', text: messages.apology, language: 'ja-JP', style: 0, bargeIn: false },
      { action: 'connect', from: '81501234567', endpoint: [{ type: 'phone', number: '81312345678' }] },
    ]);
    const alone = fallbackNcco({ language: 'ja-JP' });
    expect(alone).toEqual([withNumber[0]]);
    expect(fallbackNcco({ language: 'ja-JP', fallbackNumber: '+81312345678' })[1]).toMatchObject({
      randomFromNumber: true,
    });
  });

  it('busy and unknown number: one polite Japanese talk', () => {
    for (const ncco of [busyNcco('ja-JP'), unknownNumberNcco('ja-JP')]) {
      expect(nccoProblems(ncco)).toEqual([]);
      expect(ncco).toHaveLength(1);
    }
    expect(busyNcco('ja-JP')[0]).toMatchObject({
      text: 'ただいま大変混み合っております。恐れ入りますが、しばらくしてからおかけ直しください。',
    });
    expect(unknownNumberNcco('ja-JP')[0]).toMatchObject({
      text: expect.stringContaining('現在使われておりません'),
    });
  });
});
