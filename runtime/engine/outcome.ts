/**
 * What a node handler decides: take a port, wait for the caller, or end the call.
 */
import type { NodeKind, NodeOf } from '../../schema/kinds.ts';
import type { TurnContext } from './turn.ts';
import type { CallEvent, EndReason, Waiting } from './types.ts';

export type Outcome =
  | { port: string /** say the give-up apology when the port leads nowhere */; gaveUp?: boolean }
  | { wait: Waiting }
  | { end: EndReason };

export interface KindHandler<K extends NodeKind> {
  /** Runs when the walk enters the node. */
  enter(node: NodeOf<K>, ctx: TurnContext): Outcome;
  /**
   * Runs for an event while the call waits at this node. Undefined = the event does not apply
   * (it is ignored and the state stays as it was).
   */
  onEvent?(node: NodeOf<K>, ctx: TurnContext, event: CallEvent, waiting: Waiting): Outcome | undefined;
}

export type HandlerRegistry = { [K in NodeKind]: KindHandler<K> };
