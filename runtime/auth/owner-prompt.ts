/**
 * The first owner asked for on the terminal (`npm start` with no account yet and no
 * FLOWCALL_OWNER_* variables): email, then the password twice without echo. Each answer is
 * checked as the setup link would check it, and asked again (3 tries) when it is not usable.
 */
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { emailProblem, type NewOwner } from './first-start.ts';
import { passwordProblem } from './passwords.ts';

const tries = 3;

export async function promptOwner(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<NewOwner> {
  let muted = false;
  // Typed characters are echoed through this sink; while muted they go nowhere.
  const sink = new Writable({
    write(chunk, encoding, done) {
      if (!muted) output.write(chunk, encoding);
      done();
    },
  });
  const rl = createInterface({ input, output: sink, terminal: true });
  // Ctrl+D / a closed stdin ends the prompt instead of leaving the start hanging.
  const closed = new Promise<never>((_, reject) =>
    rl.once('close', () => reject(new Error('the terminal closed before the owner account was created'))),
  );
  closed.catch(() => undefined);
  const ask = async (question: string, secret = false) => {
    // Readline redraws its own prompt as keys arrive, so a visible question must be its prompt.
    if (!secret) return (await Promise.race([rl.question(question), closed])).trim();
    output.write(question);
    muted = true;
    try {
      return (await Promise.race([rl.question(''), closed])).trim();
    } finally {
      output.write('\n');
      muted = false;
    }
  };
  const askValid = async (
    question: string,
    problem: (answer: string) => { ja: string } | undefined,
    secret = false,
  ) => {
    for (let attempt = 1; attempt <= tries; attempt++) {
      const answer = await ask(question, secret);
      const wrong = problem(answer);
      if (!wrong) return answer;
      output.write(`${wrong.ja}\n`);
    }
    throw new Error('no usable answer: set FLOWCALL_OWNER_EMAIL and FLOWCALL_OWNER_PASSWORD instead');
  };
  try {
    output.write('flowcall: 最初のオーナーアカウントを作成します / create the first owner account\n');
    const email = await askValid('メールアドレス / email: ', emailProblem);
    for (let attempt = 1; attempt <= tries; attempt++) {
      const password = await askValid(
        'パスワード（10文字以上） / password (10+ characters): ',
        passwordProblem,
        true,
      );
      if ((await ask('もう一度 / again: ', true)) === password) return { email, password };
      output.write('パスワードが一致しません。/ The passwords differ.\n');
    }
    throw new Error('the passwords did not match');
  } finally {
    rl.close();
  }
}
