import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openAt, shopFlow, shopSchedules, speechFlow } from '../simulator/test-flows.ts';
import type { SimulateOptions } from '../simulator/types.ts';
import { runInteractive } from './interactive.ts';
import type { Io } from './io.ts';

/** Plays typed lines into interactive mode and collects everything shown. */
async function play(lines: string[], flow = shopFlow) {
  const input = new PassThrough();
  const shown: string[] = [];
  const prompts: string[] = [];
  const io: Io = {
    out: (line) => shown.push(line),
    err: (line) => shown.push(`stderr: ${line}`),
    cwd: '.',
    stdin: input,
    stdinIsTTY: true,
    prompt: new Writable({
      write(chunk, _encoding, done) {
        prompts.push(String(chunk));
        done();
      },
    }),
    now: () => new Date(openAt),
  };
  input.end(lines.map((line) => `${line}\n`).join(''));
  const options: SimulateOptions = { at: openAt, from: '090-1234-5678', schedules: shopSchedules };
  const result = await runInteractive(flow, options, io);
  return { result, shown, prompts };
}

describe('interactive simulate', () => {
  it('shows what the caller hears, asks for keys in Japanese and English, and follows them', async () => {
    const { result, shown, prompts } = await play(['1']);
    expect(prompts[0]).toBe('ボタンを押してください (keys) > ');
    expect(shown).toContainEqual(expect.stringContaining('🔊 [menu] SMSは1を'));
    expect(shown).toContainEqual(expect.stringMatching(/caller presses 1$/));
    expect(shown.at(-1)).toBe('result: completed');
    expect(result.path).toEqual(['welcome', 'hours', 'menu', 'sms', 'bye']);
  });

  it('explains a step that does not fit and asks again', async () => {
    const { result, shown, prompts } = await play([
      '2',
      'say もしもし',
      '1',
      'transfer busy',
      'record 山田です',
    ]);
    expect(prompts.slice(0, 4)).toEqual([
      'ボタンを押してください (keys) > ',
      '転送先の結果は? (answered, busy, no-answer, failed) > ',
      '転送先の結果は? (answered, busy, no-answer, failed) > ',
      '転送先の結果は? (answered, busy, no-answer, failed) > ',
    ]);
    expect(shown).toContainEqual(
      "⚠ step 2 (say もしもし): the call is waiting for the transfer outcome at 'xfer', not for speech",
    );
    expect(result.vars['vm.transcript']).toBe('山田です');
    expect(result.result).toBe('completed');
    // Mistakes typed at the prompt were answered on the spot; they are not problems of the call.
    expect(result.problems).toEqual([]);
  });

  it('offers speech on menus that listen, and help for words it does not know', async () => {
    const { result, shown, prompts } = await play(['dance', 'say 予約です'], speechFlow);
    expect(prompts[0]).toBe('ボタンを押すか、お話しください (keys, or say …) > ');
    expect(shown).toContainEqual('"dance" is not something a caller can do (type "help" for the actions)');
    expect(result.path).toEqual(['menu', 'booking']);
  });

  it('hangs up on quit or at the end of input', async () => {
    expect((await play(['quit', '1'])).result.result).toBe('caller-hangup');
    expect((await play([])).result.result).toBe('caller-hangup');
  });
});
