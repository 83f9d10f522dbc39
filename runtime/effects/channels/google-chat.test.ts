import { describe, expect, it } from 'vitest';
import { sendGoogleChat } from './google-chat.ts';
import { channelOf, sampleMessage } from './testing/fixtures.ts';
import { loopbackServers, onlyPost } from './testing/use-loopback.ts';

const startServer = loopbackServers();

const webhookPath = '/v1/spaces/AAAAbcd123/messages?key=AIzaSyKeyKeyKey123&token=tok-SECRET-4567890';

describe('Google Chat space webhook', () => {
  it('posts a cardsV2 card: header title, text paragraph, labelled fields, a button to the recording', async () => {
    const server = await startServer(() => ({
      status: 200,
      body: { name: 'spaces/AAAAbcd123/messages/xyz.789', text: '' },
    }));
    const channel = channelOf('google-chat', { webhookUrl: `${server.url}${webhookPath}` });

    const result = await sendGoogleChat(channel, sampleMessage);

    expect(result.providerId).toBe('spaces/AAAAbcd123/messages/xyz.789');
    const request = onlyPost(server, webhookPath);
    const payload = JSON.parse(request.body);
    // Mobile notifications show the fallback text.
    expect(payload.fallbackText).toBe('着信: 090-1234-5678（山田様）');
    expect(payload.cardsV2).toHaveLength(1);
    const { cardId, card } = payload.cardsV2[0];
    expect(cardId).toBeTruthy();
    expect(card.header.title).toBe('着信: 090-1234-5678（山田様）');
    expect(card.sections).toEqual([
      { widgets: [{ textParagraph: { text: sampleMessage.text } }] },
      {
        widgets: [
          { decoratedText: { topLabel: '日時', text: '2026年11月22日（日）14:05', wrapText: true } },
          {
            decoratedText: { topLabel: '着信番号', text: '03-1234-5678（さくら歯科 代表）', wrapText: true },
          },
          { decoratedText: { topLabel: 'メニュー', text: '2: 予約の変更', wrapText: true } },
        ],
      },
      {
        widgets: [
          {
            buttonList: {
              buttons: [{ text: '録音を聞く', onClick: { openLink: { url: sampleMessage.recordingUrl } } }],
            },
          },
        ],
      },
    ]);
  });

  it("escapes a caller's words so Chat's card HTML shows them as typed", async () => {
    const server = await startServer(() => ({ status: 200, body: { name: 'spaces/x/messages/y' } }));
    const channel = channelOf('google-chat', { webhookUrl: `${server.url}${webhookPath}` });

    await sendGoogleChat(channel, { ...sampleMessage, text: '<b>至急</b> A&B 様', test: true });

    const { card } = JSON.parse(server.requests[0]!.body).cardsV2[0];
    expect(card.sections[0].widgets[0].textParagraph.text).toBe('&lt;b&gt;至急&lt;/b&gt; A&amp;B 様');
    expect(card.header.subtitle).toContain('テスト送信');
  });
});
