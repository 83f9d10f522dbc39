/**
 * The live driver's core: answer a call, apply a webhook as an engine event, persist the turn
 * and render the next NCCO. Idempotent per (call, turn): a retried webhook gets the NCCO stored
 * for its turn and never advances the call twice.
 */
import { parsePhone } from '../../../schema/phone.ts';
import { startCall, step } from '../../engine/engine.ts';
import type { CallEventInput, CallState, Turn } from '../../engine/types.ts';
import type { CallRecord, MissedReason } from '../../store/types.ts';
import { busyNcco, fallbackNcco, renderNcco, unknownNumberNcco } from '../../vonage/ncco.ts';
import type { AppDeps, Ncco } from '../deps.ts';
import { enqueueEffects } from './effects.ts';
import { RuntimeCache } from './flow-cache.ts';

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

  async answer(params: AnswerParams): Promise<Ncco> {
    const { store } = this.deps;
    const at = this.now();
    const to = e164(params.to);
    const replay = await store.calls.turnResponse(params.uuid, 0);
    if (replay !== undefined) return replay as Ncco;

    const number = await this.cache.number(to);
    const base = this.callRecord(params, to, at);
    if (!number) return this.missed(base, 'unknownNumber', unknownNumberNcco(language) as Ncco);
    const published = number.flowId ? await store.flows.published(number.flowId) : undefined;
    if (!published) return this.missed(base, 'noFlow', this.fallbackFor(to));

    const call: CallRecord = { ...base, flowId: published.flowId, flowVersion: published.version };
    if (!(await store.calls.admit(call, number.lines))) {
      return this.missed(call, 'linesBusy', busyNcco(language) as Ncco);
    }
    const schedules = await store.schedules.all();
    const flow = (await this.cache.flowVersion(published.flowId, published.version)) ?? published.document;
    const turn = startCall(
      flow,
      { callId: params.uuid, from: params.from, to, at, flowVersion: published.version },
      { schedules },
    );
    return this.persist(call.id, 0, turn, flow.language, to);
  }

  /**
   * Applies one event to a live call. `seq` is the turn the webhook answers. Returns the NCCO to
   * run next, or null when the webhook takes no NCCO (the call carries on as it is).
   */
  async advance(
    callId: string,
    seq: number | undefined,
    event: CallEventInput,
    opts: { wantsNcco: boolean },
  ): Promise<Ncco | null> {
    const { store } = this.deps;
    const call = await store.calls.get(callId);
    if (!call?.state || !call.flowId || call.flowVersion === null) {
      this.deps.logger.warn('webhook for an unknown call', { callId, event: event.type });
      return opts.wantsNcco ? this.fallbackFor(call?.number) : null;
    }
    if (seq !== undefined && seq !== call.state.seq) {
      // A retry of a turn we already answered: the same NCCO again, nothing advances.
      const stored = await store.calls.turnResponse(callId, seq);
      return opts.wantsNcco ? ((stored as Ncco | undefined) ?? this.fallbackFor(call.number)) : null;
    }
    const flow = await this.cache.flowVersion(call.flowId, call.flowVersion);
    if (!flow) throw new Error(`flow ${call.flowId} version ${call.flowVersion} is missing`);
    const at = this.now();
    const schedules = await store.schedules.all();
    const turn = step(flow, call.state, { ...event, at, ...(seq !== undefined ? { seq } : {}) } as never, {
      schedules,
    });
    if (turn.state === call.state) {
      await store.calls.addEvent(callId, 'trace', 'ignored', turn.trace, at);
      return opts.wantsNcco ? this.fallbackFor(call.number) : null;
    }
    const ncco = await this.persist(callId, call.state.seq, turn, flow.language, call.number, opts.wantsNcco);
    return opts.wantsNcco ? ncco : null;
  }

  /** Saves the turn (optimistically), queues its side effects and returns its NCCO. */
  private async persist(
    callId: string,
    previousSeq: number,
    turn: Turn,
    lang: string,
    to: string,
    keep = true,
  ): Promise<Ncco> {
    const { store, config } = this.deps;
    const at = this.now();
    const ncco = renderNcco(turn.actions, {
      baseUrl: config.publicBaseUrl,
      callId,
      seq: turn.state.seq,
      language: lang,
    }) as Ncco;
    // A webhook that takes no NCCO stores no answer (it must not overwrite the turn's NCCO).
    const saved = await store.calls.saveTurn(callId, previousSeq, turn.state, keep ? ncco : undefined, at);
    if (!saved) {
      // A concurrent retry won the race: answer what it stored.
      const stored = await store.calls.turnResponse(callId, previousSeq);
      return (stored as Ncco | undefined) ?? this.fallbackFor(to);
    }
    await enqueueEffects(store, callId, turn.actions, this.cache.knownNumber(to), config.smsSenderId, at);
    await store.calls.addEvent(callId, 'trace', `turn ${turn.state.seq}`, turn.trace, at);
    if (keep) await store.calls.addEvent(callId, 'ncco', `turn ${turn.state.seq}`, ncco, at);
    return ncco;
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
