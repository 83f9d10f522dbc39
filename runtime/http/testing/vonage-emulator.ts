/**
 * A Vonage Voice API emulator for tests (test code only). It places a call by requesting the
 * answer URL, plays talk/stream actions into a transcript, follows eventUrls with Vonage-shaped
 * payloads for input, record, transcription, notify and connect, and sends call status events —
 * optionally twice, and out of order — exactly as the reference describes Vonage doing.
 * The caller's behaviour is the simulator's script, so live calls and simulations compare 1:1.
 */
import type { ScriptStep } from '../../simulator/types.ts';

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;
type NccoAction = Record<string, unknown> & { action: string };

export interface EmulatorOptions {
  fetch: Fetcher;
  baseUrl: string;
  /** Send every NCCO-returning webhook twice and insist on the same answer (Vonage retries). */
  duplicateWebhooks?: boolean;
  /** Deliver the caller's final status events in a scrambled order. */
  scrambleStatusEvents?: boolean;
  /** Use GET for the answer webhook (Vonage's default) instead of POST. */
  answerMethod?: 'GET' | 'POST';
  /** Extra headers for every request (e.g. a signature). */
  headers?: (url: string, body: string | undefined) => Record<string, string>;
}

export interface EmulatedCall {
  uuid: string;
  /** What the caller heard, in order. */
  heard: string[];
  /** Every request made, with its status. */
  requests: Array<{ url: string; status: number }>;
  /** Script steps left unused when the call ended. */
  unusedSteps: ScriptStep[];
  /** NCCOs received, in order. */
  nccos: NccoAction[][];
  /** Numbers a connect action rang. */
  connects: string[];
}

export class VonageEmulator {
  private counter = 0;
  constructor(readonly options: EmulatorOptions) {}

