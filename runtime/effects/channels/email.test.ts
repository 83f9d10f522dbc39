import PostalMime from 'postal-mime';
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentError } from '../errors.ts';
import { sendEmail } from './email.ts';
import { type FakeSmtpOptions, type FakeSmtpServer, startFakeSmtp } from './testing/fake-smtp.ts';
import { channelOf, rejectionOf, sampleMessage } from './testing/fixtures.ts';

let smtp: FakeSmtpServer | undefined;
afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
});

const password = 'smtp-PASSWORD-0123456789';

async function setUp(options: FakeSmtpOptions = {}) {
  smtp = await startFakeSmtp(options);
  const channel = channelOf('email', {
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    from: 'さくら歯科 受付 <uketsuke@sakura-dental.example.jp>',
    to: ['staff@sakura-dental.example.jp', 'inchou@sakura-dental.example.jp'],
  });
  return { smtp, channel };
}

describe('email over SMTP', () => {
  it('delivers the Japanese subject and body intact, as text and as HTML', async () => {
    const { smtp, channel } = await setUp();
    const message = { ...sampleMessage, text: 'ご予約の変更をお願いします' };

    const result = await sendEmail(channel, message);

    expect(smtp.mails).toHaveLength(1);
    const received = smtp.mails[0]!;
    expect(received.from).toBe('uketsuke@sakura-dental.example.jp');
    expect(received.to).toEqual(['staff@sakura-dental.example.jp', 'inchou@sakura-dental.example.jp']);
    // Only ASCII on the wire: the Japanese is MIME-encoded UTF-8.
    expect(received.raw.every((byte) => byte < 0x80)).toBe(true);
    const mail = await PostalMime.parse(received.raw);
    expect(mail.subject).toBe('着信: 090-1234-5678（山田様）');
    expect(mail.from?.name).toBe('さくら歯科 受付');
    expect(mail.messageId).toBe(result.providerId);
    expect(mail.text).toContain('ご予約の変更をお願いします');
    expect(mail.text).toContain('着信番号: 03-1234-5678（さくら歯科 代表）');
    expect(mail.text).toContain(`録音を聞く: ${sampleMessage.recordingUrl}`);
    expect(mail.html).toContain(
      '<h2 style="font-size:18px;margin:0 0 12px">着信: 090-1234-5678（山田様）</h2>',
    );
    expect(mail.html).toContain('ご予約の変更をお願いします');
    expect(mail.html).toContain(
      `<a href="${sampleMessage.recordingUrl!.replace(/&/g, '&amp;')}">録音を聞く</a>`,
    );
  });

  it("escapes a caller's words in the HTML part", async () => {
    const { smtp, channel } = await setUp();

    await sendEmail(channel, { ...sampleMessage, text: '<script>alert(1)</script> 山田 & 佐藤' });

    const mail = await PostalMime.parse(smtp.mails[0]!.raw);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 山田 &amp; 佐藤');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('<script>alert(1)</script> 山田 & 佐藤');
  });

  it('logs in when a user is set', async () => {
    const { smtp, channel } = await setUp({ users: { notify: password } });

    await sendEmail(
      { ...channel, settings: { ...channel.settings, user: 'notify', password } },
      sampleMessage,
    );

    expect(smtp.mails.map((m) => m.user)).toEqual(['notify']);
  });

  it('reports a refused login as permanent, without the password', async () => {
    const { smtp, channel } = await setUp({ users: { notify: password } });
    const wrongPassword = 'wrong-PASSWORD-9876543';

    const error = await rejectionOf(
      sendEmail(
        { ...channel, settings: { ...channel.settings, user: 'notify', password: wrongPassword } },
        sampleMessage,
      ),
    );

    expect(error).toBeInstanceOf(PermanentError);
    expect(error.message).toBe('Email: SMTP 535 Authentication failed');
    expect(error.message).not.toContain(wrongPassword);
    expect(smtp.mails).toEqual([]);
  });

  it('gives up on an unknown mailbox (5xx) but retries a greylisted one (4xx)', async () => {
    const { channel } = await setUp({
      refuseRecipient: (address) => (address.startsWith('staff@') ? 550 : 450),
    });

    const unknown = await rejectionOf(
      sendEmail(
        { ...channel, settings: { ...channel.settings, to: ['staff@sakura-dental.example.jp'] } },
        sampleMessage,
      ),
    );
    const greylisted = await rejectionOf(
      sendEmail(
        { ...channel, settings: { ...channel.settings, to: ['inchou@sakura-dental.example.jp'] } },
        sampleMessage,
      ),
    );

    expect(unknown).toBeInstanceOf(PermanentError);
    expect(unknown.message).toMatch(/^Email: SMTP 550/);
    expect(greylisted).not.toBeInstanceOf(PermanentError);
    expect(greylisted.message).toMatch(/^Email: SMTP 450/);
  });
});
