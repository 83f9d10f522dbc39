/**
 * The live driver's core: answer a call, apply a webhook as an engine event, persist the turn
 * and render the next NCCO. Idempotent per (call, turn): a retried webhook gets the NCCO stored
 * for its turn and never advances the call twice.
 */
import { parsePhone } from '../../../schema/phone.ts';
import { startCall, step } from '../../engine/engine.ts';
import type { CallEventInput, CallState, Turn } from '../../engine/types.ts';
import type { CallRecord, MissedReason, NewCallEvent, TurnWrite } from '../../store/types.ts';
import { defaultWorkspaceId } from '../../store/workspace-scope.ts';
import { busyNcco, fallbackNcco, renderNcco, unknownNumberNcco } from '../../vonage/ncco.ts';
import type { AppDeps, Ncco } from '../deps.ts';
import { effectsOf } from './effects.ts';
import { RuntimeCache } from './flow-cache.ts';
import { saveUnknownCallerLater } from './unknown-callers.ts';

export interface ApplyOptions {
  /** Whether the webhook answers with an NCCO. */
  wantsNcco: boolean;
  /** The raw webhook, logged with the turn it causes. */
  webhook?: NewCallEvent;
  /** The call as the handler just read it (saves reading it again). */
  call?: CallRecord;
  /** The caller is gone: if this turn ends the flow, end the call (free its line) in the same write. */
  endIfOver?: boolean;
}

export interface Applied {
  ncco: Ncco | null;
  /** The state afterwards (undefined: unknown call). */
  state: CallState | undefined;
  /** Whether this turn ended the call record. */
  ended: boolean;
}

export interface AnswerParams {
  uuid: string;
  conversationUuid: string | null;
  from: string;
  to: string;
}

const language = 'ja-JP';
const e164 = (number: string) => parsePhone(number)?.e164 ?? number;

export class CallRunner {
  readonly cache: RuntimeCache;

