/**
 * Engine actions → NCCO (reference §1–2). One engine turn becomes one NCCO segment that ends at
 * the next point where Vonage calls us back and our response replaces the rest: an input, the
 * notify checkpoint after a record, or a synchronous connect. Pure: the same turn always renders
 * the same NCCO, which is what lets a retried webhook be answered identically.
 */
import type { Action } from '../engine/types.ts';
import { type CallbackRoute, callbackUrl, vonageNumber } from './callback-url.ts';
import type {
  StrictConnect,
  StrictInput,
  StrictNcco,
  StrictNotify,
  StrictRecord,
  StrictStream,
  StrictTalk,
} from './strict-ncco.ts';

/** An NCCO as strict plain JSON (typed from @vonage/voice, see strict-ncco.ts). */
export type Ncco = StrictNcco;

export interface RenderContext {
  /** Public base URL Vonage can reach, e.g. https://ivr.example.jp (a trailing slash is fine). */
  baseUrl: string;
  callId: string;
  /** The engine turn (state.seq) this NCCO belongs to; echoed in every callback URL. */
  seq: number;
  /** The flow's language, for anything the actions do not say themselves. */
  language: string;
}

/** Vonage's limits (reference §2); the flow schema keeps values inside them already. */
const limits = {
  talkText: 1500,
  dtmfTimeOut: [1, 10],
  maxDigits: [1, 20],
  recordTimeOut: [3, 7200],
  recordEndOnSilence: [3, 10],
  connectTimeout: [1, 120],
} as const;

const clamp = (value: number, [min, max]: readonly [number, number]) =>
  Math.min(max, Math.max(min, Math.round(value)));

/** Said when a turn would otherwise render nothing: an empty NCCO fails the call. */
const goodbye = 'お電話ありがとうございました。失礼いたします。';

/**
 * Long text split into talk-sized pieces at sentence ends (Vonage rejects text over 1,500
 * characters). SSML is left whole: cutting it would break the markup.
 */
function talkPieces(text: string): string[] {
  if (text.length <= limits.talkText || text.trimStart().startsWith('<speak')) return [text];
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limits.talkText) {
    const window = rest.slice(0, limits.talkText);
    const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('. '), window.lastIndexOf('\n'));
    const end = cut > limits.talkText / 2 ? cut + 1 : limits.talkText;
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  if (rest.trim() !== '') pieces.push(rest);
  return pieces;
}

function talk(text: string, language: string, repeat?: number): StrictTalk {
  return {
    action: 'talk',
    text,
    language,
    style: 0,
    bargeIn: false,
    ...(repeat && repeat > 1 ? { loop: repeat } : {}),
  };
}

/** Renders one engine action; side effects (SMS, notify) and hangup render nothing. */
function renderAction(action: Action, ctx: RenderContext): Ncco {
  const url = (route: CallbackRoute, nodeId: string) =>
    callbackUrl(ctx.baseUrl, route, { callId: ctx.callId, nodeId, seq: ctx.seq });
  switch (action.type) {
    case 'say':
      if (action.text.trim() === '') return [];
      return talkPieces(action.text).map((text) =>
        talk(text, action.language || ctx.language, action.repeat),
      );
    case 'play':
      return [
        {
          action: 'stream',
          streamUrl: [action.url],
          bargeIn: false,
          ...(action.repeat && action.repeat > 1 ? { loop: action.repeat } : {}),
        } satisfies StrictStream,
      ];
    case 'collect':
      return [
        {
          action: 'input',
          type: action.speech ? ['dtmf', 'speech'] : ['dtmf'],
          dtmf: {
            maxDigits: clamp(action.maxDigits, limits.maxDigits),
            timeOut: clamp(action.timeoutSeconds, limits.dtmfTimeOut),
            submitOnHash: action.submitOnHash,
          },
          ...(action.speech
            ? {
                speech: {
                  language: action.speech.language,
                  ...(action.speech.hints.length > 0 ? { context: action.speech.hints } : {}),
                  endOnSilence: 1,
                  startTimeout: 10,
                  maxDuration: 15,
                },
              }
            : {}),
          eventUrl: [url('input', action.nodeId)],
          eventMethod: 'POST',
        } satisfies StrictInput,
      ];
    case 'record':
      return [
        {
          action: 'record',
          format: 'mp3',
          beepStart: action.beep,
          ...(action.endOnKey ? { endOnKey: action.endOnKey } : {}),
          ...(action.endOnSilenceSeconds !== undefined
            ? { endOnSilence: clamp(action.endOnSilenceSeconds, limits.recordEndOnSilence) }
            : {}),
          // A stop condition makes record blocking; timeOut is always one (reference §2.4).
          timeOut: clamp(action.maxSeconds, limits.recordTimeOut),
          eventUrl: [url('record', action.nodeId)],
          eventMethod: 'POST',
          ...(action.transcribe
            ? {
                transcription: { language: action.language, eventUrl: [url('transcription', action.nodeId)] },
              }
            : {}),
        } satisfies StrictRecord,
        // Vonage ignores the record webhook's response, so this notify is the checkpoint whose
        // response NCCO continues the call once the recording has stopped.
        {
          action: 'notify',
          payload: { c: ctx.callId, n: action.nodeId, s: ctx.seq },
          eventUrl: [url('continue', action.nodeId)],
          eventMethod: 'POST',
        } satisfies StrictNotify,
      ];
    case 'transfer':
      return renderTransfer(action, url('connect', action.nodeId));
    case 'send-sms':
    case 'notify':
    case 'hangup':
      return [];
  }
}

