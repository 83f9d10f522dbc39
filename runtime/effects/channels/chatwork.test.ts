import { describe, expect, it } from 'vitest';
import { PermanentError } from '../errors.ts';
import { sendChatwork } from './chatwork.ts';
import { channelOf, rejectionOf, sampleMessage } from './testing/fixtures.ts';
import { loopbackServers, onlyPost } from './testing/use-loopback.ts';

const startServer = loopbackServers();

const apiToken = 'cw0123456789abcdefSECRETtoken';

describe('Chatwork room message', () => {
  it('posts the [info] message as a form body with the token header to /rooms/{roomId}/messages', async () => {
    const server = await startServer(() => ({ status: 200, body: { message_id: '1234567890' } }));
    const channel = channelOf('chatwork', { apiToken, roomId: '98765', apiBaseUrl: `${server.url}/v2` });

    const result = await sendChatwork(channel, sampleMessage);

    expect(result.providerId).toBe('1234567890');
    const request = onlyPost(server, '/v2/rooms/98765/messages', 'application/x-www-form-urlencoded');
    expect(request.headers['x-chatworktoken']).toBe(apiToken);
    const form = new URLSearchParams(request.body);
    expect([...form.keys()]).toEqual(['body']);
    expect(form.get('body')).toBe(
      [
        '[info][title]着信: 090-1234-5678（山田様）[/title]ご予約の変更をお願いします。',
        '来週の火曜日の午後は空いていますか？',
        '[hr]日時: 2026年11月22日（日）14:05',
        '着信番号: 03-1234-5678（さくら歯科 代表）',
        'メニュー: 2: 予約の変更',
        `録音を聞く: ${sampleMessage.recordingUrl}[/info]`,
      ].join('\n'),
    );
  });

  it("defuses Chatwork tags in a caller's words: no [toall], no early [/info]", async () => {
    const server = await startServer(() => ({ status: 200, body: { message_id: '1' } }));
    const channel = channelOf('chatwork', { apiToken, roomId: '98765', apiBaseUrl: `${server.url}/v2` });

    await sendChatwork(channel, { title: '着信', text: '[toall] 至急 [/info]折り返し', fields: [] });

    const body = new URLSearchParams(server.requests[0]!.body).get('body')!;
    expect(body).toBe('[info][title]着信[/title]［toall] 至急 ［/info]折り返し[/info]');
  });

  it('reports a refused token as permanent', async () => {
    const server = await startServer(() => ({ status: 401, body: { errors: ['Invalid API token'] } }));
    const channel = channelOf('chatwork', { apiToken, roomId: '98765', apiBaseUrl: `${server.url}/v2` });

    const error = await rejectionOf(sendChatwork(channel, sampleMessage));

    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe('Chatwork: HTTP 401: {"errors":["Invalid API token"]}');
  });
});
