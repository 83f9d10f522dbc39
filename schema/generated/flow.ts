/* Generated from schema/flow.schema.json by scripts/gen-types.ts. Do not edit: run npm run gen:types. */

/**
 * One step of the call flow. `kind` says what it does.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "node".
 */
export type Node =
  SayNode | MenuNode | InputNode | HoursNode | SmsNode | RecordNode | TransferNode | NotifyNode | HangupNode;
/**
 * Optional name shown on the canvas.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "label".
 */
export type Label = string;
/**
 * Staff notes; never spoken.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "note".
 */
export type Note = string;
/**
 * A phone number, Japanese style (03-1234-5678, 090-1234-5678) or E.164 (+81312345678).
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "phoneNumber".
 */
export type PhoneNumber = string;
/**
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "slug".
 */
export type Slug = string;
/**
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "nodeId".
 */
export type NodeId = string;
/**
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "language".
 */
export type Language = string;
/**
 * Text that may contain {{variable}} placeholders, e.g. {{caller.number}}.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "template".
 */
export type Template = string;
/**
 * Base name under which this step saves what the caller did; defaults to the node id.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "variableName".
 */
export type VariableName = string;
/**
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "seconds".
 */
export type Seconds = number;
/**
 * Id of the node this port leads to.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "target".
 */
export type Target = string;

/**
 * One phone call flow: what the caller hears and which path the call takes. Edges live on each node (`next` maps a port to a node id).
 */
export interface FlowDocument {
  /**
   * Path or URL of this JSON Schema, for editors.
   */
  $schema?: string;
  /**
   * Version of the flow document format. Only 1 exists.
   */
  schemaVersion: 1;
  /**
   * Short name used in URLs: lower-case letters, digits and hyphens.
   */
  id: string;
  /**
   * The name shown to staff, e.g. 「さくら歯科 代表」.
   */
  name: string;
  /**
   * Notes for staff about what this flow is for.
   */
  description?: string;
  /**
   * Language of the voice and speech recognition, e.g. ja-JP.
   */
  language: string;
  /**
   * IANA time zone in which business hours are checked, e.g. Asia/Tokyo.
   */
  timezone: string;
  /**
   * Sends one summary of every call to a channel once it is over: as soon as the voicemail transcription has arrived, or after the time limit. Leave it out to send none.
   */
  afterCallSummary?: {
    /**
     * Id of a configured notification channel.
     */
    channel: string;
    /**
     * How long to wait for a voicemail transcription before sending the summary without it.
     */
    waitSeconds?: number;
    /**
     * Replaces the default summary text. May use {{variables}}; leave empty for the default.
     */
    template?: string;
  };
  /**
   * Adds a caller whose number is not in the contact book as a new contact.
   */
  saveUnknownCallers?: boolean;
  /**
   * Id of the node the call starts at.
   */
  start: string;
  /**
   * The steps of the call flow.
   *
   * @minItems 1
   * @maxItems 5000
   */
  nodes: Node[];
}
/**
 * Speaks a text (or plays a recorded audio file) to the caller, then goes on.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "sayNode".
 */
export interface SayNode {
  /**
   * Unique id of this step within the flow.
   */
  id: string;
  kind: 'say';
  label?: Label;
  params: {
    /**
     * What the caller hears. May use {{variables}}.
     */
    text?: string;
    /**
     * HTTPS URL of an MP3 or WAV played instead of the text.
     */
    audioUrl?: string;
    /**
     * How many times to play it (1–5).
     */
    repeat?: number;
  };
  /**
   * Where the call goes afterwards. Empty: the call ends.
   */
  next?: {
    /**
     * Id of the node this port leads to.
     */
    next?: string;
  };
  note?: Note;
  ui?: Ui;
}
/**
 * Where the node sits on the editor canvas. Ignored by the call engine.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "ui".
 */
export interface Ui {
  /**
   * Horizontal position.
   */
  x: number;
  /**
   * Vertical position.
   */
  y: number;
}
/**
 * Plays a prompt and waits for the caller to press a key (or say a keyword). Each option has its own port.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "menuNode".
 */
