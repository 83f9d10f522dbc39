/**
 * What the HTTP app needs from the outside world. main.ts builds the real ones; tests pass an
 * in-memory store, a fixed clock and a capturing logger.
 */
import type { Store } from '../store/types.ts';
import type { RuntimeConfig } from './config.ts';
import type { Logger } from './logger.ts';

export interface AppDeps {
  store: Store;
  config: RuntimeConfig;
  clock: () => Date;
  logger: Logger;
  /** Longest a webhook may take before the caller gets the fallback NCCO (default 800 ms). */
  webhookDeadlineMs?: number;
}

/** An NCCO as plain JSON; runtime/vonage builds and checks the actions. */
export type Ncco = Array<Record<string, unknown>>;
