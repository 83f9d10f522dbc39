import { describe, expect, it } from 'vitest';
import {
  callStatuses,
  connectOutcome,
  parseAnswer,
  parseCallEvent,
  parseInput,
  parseRecord,
  parseTranscription,
} from './payloads.ts';

const ids = { uuid: 'u1', conversation_uuid: 'CON-1', timestamp: '2026-04-01T01:00:00.000Z' };

describe('parseAnswer', () => {
  it('reads a GET query (all strings) and a POST body alike', () => {
    const query = {
      to: '81312345678',
      from: '819012345678',
      uuid: 'u1',
      conversation_uuid: 'CON-1',
      region_url: 'https://api-ap-3.vonage.com',
    };
    const expected = {
      uuid: 'u1',
      to: '81312345678',
      from: '819012345678',
      conversationUuid: 'CON-1',
      regionUrl: 'https://api-ap-3.vonage.com',
    };
    expect(parseAnswer(query)).toEqual({ ok: true, value: expected });
    expect(parseAnswer({ ...query, custom_data: { a: 1 }, endpoint_type: 'phone' })).toEqual({
      ok: true,
      value: { ...expected, endpointType: 'phone' },
    });
  });

  it('reads a missing, empty or wordy from as anonymous; keeps from_user of app calls', () => {
    for (const from of [undefined, '', 'Unknown', 'anonymous']) {
      const parsed = parseAnswer({ to: '81312345678', uuid: 'u1', ...(from === undefined ? {} : { from }) });
      expect(parsed).toMatchObject({ ok: true, value: { from: 'anonymous' } });
    }
    expect(parseAnswer({ to: '81312345678', uuid: 'u1', from_user: 'alice' })).toMatchObject({
      ok: true,
      value: { from: 'anonymous', fromUser: 'alice' },
    });
  });

  it('refuses without uuid or to, and never throws', () => {
    expect(parseAnswer({ to: '81312345678' })).toEqual({ ok: false, reason: 'answer payload without uuid' });
    expect(parseAnswer({ uuid: 'u1' })).toEqual({ ok: false, reason: 'answer payload without to' });
    expect(parseAnswer(null as unknown as Record<string, unknown>).ok).toBe(false);
  });
});

describe('parseInput', () => {
  it('reads dtmf as an object', () => {
    expect(
      parseInput({ ...ids, speech: { results: [] }, dtmf: { digits: '1234', timed_out: true } }),
    ).toEqual({
      ok: true,
      value: { type: 'digits', digits: '1234' },
    });
  });

  it('reads the legacy dtmf string', () => {
    expect(parseInput({ ...ids, dtmf: '5', timed_out: false })).toEqual({
      ok: true,
      value: { type: 'digits', digits: '5' },
    });
  });

  it('reads digits null or empty with nothing said as a timeout', () => {
    for (const digits of [null, '']) {
      expect(parseInput({ ...ids, speech: { results: [] }, dtmf: { digits, timed_out: true } })).toEqual({
        ok: true,
        value: { type: 'timeout' },
      });
    }
    expect(parseInput({ ...ids, dtmf: '' })).toEqual({ ok: true, value: { type: 'timeout' } });
  });

  it('picks the first speech result and parses its string confidence', () => {
    const body = {
      ...ids,
      speech: {
        recording_url: 'https://api-us.nexmo.com/v1/files/x',
        timeout_reason: 'end_on_silence_timeout',
        results: [
          { confidence: '0.9405097', text: '予約' },
          { confidence: '0.70543784', text: '余薬' },
        ],
      },
      dtmf: { digits: null, timed_out: false },
    };
    expect(parseInput(body)).toEqual({
      ok: true,
      value: { type: 'speech', text: '予約', confidence: 0.9405097 },
    });
  });

  it('skips empty results and drops an unreadable confidence', () => {
    const body = { ...ids, speech: { results: [{ text: '' }, { text: 'はい', confidence: 'high' }] } };
    expect(parseInput(body)).toEqual({ ok: true, value: { type: 'speech', text: 'はい' } });
  });

  it('reads start_timeout and an ASR error as a timeout', () => {
    const silent = {
      ...ids,
      speech: { timeout_reason: 'start_timeout', results: [] },
      dtmf: { digits: null, timed_out: false },
    };
    expect(parseInput(silent)).toEqual({ ok: true, value: { type: 'timeout' } });
    expect(parseInput({ ...ids, speech: { error: 'ERR: no audio' } })).toEqual({
      ok: true,
      value: { type: 'timeout' },
    });
  });

  it('prefers keys pressed over speech', () => {
    const both = {
      speech: { results: [{ text: 'はい', confidence: '0.5' }] },
      dtmf: { digits: '1', timed_out: false },
    };
    expect(parseInput(both)).toEqual({ ok: true, value: { type: 'digits', digits: '1' } });
  });

  it('refuses a payload with neither dtmf nor speech', () => {
    expect(parseInput({ ...ids })).toEqual({
      ok: false,
      reason: 'input payload has neither dtmf nor speech',
    });
    expect(parseInput([] as unknown as Record<string, unknown>).ok).toBe(false);
  });
});

