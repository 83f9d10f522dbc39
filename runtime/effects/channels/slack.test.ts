import { describe, expect, it } from 'vitest';
import { sendSlack } from './slack.ts';
import { channelOf, sampleMessage } from './testing/fixtures.ts';
import { loopbackServers, onlyPost } from './testing/use-loopback.ts';

const startServer = loopbackServers();

const webhookPath = '/services/T0123ABCD/B0456EFGH/xoxSecretToken123456';

describe('Slack incoming webhook', () => {
  it('posts one Block Kit message: header title, text, fields, a button to the recording', async () => {
    const server = await startServer(() => ({ status: 200, body: 'ok' }));
    const channel = channelOf('slack', { webhookUrl: `${server.url}${webhookPath}` });

    await sendSlack(channel, sampleMessage);

    const request = onlyPost(server, webhookPath);
    const payload = JSON.parse(request.body);
    // The notification preview shows the top-level text.
    expect(payload.text).toBe('着信: 090-1234-5678（山田様）');
    const [header, text, fields, actions, ...rest] = payload.blocks;
    expect(header).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '着信: 090-1234-5678（山田様）', emoji: true },
    });
    expect(text).toEqual({ type: 'section', text: { type: 'mrkdwn', text: sampleMessage.text } });
    expect(fields.type).toBe('section');
    expect(fields.fields).toEqual([
      { type: 'mrkdwn', text: '*日時*\n2026年11月22日（日）14:05' },
      { type: 'mrkdwn', text: '*着信番号*\n03-1234-5678（さくら歯科 代表）' },
      { type: 'mrkdwn', text: '*メニュー*\n2: 予約の変更' },
    ]);
    expect(actions.type).toBe('actions');
    expect(actions.elements).toEqual([
      expect.objectContaining({
        type: 'button',
        text: { type: 'plain_text', text: '録音を聞く', emoji: true },
        url: sampleMessage.recordingUrl,
      }),
    ]);
    expect(rest).toEqual([]);
  });

  it("keeps a caller's words from becoming Slack links or mentions", async () => {
    const server = await startServer(() => ({ status: 200, body: 'ok' }));
    const channel = channelOf('slack', { webhookUrl: `${server.url}${webhookPath}` });

    await sendSlack(channel, {
      ...sampleMessage,
      text: '<!channel> 至急 <https://evil.example|ここ> & 折り返し',
    });

    const payload = JSON.parse(server.requests[0]!.body);
    expect(payload.blocks[1].text.text).toBe(
      '&lt;!channel&gt; 至急 &lt;https://evil.example|ここ&gt; &amp; 折り返し',
    );
  });

  it('marks a test message and leaves out the button when there is no recording', async () => {
    const server = await startServer(() => ({ status: 200, body: 'ok' }));
    const channel = channelOf('slack', { webhookUrl: `${server.url}${webhookPath}` });

    await sendSlack(channel, { title: 'テスト通知', text: '', fields: [], test: true });

    const payload = JSON.parse(server.requests[0]!.body);
    expect(payload.blocks.map((b: { type: string }) => b.type)).toEqual(['header', 'context']);
    expect(payload.blocks[1].elements[0].text).toContain('テスト送信');
  });

  it('splits more than ten fields over several sections (Slack allows ten per section)', async () => {
    const server = await startServer(() => ({ status: 200, body: 'ok' }));
    const channel = channelOf('slack', { webhookUrl: `${server.url}${webhookPath}` });
    const fields = Array.from({ length: 13 }, (_, i) => ({ label: `項目${i + 1}`, value: `値${i + 1}` }));

    await sendSlack(channel, { ...sampleMessage, fields });

    const sections = JSON.parse(server.requests[0]!.body).blocks.filter(
      (b: { fields?: unknown[] }) => b.fields,
    );
    expect(sections.map((s: { fields: unknown[] }) => s.fields.length)).toEqual([10, 3]);
  });
});
