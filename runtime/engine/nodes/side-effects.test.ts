import { describe, expect, it } from 'vitest';
import { flowOf, landlineCaller, TestCall } from '../test-helpers.ts';

const smsFlow = flowOf([
  {
    id: 'sms',
    kind: 'sms',
    params: { to: 'caller', text: 'ご予約はこちら https://example.jp/r' },
    next: { sent: 'ok', failed: 'ng' },
  },
  {
    id: 'ok',
    kind: 'notify',
    params: { channel: 'staff', message: '{{caller.number}} にSMS送信' },
    next: { next: 'bye' },
  },
  { id: 'ng', kind: 'say', params: { text: 'SMSをお送りできませんでした。' }, next: { next: 'bye' } },
  { id: 'bye', kind: 'hangup', params: { text: 'ありがとうございました。' } },
]);

describe('sms and notify', () => {
  it('sends to a mobile caller with encoding and segments, and notifies staff without waiting', () => {
    const call = new TestCall(smsFlow);
    const [sms, notify] = call.actions.filter((a) => a.type === 'send-sms' || a.type === 'notify');
    expect(sms).toEqual({
      type: 'send-sms',
      nodeId: 'sms',
      to: '+819012345678',
      text: 'ご予約はこちら https://example.jp/r',
      encoding: 'UCS-2',
      segments: 1,
      idempotencyKey: 'call-1:1:sms',
    });
    expect(notify).toMatchObject({ type: 'notify', channel: 'staff', message: '+819012345678 にSMS送信' });
    expect(call.state.vars['sms.status']).toBe('queued');
    expect(call.state.result).toBe('completed');
  });

  it('takes `failed` for a landline caller and for a hidden number', () => {
    for (const from of [landlineCaller, 'anonymous']) {
      const call = new TestCall(smsFlow, undefined, undefined, from);
      expect(call.actions.some((a) => a.type === 'send-sms')).toBe(false);
      expect(call.state.path).toEqual(['sms', 'ng', 'bye']);
      expect(call.state.vars['sms.status']).toBe('failed');
    }
  });
});

const voicemail = flowOf([
  {
    id: 'vm',
    kind: 'record',
    params: { prompt: '発信音の後にお名前とご用件をお話しください。', maxSeconds: 60 },
    next: { done: 'tell' },
  },
  {
    id: 'tell',
    kind: 'notify',
    params: { channel: 'staff', message: '留守電: {{vm.transcript}} {{vm.recordingUrl}}' },
    next: { next: 'bye' },
  },
  { id: 'bye', kind: 'hangup', params: { text: 'ありがとうございました。' } },
]);

describe('record', () => {
  it('records with a beep and stores the recording and transcript', () => {
    const call = new TestCall(voicemail);
    expect(call.last.actions[1]).toEqual({
      type: 'record',
      nodeId: 'vm',
      beep: true,
      maxSeconds: 60,
      endOnKey: '#',
      transcribe: true,
      language: 'ja-JP',
    });
    call.send({
      type: 'recorded',
      recordingUrl: 'https://rec/1',
      seconds: 12,
      transcript: '山田です。予約の変更です。',
    });
    expect(call.state.vars).toMatchObject({ 'vm.recordingUrl': 'https://rec/1', 'vm.seconds': '12' });
    expect(call.actions.find((a) => a.type === 'notify')).toMatchObject({
      message: '留守電: 山田です。予約の変更です。 https://rec/1',
    });
  });

  it('still completes the voicemail when the caller hangs up before the recording event', () => {
    const call = new TestCall(voicemail);
    call.send({ type: 'hangup' });
    expect(call.state.status).toBe('waiting');
    call.send({ type: 'recorded', recordingUrl: 'https://rec/2', seconds: 8 });
    expect(call.last.actions.map((a) => a.type)).toEqual(['notify']);
    expect(call.state).toMatchObject({ status: 'ended', result: 'completed' });
  });

  it('accepts a transcript that arrives after the call ended', () => {
    const call = new TestCall(voicemail);
    call.send({ type: 'recorded', recordingUrl: 'https://rec/3', seconds: 5 });
    call.send({ type: 'transcribed', nodeId: 'vm', transcript: '後から届いた文字起こし' });
    expect(call.state.vars['vm.transcript']).toBe('後から届いた文字起こし');
  });
});
