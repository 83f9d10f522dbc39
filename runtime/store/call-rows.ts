/**
 * Mapping between CallRecord / CallEventRecord and their rows. Kept apart from the queries so
 * calls.ts reads as the concurrency logic it is.
 */
import type { Insertable, Selectable } from 'kysely';
import type { CallResult, CallState } from '../engine/types.ts';
import { fromJson, fromJsonOrNull, toJson, utc } from './codec.ts';
import type { CallEventsTable, CallsTable } from './database.ts';
import type { CallEventRecord, CallRecord } from './types.ts';
import { defaultWorkspaceId } from './workspace-scope.ts';

/** The columns of a CallRecord (the calls row also holds the call log's summary). */
export const callColumns = [
  'id',
  'workspace_id',
  'conversation_uuid',
  'number',
  'from',
  'to',
  'flow_id',
  'flow_version',
  'status',
  'result',
  'missed_reason',
  'state',
  'seq',
  'started_at',
  'ended_at',
  'last_event_at',
] as const;

export function callToRow(call: CallRecord): Insertable<CallsTable> {
  return {
    id: call.id,
    workspace_id: call.workspaceId ?? defaultWorkspaceId,
    conversation_uuid: call.conversationUuid,
    number: call.number,
    from: call.from,
    to: call.to,
    flow_id: call.flowId,
    flow_version: call.flowVersion,
    status: call.status,
    result: call.result,
    missed_reason: call.missedReason,
    state: call.state ? toJson(call.state) : null,
    seq: call.state?.seq ?? 0,
    started_at: utc(call.startedAt),
    ended_at: call.endedAt === null ? null : utc(call.endedAt),
    last_event_at: utc(call.lastEventAt),
  };
}

export function rowToCall(row: Pick<Selectable<CallsTable>, (typeof callColumns)[number]>): CallRecord {
  return {
    id: row.id,
    conversationUuid: row.conversation_uuid,
    number: row.number,
    from: row.from,
    to: row.to,
    flowId: row.flow_id,
    flowVersion: row.flow_version,
    status: row.status,
    result: row.result as CallResult | 'missed' | null,
    missedReason: row.missed_reason,
    state: fromJsonOrNull<CallState>(row.state),
    startedAt: row.started_at,
    endedAt: row.ended_at,
    lastEventAt: row.last_event_at,
    workspaceId: row.workspace_id,
  };
}

export function rowToEvent(row: Selectable<CallEventsTable>): CallEventRecord {
  return {
    id: row.id,
    callId: row.call_id,
    kind: row.kind,
    name: row.name,
    payload: fromJson<unknown>(row.payload),
    at: row.at,
  };
}

/**
 * How a call the sweeper gives up on is recorded: if the engine had already finished it, only
 * Vonage's final event went missing and the engine's result stands; otherwise the call was lost.
 */
export function sweptOutcome(stateText: string | null): { result: CallResult; missedReason: 'lost' | null } {
  const state = fromJsonOrNull<CallState>(stateText);
  if (state?.status === 'ended' && state.result) return { result: state.result, missedReason: null };
  return { result: 'failed', missedReason: 'lost' };
}
