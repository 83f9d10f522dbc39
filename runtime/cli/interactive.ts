/**
 * Interactive `flowcall simulate`: the tester plays the caller. After each turn it shows what the
 * caller hears, then asks for one action per line. A step that does not fit is explained and
 * asked again; `quit` (or end of input) hangs up.
 */
import { createInterface } from 'node:readline';
import type { Flow } from '../../schema/kinds.ts';
import type { Waiting } from '../engine/types.ts';
import type { SimulationSession } from '../simulator/session.ts';
import { startSimulation } from '../simulator/simulate.ts';
import type { SimulateOptions, SimulationResult } from '../simulator/types.ts';
import type { Io } from './io.ts';
import { stepFromLine } from './script-args.ts';
import { printSummary, transcriptLine } from './simulate-output.ts';

const help = [
  'What the caller can do / 操作:',
  '  1, 0312345678#     press keys / ボタンを押す',
  '  say 予約           speak to a menu that listens / 話す',
  '  silence            do nothing until it times out / 何もしない',
  '  record お名前…     leave a message / 録音する',
  '  transfer busy      staff phone: answered, busy, no-answer, failed / 転送結果',
  '  hangup             hang up / 電話を切る',
  '  quit               end the simulation / 終了',
].join('\n');

function promptFor(waiting: Waiting, session: SimulationSession): string {
  switch (waiting.kind) {
    case 'menu':
      return session.listensForSpeech()
        ? 'ボタンを押すか、お話しください (keys, or say …) > '
        : 'ボタンを押してください (keys) > ';
    case 'input':
      return '番号を入力してください (digits, # to finish) > ';
    case 'record':
      return '録音中です。お話しください (record …, silence, hangup) > ';
    case 'transfer':
      return '転送先の結果は? (answered, busy, no-answer, failed) > ';
    case 'bridge':
      return '通話中です (hangup) > ';
  }
}

export async function runInteractive(
  flow: Flow,
  options: SimulateOptions,
  io: Io,
): Promise<SimulationResult> {
  const session = startSimulation(flow, options);
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  let shown = 0;
  const showNew = () => {
    for (const line of session.lines.slice(shown)) io.out(transcriptLine(line));
    shown = session.lines.length;
  };
  io.out('シミュレーションを開始します (simulation started; type "help" for the actions)');
  showNew();
  try {
    for (let waiting = session.waiting; waiting; waiting = session.waiting) {
      io.prompt.write(promptFor(waiting, session));
      const next = await lines.next();
      if (next.done) {
        io.out('');
        break;
      }
      const step = stepFromLine(String(next.value));
      if (step === 'quit') break;
      if (step === 'help') {
        io.out(help);
        continue;
      }
      if ('error' in step) {
        io.out(`${step.error} (type "help" for the actions)`);
        continue;
      }
      const problem = session.apply(step);
      if (problem) io.out(`⚠ ${problem.message}`);
      showNew();
    }
  } finally {
    rl.close();
  }
  session.hangUpAtEndOfScript('the simulation was ended');
  showNew();
  const result = session.result();
  printSummary(result, io);
  // Mistyped steps were explained and retried; they are not problems of the call.
  return { ...result, problems: [] };
}
