/**
 * What the HTTP app needs from the outside world. main.ts builds the real ones; tests pass an
 * in-memory store, a fixed clock and a capturing logger.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { SendMail } from '../auth/mailer.ts';
import type { ChannelSend } from '../effects/channels/types.ts';
import type { ValidateChannelSettings } from '../effects/notify-sender.ts';
import type { RecordingStorage } from '../store/recording-storage.ts';
import type { Store } from '../store/types.ts';
import type { RecordingFetcher } from '../vonage/recording-file.ts';
import type { RuntimeConfig } from './config.ts';
import type { Logger } from './logger.ts';
import type { RecordingLinks } from './recording-links.ts';

export interface AppDeps {
  store: Store;
  config: RuntimeConfig;
  clock: () => Date;
  logger: Logger;
  /** Flows offered as templates for new flows (the examples). */
  templates?: FlowDocument[];
  /** Sends one message to a channel (effects/channels/index.ts; tests pass a loopback sender). */
  sendToChannel?: ChannelSend;
  /** What is wrong with a channel's settings (empty = usable); checked on PUT /api/channels/:id. */
  validateChannelSettings?: ValidateChannelSettings;
  /** Signs and checks recording links; undefined (no secret key) = notifications carry none. */
  recordingLinks?: RecordingLinks;
  /** Streams a recording file from Vonage; undefined = no Vonage credentials. */
  fetchRecording?: RecordingFetcher;
  /** Copies of recordings the worker downloaded (./data/recordings); undefined = none are kept. */
  recordings?: RecordingStorage;
  /** Longest a webhook may take before the caller gets the fallback NCCO (default 800 ms). */
  webhookDeadlineMs?: number;
  /** Sends the account emails (password reset, invitations); createApp builds it from config.smtpUrl. */
  sendMail?: SendMail;
  /** The first start's one-time token (main.ts): POST /api/auth/setup creates the owner with it. */
  setupToken?: string;
}

/** An NCCO as plain JSON; runtime/vonage builds and checks the actions. */
export type Ncco = Array<Record<string, unknown>>;