  private async send(
    call: EmulatedCall,
    method: 'GET' | 'POST',
    url: string,
    body?: Record<string, unknown>,
  ): Promise<Response> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...this.options.headers?.(url, text),
    };
    const response = await this.options.fetch(url, { method, headers, ...(text ? { body: text } : {}) });
    call.requests.push({ url, status: response.status });
    return response;
  }

  /** A webhook whose answer may be an NCCO; retried like Vonage when asked to. */
  private async nccoWebhook(
    call: EmulatedCall,
    url: string,
    body: Record<string, unknown>,
  ): Promise<NccoAction[] | null> {
    const first = await this.send(call, 'POST', url, body);
    const text = first.status === 204 ? '' : await first.text();
    if (this.options.duplicateWebhooks) {
      const again = await this.send(call, 'POST', url, body);
      const againText = again.status === 204 ? '' : await again.text();
      if (againText !== text)
        throw new Error(`a retried webhook got a different answer:\n${text}\n---\n${againText}`);
    }
    if (first.status >= 400) throw new Error(`webhook ${url} answered ${first.status}: ${text}`);
    return text === '' ? null : (JSON.parse(text) as NccoAction[]);
  }

  async placeCall(args: { from: string; to: string; script: ScriptStep[] }): Promise<EmulatedCall> {
    this.counter += 1;
    const uuid = `emu-${this.counter}-${Math.random().toString(36).slice(2, 8)}`;
    const conversation = `CON-${uuid}`;
    const call: EmulatedCall = { uuid, heard: [], requests: [], unusedSteps: [], nccos: [], connects: [] };
    const script = [...args.script];
    const common = { uuid, conversation_uuid: conversation, from: args.from, to: args.to };
    const base = this.options.baseUrl;

    let ncco: NccoAction[];
    if ((this.options.answerMethod ?? 'GET') === 'GET') {
      const query = new URLSearchParams({ ...common, region_url: 'https://api-ap-3.vonage.com' });
      const response = await this.send(call, 'GET', `${base}/vonage/answer?${query}`);
      ncco = (await response.json()) as NccoAction[];
    } else {
      ncco = (await this.nccoWebhook(call, `${base}/vonage/answer`, common)) ?? [];
    }
    await this.statusEvent(call, common, 'answered');

    for (let guard = 0; ncco.length > 0 && guard < 500; guard += 1) {
      call.nccos.push(ncco);
      const next = await this.run(call, ncco, script, common);
      if (next === 'hangup') break;
      ncco = next;
    }
    call.unusedSteps = script;
    // The NCCO ran out (or the caller hung up): the caller's leg completes. Scrambled: twice,
    // with progress events that arrive late.
    const finals = this.options.scrambleStatusEvents
      ? ['completed', 'ringing', 'answered', 'completed']
      : ['completed'];
    for (const status of finals) await this.statusEvent(call, common, status);
    return call;
  }

  private async statusEvent(
    call: EmulatedCall,
    common: Record<string, string>,
    status: string,
  ): Promise<void> {
    const body = {
      ...common,
      status,
      direction: 'inbound',
      timestamp: new Date().toISOString(),
      ...(status === 'completed' ? { duration: '42', rate: '0.01', price: '0.01' } : {}),
    };
    const response = await this.send(call, 'POST', `${this.options.baseUrl}/vonage/event`, body);
    if (response.status >= 400) throw new Error(`event ${status} answered ${response.status}`);
  }

  /** Runs an NCCO; returns the replacing NCCO, [] when it ran to its end, or 'hangup'. */
  private async run(
    call: EmulatedCall,
    ncco: NccoAction[],
    script: ScriptStep[],
    common: Record<string, string>,
  ): Promise<NccoAction[] | 'hangup'> {
    for (const action of ncco) {
      const url = Array.isArray(action.eventUrl) ? String(action.eventUrl[0]) : '';
      switch (action.action) {
        case 'talk':
          call.heard.push(String(action.text));
          break;
        case 'stream':
          call.heard.push(`[audio] ${String((action.streamUrl as string[])[0])}`);
          break;
        case 'input': {
          const step = script.shift();
          if (!step || 'hangup' in step) return 'hangup';
          const body = { ...common, timestamp: new Date().toISOString(), ...inputPayload(step) };
          const replacement = await this.nccoWebhook(call, url, body);
          return replacement ?? [];
        }
        case 'record': {
          const step = script.shift();
          if (!step) return 'hangup';
          const seconds = 'record' in step ? (step.seconds ?? 10) : 0;
          const recording = {
            start_time: '2026-01-01T00:00:00Z',
            end_time: new Date(Date.UTC(2026, 0, 1, 0, 0, seconds)).toISOString(),
            recording_url: `https://api.nexmo.com/v1/files/rec-${call.uuid}`,
            recording_uuid: `rec-${call.uuid}`,
            size: 1234,
            conversation_uuid: common.conversation_uuid,
            timestamp: new Date().toISOString(),
          };
          const transcriptionUrl = action.transcription as { eventUrl?: string[] } | undefined;
          if ('hangup' in step) {
            // The caller hangs up to end the message: status first, then the recording.
            await this.statusEvent(call, common, 'completed');
            await this.send(call, 'POST', url, recording);
            return 'hangup';
          }
          // Vonage sends the record event and the notify after it in no fixed order.
          await this.send(call, 'POST', url, recording);
          if (transcriptionUrl?.eventUrl?.[0] && 'record' in step) {
            await this.send(call, 'POST', transcriptionUrl.eventUrl[0], {
              conversation_uuid: common.conversation_uuid,
              recording_uuid: recording.recording_uuid,
              status: 'transcribed',
              transcription_url: `https://api.nexmo.com/v1/files/tr-${call.uuid}?text=${encodeURIComponent(step.record)}`,
              type: 'record',
            });
          }
          break;
        }
        case 'notify': {
          const replacement = await this.nccoWebhook(call, url, {
            ...common,
            payload: action.payload,
            timestamp: new Date().toISOString(),
          });
          if (replacement) return replacement;
          break;
        }
        case 'connect': {
          const endpoint = (action.endpoint as Array<{ number: string }>)[0];
          call.connects.push(endpoint?.number ?? '');
          const step = script.shift();
          if (!step || 'hangup' in step) return 'hangup';
          const outcome = 'transfer' in step ? step.transfer : 'no-answer';
          const leg = {
            uuid: `${call.uuid}-leg${call.connects.length}`,
            conversation_uuid: common.conversation_uuid,
            from: String(action.from ?? ''),
            to: endpoint?.number ?? '',
            direction: 'outbound',
          };
          const statuses =
            outcome === 'answered'
              ? ['started', 'ringing', 'answered']
              : ['started', 'ringing', vonageStatus(outcome)];
          for (const status of statuses) {
            const replacement = await this.nccoWebhook(call, url, {
              ...leg,
              status,
              timestamp: new Date().toISOString(),
              ...(outcome === 'no-answer' ? { detail: 'timeout' } : {}),
            });
            if (replacement && status !== 'answered') return replacement;
          }
          if (outcome === 'answered') {
            // The staff member talks, then hangs up: the bridge ends and the NCCO carries on.
            await this.nccoWebhook(call, url, {
              ...leg,
              status: 'completed',
              duration: '60',
              timestamp: new Date().toISOString(),
            });
          }
          break;
        }
        default:
          throw new Error(`the emulator does not know NCCO action ${action.action}`);
      }
    }
    return [];
  }
}

function vonageStatus(outcome: 'busy' | 'no-answer' | 'failed'): string {
  return outcome === 'busy' ? 'busy' : outcome === 'no-answer' ? 'timeout' : 'failed';
}

function inputPayload(step: ScriptStep): Record<string, unknown> {
  if ('press' in step)
    return { dtmf: { digits: step.press, timed_out: !step.press.endsWith('#') }, speech: { results: [] } };
  if ('say' in step) {
    return {
      dtmf: { digits: null, timed_out: false },
      speech: { timeout_reason: 'end_on_silence_timeout', results: [{ confidence: '0.91', text: step.say }] },
    };
  }
  return { dtmf: { digits: '', timed_out: true }, speech: { results: [] } };
}
