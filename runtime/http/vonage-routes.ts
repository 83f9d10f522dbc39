/**
 * Vonage webhooks. NCCO routes always answer a deliberate NCCO: a refused, malformed or failing
 * request gets the fallback NCCO (with a 4xx for refused/malformed input), never a bare 500 or
 * silence, and within the webhook deadline.
 */
import { type Context, Hono } from 'hono';
import { recordSmsStatus } from '../effects/sms-status.ts';
import type { NewCallEvent } from '../store/types.ts';
import {
  parseAnswer,
  parseCallEvent,
  parseInput,
  parseRecord,
  parseTranscription,
} from '../vonage/payloads.ts';
import type { AppDeps, Ncco } from './deps.ts';
import type { CallRunner } from './runner/call-runner.ts';
import { callerLegEvent, connectLegEvent } from './runner/leg-events.ts';
import { continueAfterRecording, recordingArrived } from './runner/recordings.ts';
import { readWebhook, turnOf, type WebhookRead } from './webhook-request.ts';

type Handler = (read: Extract<WebhookRead, { ok: true }>) => Promise<Ncco | null>;

/**
 * A webhook whose payload cannot be used (no recording_url, no call in its callback URL…): the
 * sender's mistake, answered 400 on event routes — a 503 would have Vonage retry it in vain.
 */
class UnusableWebhook extends Error {}