  constructor(readonly deps: AppDeps) {
    this.cache = new RuntimeCache(deps.store);
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  /** The NCCO for callers when something failed: apology, then the fallback number or the end. */
  fallbackFor(to: string | undefined): Ncco {
    const number = to ? this.cache.knownNumber(e164(to)) : undefined;
    const fallbackNumber = number?.fallbackNumber ?? this.deps.config.fallbackNumber;
    return fallbackNcco({
      language,
      ...(fallbackNumber ? { fallbackNumber: e164(fallbackNumber) } : {}),
      ...(number ? { from: number.number } : {}),
    }) as Ncco;
  }

  async answer(params: AnswerParams, webhook?: NewCallEvent): Promise<Ncco> {
    const { store } = this.deps;
    const at = this.now();
    const to = e164(params.to);
    const replay = await store.calls.turnResponse(params.uuid, 0);
    if (replay !== undefined) return replay as Ncco;

    const number = await this.cache.number(to);
    // The call belongs to the workspace owning the number (a number nobody owns: `default`).
    const base = {
      ...this.callRecord(params, to, at),
      workspaceId: number?.workspaceId ?? defaultWorkspaceId,
    };
    if (!number) return this.missed(base, 'unknownNumber', unknownNumberNcco(language) as Ncco);
    const published = number.flowId ? await this.cache.publishedFlow(number.flowId) : undefined;
    if (!published) return this.missed(base, 'noFlow', this.fallbackFor(to));

    const flow = published.document;
    const turn = startCall(
      flow,
      { callId: params.uuid, from: params.from, to, at, flowVersion: published.version },
      { schedules: await this.cache.schedules(base.workspaceId) },
    );
    const ncco = this.render(params.uuid, turn, flow.language);
    const call: CallRecord = {
      ...base,
      flowId: published.flowId,
      flowVersion: published.version,
      state: turn.state,
    };
    // Admission, the first turn, its answer and its side effects: one transaction.
    const admitted = await store.calls.admit(
      call,
      number.lines,
      this.turnWrite(call.id, turn, ncco, webhook, to),
    );
    if (admitted === 'busy') return this.missed(call, 'linesBusy', busyNcco(language) as Ncco);
    if (admitted === 'admitted') {
      if (flow.saveUnknownCallers)
        saveUnknownCallerLater(
          { store: this.deps.store.scoped(base.workspaceId), logger: this.deps.logger },
          params.from,
          flow.name,
        );
      return ncco;
    }
    // A concurrent retry of this answer webhook inserted the call first: its answer wins.
    return ((await store.calls.turnResponse(params.uuid, 0)) as Ncco | undefined) ?? ncco;
  }

  /**
   * Applies one event to a live call. `seq` is the turn the webhook answers. Returns the NCCO to
   * run next, or null when the webhook takes no NCCO (the call carries on as it is).
   * `webhook` (the raw payload) is logged with the turn it causes, in the same transaction.
   */
  async advance(
    callId: string,
    seq: number | undefined,
    event: CallEventInput,
    opts: { wantsNcco: boolean; webhook?: NewCallEvent },
  ): Promise<Ncco | null> {
    return (await this.apply(callId, seq, event, opts)).ncco;
  }

  /** `advance`, also telling the caller the call's state afterwards and whether it ended the call. */
  async apply(
    callId: string,
    seq: number | undefined,
    event: CallEventInput,
    opts: ApplyOptions,
  ): Promise<Applied> {
    const { store } = this.deps;
    const call = opts.call ?? (await store.calls.get(callId));
    if (!call?.state || !call.flowId || call.flowVersion === null) {
      this.deps.logger.warn('webhook for an unknown call', { callId, event: event.type });
      return { ncco: opts.wantsNcco ? this.fallbackFor(call?.number) : null, state: undefined, ended: false };
    }
    const at = this.now();
    const log = async (events: NewCallEvent[]) => {
      for (const e of events) await store.calls.addEvent(callId, e.kind, e.name, e.payload, at);
    };
    const webhookEvents = opts.webhook ? [opts.webhook] : [];
    if (seq !== undefined && seq !== call.state.seq) {
      // A retry of a turn we already answered: the same NCCO again, nothing advances.
      await log(webhookEvents);
      const stored = opts.wantsNcco ? await store.calls.turnResponse(callId, seq) : undefined;
      const ncco = opts.wantsNcco ? ((stored as Ncco | undefined) ?? this.fallbackFor(call.number)) : null;
      return { ncco, state: call.state, ended: false };
    }
    const flow = await this.cache.flowVersion(call.flowId, call.flowVersion);
    if (!flow) throw new Error(`flow ${call.flowId} version ${call.flowVersion} is missing`);
    const turn = step(flow, call.state, { ...event, at, ...(seq !== undefined ? { seq } : {}) } as never, {
      schedules: await this.cache.schedules(call.workspaceId ?? defaultWorkspaceId),
    });
    if (turn.state === call.state) {
      await log([...webhookEvents, { kind: 'trace', name: 'ignored', payload: turn.trace }]);
      return { ncco: opts.wantsNcco ? this.fallbackFor(call.number) : null, state: call.state, ended: false };
    }
    const ncco = this.render(callId, turn, flow.language);
    // A webhook that takes no NCCO stores no answer (it must not overwrite the turn's NCCO).
    const write = this.turnWrite(callId, turn, opts.wantsNcco ? ncco : undefined, opts.webhook, call.number);
    const ends = opts.endIfOver === true && turn.state.status === 'ended';
    if (ends) write.end = turn.state.result ?? 'caller-hangup';
    if (await store.calls.saveTurn(callId, call.state.seq, turn.state, at, write)) {
      return { ncco: opts.wantsNcco ? ncco : null, state: turn.state, ended: ends };
    }
    // A concurrent retry won the race: answer what it stored.
    const stored = await store.calls.turnResponse(callId, call.state.seq);
    const answer = opts.wantsNcco ? ((stored as Ncco | undefined) ?? this.fallbackFor(call.number)) : null;
    return { ncco: answer, state: (await store.calls.get(callId))?.state ?? undefined, ended: false };
  }

  private render(callId: string, turn: Turn, lang: string): Ncco {
    return renderNcco(turn.actions, {
      baseUrl: this.deps.config.publicBaseUrl,
      callId,
      seq: turn.state.seq,
      language: lang,
    }) as Ncco;
  }

  /** Everything a turn stores besides the state: answer, log lines, queued side effects. */
  private turnWrite(
    callId: string,
    turn: Turn,
    ncco: Ncco | undefined,
    webhook: NewCallEvent | undefined,
    to: string,
  ): TurnWrite {
    const { config } = this.deps;
    return {
      ...(ncco !== undefined ? { response: ncco } : {}),
      events: [
        ...(webhook ? [webhook] : []),
        { kind: 'trace', name: `turn ${turn.state.seq}`, payload: turn.trace },
      ],
      outbox: effectsOf(callId, turn.actions, this.cache.knownNumber(to), config.smsSenderId),
    };
  }

  private callRecord(params: AnswerParams, to: string, at: string): CallRecord {
    return {
      id: params.uuid,
      conversationUuid: params.conversationUuid,
      number: to,
      from: params.from,
      to,
      flowId: null,
      flowVersion: null,
      status: 'live',
      result: null,
      missedReason: null,
      state: null,
      startedAt: at,
      endedAt: null,
      lastEventAt: at,
    };
  }

  private async missed(call: CallRecord, reason: MissedReason, ncco: Ncco): Promise<Ncco> {
    const at = this.now();
    await this.deps.store.calls.insertMissed({
      ...call,
      status: 'ended',
      result: 'missed',
      missedReason: reason,
      endedAt: at,
    });
    this.deps.logger.info('missed call', { callId: call.id, number: call.number, reason });
    return ncco;
  }

  /** Current state of a call, for the leg-event handlers. */
  async state(callId: string): Promise<{ call: CallRecord; state: CallState } | undefined> {
    const call = await this.deps.store.calls.get(callId);
    return call?.state ? { call, state: call.state } : undefined;
  }
}
