/**
 * The NCCO as plain JSON, typed from Vonage's own @vonage/voice NCCO types (reference §8.2 a).
 *
 * The SDK's types cannot be used as they are: `action` and a few fields are nominal string enums
 * (the literal 'talk' is not assignable to NCCOActions.TALK), InputAction ends in
 * `| Record<string, unknown>` and PhoneEndpoint/AppEndpoint in `& Record<string, unknown>`, which
 * accept any object. So each action is the SDK type with its enums turned into their JSON
 * literals, the catch-all branches dropped, and a small overlay for documented fields the SDK
 * lacks or types differently. Every overlay line says why, with the page it comes from
 * (developer.vonage.com/en/voice/voice-api/ncco-reference unless noted).
 *
 * scripts/gen-ncco-schema.ts turns `StrictNcco` into testing/strict-ncco.schema.json (draft-07,
 * additionalProperties false), which testing/ncco-conformance.ts checks NCCOs against. Change
 * this file, then run `npm run gen:ncco-schema`; a test fails while the schema is stale.
 */
import type {
  AppEndpoint,
  ConnectAction,
  ConversationAction,
  InputAction,
  MachineDetectionBehavior,
  NotifyAction,
  PSTNEndpoint,
  RecordAction,
  SIPEndpoint,
  SpeechSettings,
  StreamAction,
  TalkAction,
  VBCEndpoint,
  WaitAction,
  WebsocketEndpoint,
} from '@vonage/voice';

/** A string enum member as the JSON literal it serialises to; other values unchanged. */
type Literal<V> = V extends string ? `${V}` : V;
/** One level of an SDK type with its enums as JSON literals (optional fields stay optional). */
type Json<T> = { [K in keyof T]: Literal<T[K]> };

/** Overlay: transcription object of record and conversation (docs: record, "transcription"). */
export interface Transcription {
  language?: string;
  eventUrl?: string[];
  eventMethod?: string;
  /** Docs: developer preview flag. */
  sentimentAnalysis?: boolean;
}

export type StrictTalk = Json<Omit<TalkAction, 'style' | 'level'>> & {
  /** Overlay: docs and the Java/Python SDKs type style as an integer; @vonage/voice says string. */
  style?: number;
  /** Overlay: docs type level as a number −1…1; @vonage/voice says string. */
  level?: number;
};

export type StrictStream = Json<StreamAction>;

export type StrictSpeech = Omit<SpeechSettings, 'uuid' | 'endOnSilence'> & {
  /** Overlay: docs say an array with one leg UUID; @vonage/voice says string. */
  uuid?: string[];
  /** Overlay: docs say seconds 0.4–10.0 (default 2.0); @vonage/voice says boolean. */
  endOnSilence?: number;
  /** Overlay: docs list sensitivity 10–100 (default 90); missing from @vonage/voice. */
  sensitivity?: number;
};

/** The SDK's InputAction without its `Record<string, unknown>` catch-all branch. */
type SdkInput = Extract<InputAction, { type: string[] }>;
export type StrictInput = Json<Omit<SdkInput, 'speech'>> & { speech?: StrictSpeech };

export type StrictRecord = Json<RecordAction> & {
  /** Overlay: docs document record.transcription (beta); missing from @vonage/voice. */
  transcription?: Transcription;
};

/**
 * The SDK's PhoneEndpoint and AppEndpoint end in `& Record<string, unknown>` (anything goes), and
 * ts-json-schema-generator turns a field picked from such an intersection into `{}`. So the phone
 * endpoint is the SDK's strict PSTNEndpoint plus PhoneEndpoint's extra field, and the app endpoint
 * is its `user` with the literal restated.
 */
export type StrictPhoneEndpoint = PSTNEndpoint & {
  /** Overlay: PhoneEndpoint.shaken (STIR/SHAKEN identity), restated without the catch-all. */
  shaken?: string;
  /** Overlay: docs document onAnswer (whisper NCCO on the callee); the SDK only allows it untyped. */
  onAnswer?: { url: string; ringbackTone?: string };
};
export type StrictAppEndpoint = Pick<AppEndpoint, 'user'> & {
  /** Restated: AppEndpoint['type'] is 'app'. */
  type: 'app';
};
export type StrictWebsocketEndpoint = Omit<WebsocketEndpoint, 'contentType'> & {
  /** Overlay: docs spell the key `content-type`; @vonage/voice says contentType. */
  'content-type'?: string;
};
/** @discriminator type */
export type StrictEndpoint =
  | StrictPhoneEndpoint
  | StrictAppEndpoint
  | StrictWebsocketEndpoint
  | SIPEndpoint
  | VBCEndpoint;

export type StrictConnect = Json<Omit<ConnectAction, 'endpoint'>> & {
  endpoint: StrictEndpoint[];
  /** Overlay: docs document advancedMachineDetection on connect; missing from the NCCO type. */
  advancedMachineDetection?: {
    behavior: Literal<MachineDetectionBehavior>;
    mode: 'default' | 'detect' | 'detect_beep';
    beep_timeout?: number;
  };
};

export type StrictConversation = Json<ConversationAction> & {
  /** Overlay: docs document eventUrl/eventMethod for conversation recordings; missing from the SDK. */
  eventUrl?: string[];
  eventMethod?: string;
  /** Overlay: docs document conversation.transcription (needs record: true); missing from the SDK. */
  transcription?: Transcription;
};

export type StrictNotify = Json<Omit<NotifyAction, 'payload'>> & {
  /** Overlay: docs say payload is any JSON object; @vonage/voice says Record<string, string>. */
  payload: Record<string, unknown>;
};

export type StrictWait = Json<WaitAction>;

/**
 * Overlay: the transfer NCCO action is documented but absent from @vonage/voice. The docs
 * example and the Java SDK say conversationId (the docs table and Ruby say conversation_id).
 */
export interface StrictTransfer {
  action: 'transfer';
  conversationId: string;
  canHear?: string[];
  canSpeak?: string[];
  mute?: boolean;
}

export type StrictNccoAction =
  | StrictTalk
  | StrictStream
  | StrictInput
  | StrictRecord
  | StrictConnect
  | StrictConversation
  | StrictNotify
  | StrictWait
  | StrictTransfer;

export type StrictNcco = StrictNccoAction[];
