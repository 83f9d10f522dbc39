/**
 * Shared by menu and input: after a wrong or missing answer, explain and ask again while tries
 * remain; then give up through a port (with an apology if that port leads nowhere).
 */
import type { Outcome } from '../outcome.ts';
import { say, type TurnContext } from '../turn.ts';
import type { Waiting } from '../types.ts';

export function retryOrGiveUp(
  ctx: TurnContext,
  waiting: Waiting,
  retries: number,
  explanation: string,
  port: string,
  askAgain: () => void,
): Outcome {
  if (waiting.attempt < retries) {
    say(ctx, waiting.nodeId, explanation);
    askAgain();
    return { wait: { ...waiting, attempt: waiting.attempt + 1 } };
  }
  return { port, gaveUp: true };
}