export function vonageRoutes(deps: AppDeps, runner: CallRunner): Hono {
  const app = new Hono();
  const deadline = deps.webhookDeadlineMs ?? 800;

  /** Runs an NCCO-returning handler under the deadline; any failure answers the fallback. */
  const nccoRoute = (name: string, handler: Handler) => async (c: Context) => {
    const read = await readWebhook(c, deps);
    const to = typeof read.params.to === 'string' ? read.params.to : undefined;
    const callId = read.query.c ?? (typeof read.params.uuid === 'string' ? read.params.uuid : undefined);
    if (!read.ok) {
      deps.logger.warn('webhook refused', { route: name, callId, reason: read.reason });
      await logRefused(deps, callId, name, read.reason);
      return c.json(runner.fallbackFor(to), read.status);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), deadline);
    });
    try {
      const result = await Promise.race([handler(read), timeout]);
      if (result === 'timeout') {
        deps.logger.error('webhook deadline passed: fallback NCCO', {
          route: name,
          callId,
          deadlineMs: deadline,
        });
        return c.json(runner.fallbackFor(to));
      }
      return result === null ? c.body(null, 204) : c.json(result);
    } catch (error) {
      deps.logger.error('webhook failed: fallback NCCO', { route: name, callId, error: String(error) });
      return c.json(runner.fallbackFor(to));
    } finally {
      clearTimeout(timer);
    }
  };

  /** Event routes: acknowledge, never an NCCO; failures are logged (Vonage may retry). */
  const eventRoute =
    (name: string, handler: (read: Extract<WebhookRead, { ok: true }>) => Promise<void>) =>
    async (c: Context) => {
      const read = await readWebhook(c, deps);
      if (!read.ok) {
        deps.logger.warn('webhook refused', { route: name, reason: read.reason });
        await logRefused(deps, read.query.c, name, read.reason);
        return c.json({ error: read.reason }, read.status);
      }
      try {
        await handler(read);
        return c.body(null, 204);
      } catch (error) {
        if (error instanceof UnusableWebhook) {
          deps.logger.warn('webhook unusable', { route: name, callId: read.query.c, reason: error.message });
          return c.json({ error: error.message }, 400);
        }
        deps.logger.error('event webhook failed', {
          route: name,
          callId: read.query.c,
          error: String(error),
        });
        // 503 is retried by Vonage; a 500 would not be.
        return c.json({ error: 'temporarily unavailable' }, 503);
      }
    };

  const answer: Handler = async ({ params }) => {
    const parsed = parseAnswer(params);
    if (!parsed.ok) throw new Error(`answer webhook unusable: ${parsed.reason}`);
    const { uuid, conversationUuid, from, to } = parsed.value;
    return runner.answer(
      { uuid, conversationUuid: conversationUuid ?? null, from, to },
      webhook('answer', params),
    );
  };
  app.on(['GET', 'POST'], '/answer', nccoRoute('answer', answer));

  app.post(
    '/input',
    nccoRoute('input', async ({ params, query }) => {
      const turn = turnOf(query);
      if (!turn) throw new Error('input webhook without call, node and turn');
      const event = parseInput(params);
      if (!event.ok) {
        await recordWebhook(deps, turn.callId, 'input', params);
        throw new Error(`input webhook unusable: ${event.reason}`);
      }
      return runner.advance(turn.callId, turn.seq, event.value, {
        wantsNcco: true,
        webhook: webhook('input', params),
      });
    }),
  );

  app.post(
    '/continue',
    nccoRoute('continue', async ({ params, query }) => {
      const turn = turnOf(query);
      if (!turn) throw new Error('continue webhook without call, node and turn');
      return continueAfterRecording(runner, turn.callId, turn.nodeId, turn.seq, webhook('continue', params));
    }),
  );

  app.post(
    '/connect',
    nccoRoute('connect', async ({ params, query }) => {
      const turn = turnOf(query);
      if (!turn) throw new Error('connect webhook without call, node and turn');
      const event = parseCallEvent(params);
      if (!event.ok) {
        await recordWebhook(deps, turn.callId, 'connect', params);
        throw new Error(`connect webhook unusable: ${event.reason}`);
      }
      return connectLegEvent(runner, turn.callId, turn.seq, event.value.status, webhook('connect', params));
    }),
  );

  app.on(
    ['GET', 'POST'],
    '/fallback',
    nccoRoute('fallback', async ({ params }) => {
      deps.logger.error('Vonage used the fallback URL', {
        reason: params.reason,
        original: params.original_request,
      });
      return runner.fallbackFor(typeof params.to === 'string' ? params.to : undefined);
    }),
  );

  app.post(
    '/record',
    eventRoute('record', async ({ params, query }) => {
      const turn = turnOf(query);
      const record = parseRecord(params);
      if (!turn) throw new UnusableWebhook('record webhook without call, node and turn');
      if (!record.ok) throw new UnusableWebhook(`record webhook unusable: ${record.reason}`);
      await recordingArrived(runner, turn.callId, turn.nodeId, turn.seq, {
        recordingUrl: record.value.recordingUrl,
        seconds: record.value.seconds ?? 0,
      });
    }),
  );

  app.post(
    '/transcription',
    eventRoute('transcription', async ({ params, query }) => {
      const turn = turnOf(query);
      const transcription = parseTranscription(params);
      if (!turn) throw new UnusableWebhook('transcription webhook without call, node and turn');
      if (!transcription.ok)
        throw new UnusableWebhook(`transcription webhook unusable: ${transcription.reason}`);
      await recordWebhook(deps, turn.callId, 'transcription', params);
      // Fetching the text needs the Vonage API: the outbox does it, with retries.
      await deps.store.outbox.enqueue(
        [
          {
            kind: 'transcript',
            idempotencyKey: `${turn.callId}:transcript:${turn.nodeId}:${transcription.value.transcriptionUrl}`,
            callId: turn.callId,
            payload: { nodeId: turn.nodeId, transcriptionUrl: transcription.value.transcriptionUrl },
          },
        ],
        deps.clock().toISOString(),
      );
    }),
  );

  // Messages API delivery receipts for the SMS we sent (set as the application's status URL).
  app.post(
    '/messages/status',
    eventRoute('messages-status', async ({ params }) => {
      await recordSmsStatus(deps.store, params, deps.clock);
    }),
  );

  app.on(
    ['GET', 'POST'],
    '/event',
    eventRoute('event', async ({ params }) => {
      const event = parseCallEvent(params);
      if (!event.ok) throw new UnusableWebhook(`event webhook unusable: ${event.reason}`);
      const { uuid, status } = event.value;
      if (!uuid) return;
      await callerLegEvent(runner, uuid, status, webhook(`event:${status}`, params));
    }),
  );

  return app;
}

/** A webhook's raw payload for the call log; stored with the turn it causes. */
function webhook(name: string, payload: Record<string, unknown>): NewCallEvent {
  return { kind: 'webhook', name, payload };
}

/** Logs a webhook that causes no turn (dropped when the call is unknown). */
async function recordWebhook(deps: AppDeps, callId: string, name: string, payload: unknown): Promise<void> {
  await deps.store.calls.addEvent(callId, 'webhook', name, payload, deps.clock().toISOString());
}

async function logRefused(
  deps: AppDeps,
  callId: string | undefined,
  name: string,
  reason: string,
): Promise<void> {
  try {
    if (callId)
      await deps.store.calls.addEvent(callId, 'refused', name, { reason }, deps.clock().toISOString());
  } catch (error) {
    deps.logger.error('could not log a refused webhook', { callId, error: String(error) });
  }
}