/**
 * A connect bridges to ONE endpoint (reference §2.5: `endpoint` holds at most one element).
 * LIMITATION: a simultaneous transfer (several numbers at once) rings only its first number;
 * Vonage has no multi-endpoint connect, and ringing several would need outbound calls through
 * the REST API joined into a conversation. Sequential transfers are unaffected: the engine
 * hands over one number per turn.
 */
function renderTransfer(action: Extract<Action, { type: 'transfer' }>, eventUrl: string): Ncco {
  const number = action.to.map(vonageNumber).find((n) => n !== undefined);
  if (!number) return [];
  const from = vonageNumber(action.from);
  return [
    {
      action: 'connect',
      // `from` must be one of our Vonage numbers; when it is unusable let Vonage pick one.
      ...(from ? { from } : { randomFromNumber: true }),
      timeout: clamp(action.ringSeconds, limits.connectTimeout),
      // Synchronous: a failed leg's event answers the NCCO of the flow's `failed` path.
      eventType: 'synchronous',
      eventUrl: [eventUrl],
      eventMethod: 'POST',
      endpoint: [{ type: 'phone', number }],
    } satisfies StrictConnect,
  ];
}

/**
 * bargeIn only where Vonage allows it: on a talk/stream whose next non-talk/stream action is an
 * input (reference §1), so a key pressed during a menu prompt goes to that input.
 */
function withBargeIn(ncco: Ncco): Ncco {
  let nextIsInput = false;
  const out: Ncco = [];
  for (let i = ncco.length - 1; i >= 0; i--) {
    const action = ncco[i]!;
    if (action.action === 'talk' || action.action === 'stream') {
      out.unshift({ ...action, bargeIn: nextIsInput });
    } else {
      nextIsInput = action.action === 'input';
      out.unshift(action);
    }
  }
  return out;
}

/** The NCCO for one engine turn. Never empty: a turn that renders nothing says goodbye. */
export function renderNcco(actions: Action[], ctx: RenderContext): Ncco {
  const ncco = withBargeIn(actions.flatMap((action) => renderAction(action, ctx)));
  return ncco.length > 0 ? ncco : [talk(goodbye, ctx.language)];
}

/** Fixed messages (Japanese: the product serves Japanese businesses; `language` is the TTS voice). */
export const messages = {
  apology: '申し訳ございません。ただいまお電話がつながりにくくなっております。',
  busy: 'ただいま大変混み合っております。恐れ入りますが、しばらくしてからおかけ直しください。',
  unknownNumber:
    'おかけになった電話番号は、現在使われておりません。恐れ入りますが、番号をお確かめのうえ、おかけ直しください。',
} as const;

export interface FallbackOptions {
  language: string;
  /** Where to send the caller after the apology, E.164 (with or without `+`). */
  fallbackNumber?: string;
  /** Caller ID for that transfer: the dialled Vonage number, E.164. */
  from?: string;
}

/**
 * What a caller hears when something failed (ARCHITECTURE §5: never silence, never a bare
 * 500): an apology, then the fallback number, or the end of the call. Needs no base URL and no
 * store, so it works when everything else is down; the connect's leg events go to the
 * application's event URL.
 */
export function fallbackNcco(options: FallbackOptions): Ncco {
  const apology = talk(messages.apology, options.language);
  const number = options.fallbackNumber ? vonageNumber(options.fallbackNumber) : undefined;
  if (!number) return [apology];
  const from = options.from ? vonageNumber(options.from) : undefined;
  const connect: StrictConnect = {
    action: 'connect',
    ...(from ? { from } : { randomFromNumber: true }),
    endpoint: [{ type: 'phone', number }],
  };
  return [apology, connect];
}

/** All lines of the number are in use. */
export function busyNcco(language: string): Ncco {
  return [talk(messages.busy, language)];
}

/** The dialled number is not linked to any flow. */
export function unknownNumberNcco(language: string): Ncco {
  return [talk(messages.unknownNumber, language)];
}
