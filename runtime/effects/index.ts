/**
 * runtime/effects — side effects performed outside the webhooks: the outbox worker drains the
 * store's outbox with retries and backoff; one sender file per channel (SMS via Vonage's
 * Messages API); the SMS delivery-receipt parser for the status webhook.
 *
 * May import: runtime/store types, runtime/engine types, schema/, @vonage/*, node:*.
 * Must not import: editor/, react, hono, runtime/http (it receives its logger and config
 * structurally), runtime/vonage.
 */
export { errorMessage, PermanentError } from './errors.ts';
export {
  createOutboxWorker,
  type EffectsLogger,
  type OutboxSender,
  type OutboxSenders,
  type OutboxWorker,
  type OutboxWorkerOptions,
  type RunResult,
  retryDelayMs,
} from './outbox-worker.ts';
export {
  clientRefFor,
  createVonageClient,
  maxClientRefLength,
  type SmsClient,
  type SmsMessage,
  smsMessageOf,
  smsSender,
  type VonageClientConfig,
  type VonageSmsOptions,
  vonageSmsClient,
} from './sms-sender.ts';
export { parseSmsStatus, recordSmsStatus, type SmsReceipt } from './sms-status.ts';
export { vonageFailure } from './vonage-failure.ts';