export interface MenuNode {
  /**
   * Unique id of this step within the flow.
   */
  id: string;
  kind: 'menu';
  label?: Label;
  params: {
    /**
     * e.g. 「ご予約は1を、営業時間は2を押してください。」
     */
    prompt: string;
    /**
     * Keys the caller may press.
     *
     * @minItems 1
     * @maxItems 12
     */
    options: MenuOption[];
    /**
     * Said when the key pressed is not an option, before the prompt is repeated.
     */
    invalidPrompt?: string;
    /**
     * Said when the caller presses nothing, before the prompt is repeated.
     */
    timeoutPrompt?: string;
    /**
     * How many more times the prompt is repeated after an invalid or missing choice (0–5).
     */
    retries?: number;
    /**
     * How long to wait for a key (1–10 seconds).
     */
    timeoutSeconds?: number;
    /**
     * Also listen to the caller's voice and match the option keywords.
     */
    speech?: boolean;
    /**
     * Variable base name: the choice is saved as {{NAME.choice}}.
     */
    saveAs?: string;
  };
  /**
   * One port per option key, plus `timeout` (nothing pressed) and `invalid` (wrong key, after the retries).
   */
  next?: {
    /**
     * Id of the node this port leads to.
     */
    [k: string]: string;
  };
  note?: Note;
  ui?: Ui;
}
/**
 * One choice of the menu: the key to press and what it means.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "menuOption".
 */
export interface MenuOption {
  /**
   * The phone key for this option: 0–9, * or #.
   */
  key: string;
  /**
   * Short name of the choice, e.g. 「ご予約」. Shown on the canvas.
   */
  label: string;
  /**
   * Words that choose this option when the caller says them, e.g. 「予約」.
   *
   * @maxItems 10
   */
  keywords?: string[];
}
/**
 * Collects digits from the caller (phone number, member number, date) into a variable.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "inputNode".
 */
export interface InputNode {
  /**
   * Unique id of this step within the flow.
   */
  id: string;
  kind: 'input';
  label?: Label;
  params: {
    /**
     * e.g. 「折り返しのお電話番号を入力し、最後に#を押してください。」
     */
    prompt: string;
    /**
     * 1–20.
     */
    minDigits?: number;
    /**
     * 1–20. Input ends by itself at this many digits.
     */
    maxDigits?: number;
    /**
     * Pressing # ends the input.
     */
    finishOnHash?: boolean;
    /**
     * any: any digits; jp-phone: a Japanese phone number; jp-mobile: a Japanese mobile number (070/080/090); date: YYYYMMDD.
     */
    shape?: 'any' | 'jp-phone' | 'jp-mobile' | 'date';
    /**
     * Read the digits back to the caller after entry.
     */
    readBack?: boolean;
    /**
     * Said when the entry has the wrong shape, before asking again.
     */
    invalidPrompt?: string;
    /**
     * How many more times to ask after a wrong or missing entry (0–5).
     */
    retries?: number;
    /**
     * Seconds of silence after the last key before the entry ends (1–10).
     */
    timeoutSeconds?: number;
    /**
     * Variable base name: the digits are saved as {{NAME.digits}}.
     */
    saveAs?: string;
  };
  /**
   * `done`: a valid entry; `invalid`: no valid entry after the retries.
   */
  next?: {
    /**
     * Id of the node this port leads to.
     */
    done?: string;
    /**
     * Id of the node this port leads to.
     */
    invalid?: string;
  };
  note?: Note;
  ui?: Ui;
}
/**
 * Checks a business-hours schedule (with Japanese public holidays) at the time of the call.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "hoursNode".
 */
export interface HoursNode {
  /**
   * Unique id of this step within the flow.
   */
  id: string;
  kind: 'hours';
  label?: Label;
  params: {
    /**
     * Id of the business-hours schedule to check.
     */
    schedule: string;
  };
  /**
   * `open` during business hours, `closed` otherwise.
   */
  next?: {
    /**
     * Id of the node this port leads to.
     */
    open?: string;
    /**
     * Id of the node this port leads to.
     */
    closed?: string;
  };
  note?: Note;
  ui?: Ui;
}
/**
 * Sends a text message (e.g. a booking-form or map link) to the caller's mobile or a fixed mobile number.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "smsNode".
 */
export interface SmsNode {
  /**
   * Unique id of this step within the flow.
   */
  id: string;
  kind: 'sms';
  label?: Label;
  params: {
    /**
     * `caller` for the caller's own number, or a fixed Japanese mobile number.
     */
    to: 'caller' | PhoneNumber;
    /**
     * The SMS text. May use {{variables}}. Up to 670 characters.
     */
    text: string;
    /**
     * Variable base name: the result is saved as {{NAME.status}}.
     */
    saveAs?: string;
  };
  /**
   * `sent`: the message was queued; `failed`: the number cannot receive SMS (landline, hidden number).
   */
  next?: {
    /**
     * Id of the node this port leads to.
     */
    sent?: string;
    /**
     * Id of the node this port leads to.
     */
    failed?: string;
  };
  note?: Note;
  ui?: Ui;
}
/**
 * Records the caller's message (name, request) and transcribes it.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "recordNode".
 */
