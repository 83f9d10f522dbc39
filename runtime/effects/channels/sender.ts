/**
 * What every channel sender in this folder looks like: the shared `ChannelSend` contract
 * (types.ts) plus optional knobs the production caller never needs — a shorter timeout and a
 * clock — so tests can drive timeouts and token expiry without waiting for real time.
 */
import type { Channel, ChannelType, NotificationMessage, SendResult } from './types.ts';

export interface SendOptions {
  /** Per request; default 10 s, well inside the outbox lease. */
  timeoutMs?: number;
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number;
}

export const defaultTimeoutMs = 10_000;

export type Sender<T extends ChannelType> = (
  channel: Channel<T>,
  message: NotificationMessage,
  options?: SendOptions,
) => Promise<SendResult>;

export const nowOf = (options: SendOptions | undefined): number => (options?.now ?? Date.now)();
