/**
 * The storage contract used by the HTTP runtime and the outbox worker. Implemented with kysely
 * (SQLite by default; the SQL stays portable so PostgreSQL can follow). Times are ISO strings.
 */
import type { FlowDocument } from '../../schema/generated/flow.ts';
import type { ScheduleDocument } from '../../schema/generated/schedule.ts';
import type { Channel, ChannelType } from '../effects/channels/types.ts';
import type { CallResult, CallState } from '../engine/types.ts';
import type { AccountsRepository } from './accounts-types.ts';
import type { ContactsRepository } from './contact-types.ts';
import type { HistoryRepository } from './history-types.ts';

export type * from './accounts-types.ts';
export type * from './contact-types.ts';
export type * from './history-types.ts';

export interface FlowRecord {
  id: string;
  name: string;
  /** The working copy edited in the editor. */
  draft: FlowDocument;
  /** Latest published version number, or null when never published. */
  publishedVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface FlowVersionRecord {
  flowId: string;
  version: number;
  document: FlowDocument;
  comment: string;
  createdAt: string;
}

export interface NumberRecord {
  /** E.164 with plus, e.g. +815012345678. */
  number: string;
  label: string;
  flowId: string | null;
  /** Simultaneous live calls allowed; more get the busy message. */
  lines: number;
  /** Alphanumeric sender for SMS (Japanese numbers cannot send SMS). */
  smsSenderId: string | null;
  /** Where to send callers when something fails; null = apologise and hang up. */
  fallbackNumber: string | null;
  /**
   * The workspace owning the number (and its calls). Always set on what the store returns; on a
   * put, a workspace's store uses its own and the installation's store this (else `default`).
   */
  workspaceId?: string;
}

export type CallStatus = 'live' | 'ended';
export type MissedReason = 'linesBusy' | 'unknownNumber' | 'noFlow' | 'error' | 'lost';

export interface CallRecord {
  /** Our call id = the Vonage uuid of the inbound leg. */
  id: string;
  conversationUuid: string | null;
  /** Called number, E.164 with plus. */
  number: string;
  from: string;
  to: string;
  flowId: string | null;
  flowVersion: number | null;
  status: CallStatus;
  result: CallResult | 'missed' | null;
  missedReason: MissedReason | null;
  state: CallState | null;
  startedAt: string;
  endedAt: string | null;
  /** Last webhook seen; the sweeper ends live calls silent for too long. */
  lastEventAt: string;
  /**
   * The workspace of the called number (`default` for a number nobody owns). Always set on what
   * the store returns; a workspace's store writes its own.
   */
  workspaceId?: string;
}

export type CallEventKind = 'webhook' | 'trace' | 'error' | 'refused';

export interface CallEventRecord {
  id: number;
  callId: string;
  kind: CallEventKind;
  /** Route or event name, e.g. "input", "event:completed". */
  name: string;
  payload: unknown;
  at: string;
}

/**
 * sms and notify come from the engine; transcript = fetch a Vonage transcription file later;
 * summary = the flow's after-call summary, queued when the caller's leg ends; history = compute
 * the call log's summary of a call that ended or got its transcript; recording = keep a copy of
 * a recording file.
 */
export type OutboxKind = 'sms' | 'notify' | 'transcript' | 'summary' | 'history' | 'recording';
export type OutboxStatus = 'pending' | 'done' | 'dead';

export interface OutboxItem {
  id: number;
  kind: OutboxKind;
  /** Unique: enqueueing the same key twice keeps one item. */
  idempotencyKey: string;
  callId: string | null;
  payload: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** What the provider answered (e.g. the SMS message uuid). */
  result: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

/** A queued side effect, before the outbox gives it an id and a status. */
export interface NewOutboxItem {
  kind: OutboxKind;
  idempotencyKey: string;
  callId: string | null;
  payload: Record<string, unknown>;
  /** First attempt not before this time (default: at once), e.g. a summary waiting for a transcript. */
  notBefore?: string;
}

/** A call event before it is stored (its call and time come from the write it belongs to). */
export interface NewCallEvent {
  kind: CallEventKind;
  name: string;
  payload: unknown;
}

/**
 * What a turn writes besides the call's state, committed in the same transaction: the answer
 * remembered for the webhook, the trace and webhook events, and the side effects to queue.
 * One transaction per webhook keeps the hot path to a handful of statements, and a crash can
 * never leave a turn saved without its queued SMS (or the SMS queued for a turn that was lost).
 */
export interface TurnWrite {
  /** Remembered for the webhook of the turn; undefined = this webhook takes no answer. */
  response?: unknown;
  events?: NewCallEvent[];
  outbox?: NewOutboxItem[];
  /** Ends the call (if still live) with this result: its line is free once the turn commits. */
  end?: CallResult;
}

export interface ListCallsQuery {
  limit?: number;
  /** Calls that started before this time (paging). */
  before?: string;
  number?: string;
  status?: CallStatus;
}

export type AdmitResult = 'admitted' | 'again' | 'busy';

/** Tables whose rows configure how calls are answered; the runtime caches them. */
export type ConfigTable = 'flows' | 'schedules' | 'numbers';

export interface CallTurnRecord {
  seq: number;
  /** The NCCO answered to the webhook of this turn (null: the webhook took none). */
  response: unknown;
  createdAt: string;
}

/** Encrypts channel secrets; `context` (the channel id) is bound to the ciphertext. */
export interface SecretCipher {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

/** A channel as written: every setting, secrets in clear (they are sealed on the way in). */
export interface ChannelInput {
  id: string;
  name: string;
  type: ChannelType;
  settings: Record<string, unknown>;
}

/** How a channel's deliveries are going; 'failing' after three failed attempts in a row. */
export interface ChannelHealth {
  status: 'ok' | 'failing' | 'unknown';
  consecutiveFailures: number;
  lastError: string | null;
  lastErrorAt: string | null;
  lastSuccessAt: string | null;
}

/** A channel as shown: non-secret settings, and only the names of the secrets that are set. */
export interface ChannelRecord {
  id: string;
  name: string;
  type: ChannelType;
  settings: Record<string, unknown>;
  secretsSet: string[];
  health: ChannelHealth;
  createdAt: string;
  updatedAt: string;
}

export interface Store {
  /**
   * The same contract limited to one workspace (issue 7): its flows, schedules, numbers,
   * channels, contacts, calls and call history, and the outbox items of its calls. Another
   * workspace's rows are invisible (reads miss, deletes find nothing), and writing under an id
   * another workspace owns throws WorkspaceConflictError (workspace-scope.ts). The API takes
   * every store from here (http/workspace-store.ts). Webhooks, the outbox worker and benches use
   * the installation's store (this one, unscoped), which reads every workspace and creates new
   * rows in `default`. Accounts, SMS receipts and the worker's outbox operations are the
   * installation's in both. A scoped store's `scoped` accepts only its own workspace.
   */
  scoped(workspaceId: string): Store;
  /**
   * Called after every committed write to flows, schedules or numbers through this store, so
   * caches of them (the runtime's) can never serve a stale flow, schedule or line count.
   * Returns the unsubscribe function.
   */
  onConfigChange(listener: (table: ConfigTable) => void): () => void;
  flows: {
    list(): Promise<FlowRecord[]>;
    get(id: string): Promise<FlowRecord | undefined>;
    /** Creates or replaces the draft. */
    saveDraft(doc: FlowDocument): Promise<FlowRecord>;
    delete(id: string): Promise<boolean>;
    /** Freezes the current draft as the next immutable version. */
    publish(id: string, comment: string): Promise<FlowVersionRecord>;
    versions(id: string): Promise<FlowVersionRecord[]>;
    version(id: string, version: number): Promise<FlowVersionRecord | undefined>;
    /** Latest published version. */
    published(id: string): Promise<FlowVersionRecord | undefined>;
    /** Publishes a copy of an older version as the newest one (and makes it the draft). */
    rollback(id: string, version: number, comment: string): Promise<FlowVersionRecord>;
  };
  schedules: {
    list(): Promise<ScheduleDocument[]>;
    get(id: string): Promise<ScheduleDocument | undefined>;
    put(doc: ScheduleDocument): Promise<void>;
    delete(id: string): Promise<boolean>;
    /** Every schedule by id, for the engine. */
    all(): Promise<Record<string, ScheduleDocument>>;
  };
  numbers: {
    list(): Promise<NumberRecord[]>;
    get(number: string): Promise<NumberRecord | undefined>;
    put(record: NumberRecord): Promise<void>;
    delete(number: string): Promise<boolean>;
  };
  calls: {
    /**
     * Atomically: if fewer than `lines` calls are live on the number, inserts the call as live
     * (with its first turn's `first` writes, keyed by turn 0) → 'admitted'; otherwise → 'busy'
     * (the caller records a missed call). An id that exists writes nothing (a retried answer
     * webhook): 'again' if that call was admitted, 'busy' if it was missed.
     */
    admit(call: CallRecord, lines: number, first?: TurnWrite): Promise<AdmitResult>;
    /** Inserts an already-ended (missed) call. */
    insertMissed(call: CallRecord): Promise<void>;
    get(id: string): Promise<CallRecord | undefined>;
    list(query?: ListCallsQuery): Promise<CallRecord[]>;
    liveCount(number: string): Promise<number>;
    /**
     * Saves the state after a turn only if the stored state is still at `expectedSeq`
     * (optimistic: a concurrent retry loses), together with `write` (the response remembered
     * for the webhook of turn `expectedSeq`, so a retry gets the same answer; events; outbox
     * items). Returns false, writing nothing, when the call moved on meanwhile.
     */
    saveTurn(
      callId: string,
      expectedSeq: number,
      state: CallState,
      at: string,
      write?: TurnWrite,
    ): Promise<boolean>;
    /** Every turn's remembered answer, in order (the call detail's NCCO log). */
    turns(callId: string): Promise<CallTurnRecord[]>;
    /** The response stored for the webhook of turn `seq`, if any. */
    turnResponse(callId: string, seq: number): Promise<unknown | undefined>;
    /** Marks the call ended (idempotent) and releases its line. */
    end(
      callId: string,
      result: CallResult | 'missed',
      at: string,
      missedReason?: MissedReason,
    ): Promise<void>;
    touch(callId: string, at: string): Promise<void>;
    /** Ends live calls whose last event is older than `before` (reason `lost`); returns how many. */
    sweep(before: string): Promise<number>;
    /** Appends to a known call's log; an event for an unknown call id is dropped. */
    addEvent(callId: string, kind: CallEventKind, name: string, payload: unknown, at: string): Promise<void>;
    events(callId: string): Promise<CallEventRecord[]>;
  };
  outbox: {
    /** Inserts items; an existing idempotency key is left as it is. */
    enqueue(items: NewOutboxItem[], at: string): Promise<void>;
    /** Pending items due at `now`, oldest first. */
    due(now: string, limit: number): Promise<OutboxItem[]>;
    /**
     * Like `due`, but takes the items for one worker: each returned item's next attempt moves to
     * `leaseUntil`, so a concurrent worker skips it, and an item whose worker died mid-send is
     * due again after the lease (at-least-once delivery).
     */
    claim(now: string, limit: number, leaseUntil: string): Promise<OutboxItem[]>;
    markDone(id: number, result: Record<string, unknown> | null, at: string): Promise<void>;
    /** Records a failed attempt; `nextAttemptAt` null = give up (dead). */
    markFailed(id: number, error: string, nextAttemptAt: string | null, at: string): Promise<void>;
    list(query?: { status?: OutboxStatus; callId?: string }): Promise<OutboxItem[]>;
    /**
     * Moves a pending item's next attempt from `expected` to `nextAttemptAt`, only if it is still
     * `expected` (compare-and-set: an item a worker has claimed meanwhile is left alone).
     */
    reschedule(id: number, expected: string, nextAttemptAt: string, at: string): Promise<boolean>;
  };
  /** Notification channels of the workspace; secrets sealed at rest (see ChannelRecord). */
  channels: {
    list(): Promise<ChannelRecord[]>;
    get(id: string): Promise<ChannelRecord | undefined>;
    /** The channel with its secrets opened: for senders only, never for an API answer or a log. */
    reveal(id: string): Promise<Channel | undefined>;
    /** Creates or replaces a channel; the type's secret fields are sealed, the rest stored as is. */
    put(channel: ChannelInput): Promise<ChannelRecord>;
    delete(id: string): Promise<boolean>;
    /** Health after one delivery attempt (a failure's error must already be free of secrets). */
    recordAttempt(
      id: string,
      outcome: { ok: true } | { ok: false; error: string },
      at: string,
    ): Promise<void>;
  };
  /** The contact book: who a caller is (lookup by number), CSV import and export. */
  contacts: ContactsRepository;
  /** The call log's summaries, search, dashboard counts, deletion and retention. */
  history: HistoryRepository;
  /** Workspaces, users, roles, sessions, invitations, password resets, API tokens (issue 7). */
  accounts: AccountsRepository;
  /** SMS delivery receipts from the Messages API status webhook. */
  smsStatuses: {
    record(messageUuid: string, status: string, payload: unknown, at: string): Promise<void>;
    forMessage(messageUuid: string): Promise<Array<{ status: string; at: string }>>;
  };
  close(): Promise<void>;
}