export interface RecordNode {
  /**
   * Unique id of this step within the flow.
   */
  id: string;
  kind: 'record';
  label?: Label;
  params: {
    /**
     * e.g. 「発信音の後にお名前とご用件をお話しください。」
     */
    prompt: string;
    /**
     * Play a beep when recording starts.
     */
    beep?: boolean;
    /**
     * 3–600 seconds.
     */
    maxSeconds?: number;
    /**
     * Stop recording after this many seconds of silence (3–10).
     */
    endOnSilenceSeconds?: number;
    /**
     * Key that ends the recording, e.g. #.
     */
    endOnKey?: string;
    /**
     * Turn the recording into text.
     */
    transcribe?: boolean;
    /**
     * Variable base name: {{NAME.recordingUrl}}, {{NAME.transcript}}, {{NAME.seconds}}.
     */
    saveAs?: string;
  };
  /**
   * `done`: the recording finished.
   */
  next?: {
    /**
     * Id of the node this port leads to.
     */
    done?: string;
  };
  note?: Note;
  ui?: Ui;
}
/**
 * Connects the caller to a staff phone. If nobody answers, the call takes the `failed` port.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "transferNode".
 */
export interface TransferNode {
  /**
   * Unique id of this step within the flow.
   */
  id: string;
  kind: 'transfer';
  label?: Label;
  params: {
    /**
     * e.g. 「担当者におつなぎします。」
     */
    announcement?: string;
    /**
     * Phones to ring (up to 5).
     *
     * @minItems 1
     * @maxItems 5
     */
    destinations: TransferDestination[];
    /**
     * sequential: one after another; simultaneous: all at once.
     */
    ringing?: 'sequential' | 'simultaneous';
    /**
     * How long each phone rings (5–120 seconds).
     */
    ringSeconds?: number;
    /**
     * `called-number`: the number the caller dialled (one of ours); or a fixed number of ours.
     */
    callerId?: 'called-number' | PhoneNumber;
    /**
     * Variable base name: {{NAME.outcome}} is answered, busy, no-answer or failed.
     */
    saveAs?: string;
  };
  /**
   * `answered`: someone answered (the call ends when they hang up); `failed`: busy, no answer or error.
   */
  next?: {
    /**
     * Id of the node this port leads to.
     */
    answered?: string;
    /**
     * Id of the node this port leads to.
     */
    failed?: string;
  };
  note?: Note;
  ui?: Ui;
}
/**
 * A staff phone to ring.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "transferDestination".
 */
export interface TransferDestination {
  /**
   * A phone number, Japanese style (03-1234-5678, 090-1234-5678) or E.164 (+81312345678).
   */
  number: string;
  /**
   * Who answers there, e.g. 「受付」.
   */
  label?: string;
}
/**
 * Sends a message to a staff chat or email channel. The caller never waits for it.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "notifyNode".
 */
export interface NotifyNode {
  /**
   * Unique id of this step within the flow.
   */
  id: string;
  kind: 'notify';
  label?: Label;
  params: {
    /**
     * Id of a configured notification channel (LINE WORKS, Chatwork, Teams, Slack, Google Chat, email).
     */
    channel: string;
    /**
     * The notification text. May use {{variables}}.
     */
    message: string;
  };
  /**
   * Where the call goes afterwards. Empty: the call ends.
   */
  next?: {
    /**
     * Id of the node this port leads to.
     */
    next?: string;
  };
  note?: Note;
  ui?: Ui;
}
/**
 * Says an optional goodbye and ends the call.
 *
 * This interface was referenced by `FlowDocument`'s JSON-Schema
 * via the `definition` "hangupNode".
 */
export interface HangupNode {
  /**
   * Unique id of this step within the flow.
   */
  id: string;
  kind: 'hangup';
  label?: Label;
  params?: {
    /**
     * e.g. 「お電話ありがとうございました。」
     */
    text?: string;
  };
  /**
   * A hang-up step has no ports.
   */
  next?: {};
  note?: Note;
  ui?: Ui;
}
