import { describe, expect, it } from 'vitest';
import { sendTeams } from './teams.ts';
import { channelOf, sampleMessage } from './testing/fixtures.ts';
import { loopbackServers, onlyPost } from './testing/use-loopback.ts';

const startServer = loopbackServers();

// Workflows webhooks look like this; the sig query is the secret.
const webhookPath =
  '/workflows/7d1c0a9e/triggers/manual/paths/invoke?api-version=1&sig=SuperSecretSig0123456789';

describe('Teams workflow webhook', () => {
  it('posts a message with one Adaptive Card: title, text, a FactSet of the fields, an OpenUrl to the recording', async () => {
    // Workflows accept the request and run the flow later.
    const server = await startServer(() => ({ status: 202, body: '' }));
    const channel = channelOf('teams', { webhookUrl: `${server.url}${webhookPath}` });

    await sendTeams(channel, sampleMessage);

    const request = onlyPost(server, webhookPath);
    const payload = JSON.parse(request.body);
    expect(payload.type).toBe('message');
    expect(payload.attachments).toHaveLength(1);
    const attachment = payload.attachments[0];
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = attachment.content;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(card.body).toEqual([
      {
        type: 'TextBlock',
        text: '着信: 090-1234-5678（山田様）',
        size: 'Large',
        weight: 'Bolder',
        wrap: true,
      },
      { type: 'TextBlock', text: sampleMessage.text, wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: '日時', value: '2026年11月22日（日）14:05' },
          { title: '着信番号', value: '03-1234-5678（さくら歯科 代表）' },
          { title: 'メニュー', value: '2: 予約の変更' },
        ],
      },
    ]);
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: '録音を聞く', url: sampleMessage.recordingUrl },
    ]);
  });

  it('sends a test message without facts or actions, saying it is a test', async () => {
    const server = await startServer(() => ({ status: 200, body: '1' }));
    const channel = channelOf('teams', { webhookUrl: `${server.url}${webhookPath}` });

    await sendTeams(channel, { title: 'テスト通知', text: '接続の確認です', fields: [], test: true });

    const card = JSON.parse(server.requests[0]!.body).attachments[0].content;
    expect(card.body.map((b: { type: string }) => b.type)).toEqual(['TextBlock', 'TextBlock', 'TextBlock']);
    expect(card.body[2].text).toContain('テスト送信');
    expect(card.actions).toEqual([]);
  });
});