describe('parseRecord', () => {
  const body = {
    start_time: '2020-01-01T12:00:00Z',
    end_time: '2020-01-01T12:01:05Z',
    recording_url: 'https://api.nexmo.com/v1/files/aaaa',
    recording_uuid: 'rec-1',
    size: 12345,
    conversation_uuid: 'CON-1',
    timestamp: '2020-01-01T14:00:00.000Z',
  };

  it('reads the recording without a leg uuid and computes seconds from the times', () => {
    expect(parseRecord(body)).toEqual({
      ok: true,
      value: {
        recordingUrl: 'https://api.nexmo.com/v1/files/aaaa',
        recordingUuid: 'rec-1',
        seconds: 65,
        startTime: '2020-01-01T12:00:00Z',
        endTime: '2020-01-01T12:01:05Z',
        size: 12345,
        conversationUuid: 'CON-1',
      },
    });
  });

  it('leaves seconds out when the times are missing or backwards; size may be a string', () => {
    const parsed = parseRecord({ recording_url: 'https://x/f', start_time: 'later', size: '42' });
    expect(parsed).toEqual({
      ok: true,
      value: { recordingUrl: 'https://x/f', startTime: 'later', size: 42 },
    });
    expect(parseRecord({ ...body, end_time: '2020-01-01T11:00:00Z' })).not.toHaveProperty('value.seconds');
  });

  it('refuses without recording_url', () => {
    expect(parseRecord({ recording_uuid: 'rec-1' })).toEqual({
      ok: false,
      reason: 'record payload without recording_url',
    });
  });
});

describe('parseTranscription', () => {
  it('reads the callback with any type', () => {
    for (const type of ['record', 'transcription']) {
      const body = {
        conversation_uuid: 'CON-1',
        recording_uuid: 'rec-1',
        status: 'transcribed',
        transcription_url: 'https://api.nexmo.com/v1/files/t',
        type,
      };
      expect(parseTranscription(body)).toEqual({
        ok: true,
        value: {
          transcriptionUrl: 'https://api.nexmo.com/v1/files/t',
          recordingUuid: 'rec-1',
          status: 'transcribed',
          type,
          conversationUuid: 'CON-1',
        },
      });
    }
  });

  it('refuses without a transcription_url, saying the status', () => {
    expect(parseTranscription({ status: 'failed', recording_uuid: 'rec-1' })).toEqual({
      ok: false,
      reason: 'transcription payload without transcription_url (status failed)',
    });
  });
});

describe('parseCallEvent', () => {
  it('reads a completed event with duration as a string', () => {
    const body = {
      ...ids,
      status: 'completed',
      direction: 'inbound',
      duration: '62',
      rate: '0.10',
      start_time: 'x',
    };
    expect(parseCallEvent(body)).toEqual({
      ok: true,
      value: {
        status: 'completed',
        rawStatus: 'completed',
        uuid: 'u1',
        conversationUuid: 'CON-1',
        duration: 62,
        timestamp: '2026-04-01T01:00:00.000Z',
        direction: 'inbound',
      },
    });
    expect(parseCallEvent({ ...body, duration: 62 })).toMatchObject({ value: { duration: 62 } });
  });

  it('reads call_uuid of machine-detection events and keeps detail', () => {
    expect(parseCallEvent({ call_uuid: 'u9', status: 'machine', sub_state: 'beep_start' })).toMatchObject({
      ok: true,
      value: { status: 'machine', uuid: 'u9' },
    });
    expect(parseCallEvent({ uuid: 'u2', status: 'unanswered', detail: 'carrier_timeout' })).toMatchObject({
      value: { status: 'unanswered', detail: 'carrier_timeout' },
    });
  });

  it('keeps unknown statuses as unknown and reads error events (reason, no status)', () => {
    expect(parseCallEvent({ uuid: 'u1', status: 'teleported' })).toMatchObject({
      ok: true,
      value: { status: 'unknown', rawStatus: 'teleported' },
    });
    expect(parseCallEvent({ reason: 'Syntax error in NCCO', conversation_uuid: 'CON-1' })).toEqual({
      ok: true,
      value: { status: 'unknown', conversationUuid: 'CON-1', reason: 'Syntax error in NCCO' },
    });
  });

  it('knows every documented status', () => {
    for (const status of callStatuses)
      expect(parseCallEvent({ status })).toMatchObject({ value: { status } });
  });
});

describe('connectOutcome', () => {
  it('maps a connect leg status to the engine outcome', () => {
    const table: Record<string, ReturnType<typeof connectOutcome>> = {
      answered: 'answered',
      busy: 'busy',
      timeout: 'no-answer',
      unanswered: 'no-answer',
      cancelled: 'no-answer',
      failed: 'failed',
      rejected: 'failed',
      completed: 'bridge-ended',
      started: null,
      ringing: null,
      machine: null,
      unknown: null,
    };
    for (const [status, outcome] of Object.entries(table))
      expect(connectOutcome(status), status).toBe(outcome);
  });
});
