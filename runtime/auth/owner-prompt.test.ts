import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { promptOwner } from './owner-prompt.ts';

/** Feeds the prompt one answer per question and keeps what it printed. */
function terminal(answers: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
    // Answer each question once it has been asked.
    if (/: $/.test(printed) && answers.length > 0) setImmediate(() => input.write(`${answers.shift()}\n`));
  });
  return { input, output, printed: () => printed };
}

describe('first owner prompt', () => {
  it('asks the email, then the password twice without echoing it, re-asking what is unusable', async () => {
    const tty = terminal(['not-an-email', 'owner@example.jp', 'short', 'a-long-password', 'a-long-password']);
    const owner = await promptOwner(tty.input, tty.output);
    expect(owner).toEqual({ email: 'owner@example.jp', password: 'a-long-password' });
    expect(tty.printed()).toContain('メールアドレスを正しく入力してください。');
    expect(tty.printed()).toContain('パスワードは10文字以上にしてください。');
    expect(tty.printed()).toContain('owner@example.jp');
    expect(tty.printed()).not.toContain('a-long-password');
    expect(tty.printed()).not.toContain('short');
  });

  it('gives up when the terminal closes', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const asked = promptOwner(input, output);
    input.end();
    await expect(asked).rejects.toThrow('the terminal closed');
  });
});
