/**
 * What the HTTP app needs from the outside world. main.ts builds the real ones; tests pass an
 * in-memory store, a fixed clock and a capturing logger.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { Store } from '../store/types.ts';
import type { RuntimeConfig } from './config.ts';
import type { Logger } from './logger.ts';

export interface AppDeps {
  store: Store;
  config: RuntimeConfig;
  clock: () => Date;
  logger: Logger;
  /** Flows offered as templates for new flows (the examples). */
  templates?: FlowDocument[];
  /**
   * Notification channels flows may name. Until channel settings exist (issue 5) these are the
   * channels the examples declare; undefined = unknown, so flows are not checked against them.
   */
  channels?: Array<{ id: string; type: string; name: string }>;
  /** Longest a webhook may take before the caller gets the fallback NCCO (default 800 ms). */
  webhookDeadlineMs?: number;
}

/** An NCCO as plain JSON; runtime/vonage builds and checks the actions. */
export type Ncco = Array<Record<string, unknown>>;
