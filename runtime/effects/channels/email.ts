/**
 * Email over SMTP with nodemailer: the title as the subject, a plain-text part and a simple HTML
 * part, all UTF-8 (nodemailer encodes a Japanese subject as RFC 2047 words and picks a transfer
 * encoding for the body, so old Japanese mail clients read it too). One connection per message:
 * notifications are few, and a pooled connection would outlive a changed password.
 *
 * SMTP answers map like HTTP ones: 5xx (auth refused, mailbox unknown) is permanent; 4xx
 * (greylisting, mailbox busy), timeouts and connection failures are retried.
 */
import nodemailer from 'nodemailer';
import { PermanentError } from '../errors.ts';
import { plainTextOf, wording } from './plain-text.ts';
import { redact, secretValuesOf } from './secrets.ts';
import { defaultTimeoutMs, type Sender } from './sender.ts';
import type { ChannelSettingsByType, NotificationMessage } from './types.ts';

const provider = 'Email';

export const escapeHtml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const htmlLines = (text: string) => escapeHtml(text).replace(/\r?\n/g, '<br>');

export function emailHtml(message: NotificationMessage): string {
  const parts = [`<h2 style="font-size:18px;margin:0 0 12px">${escapeHtml(message.title)}</h2>`];
  if (message.text.trim() !== '') parts.push(`<p style="margin:0 0 12px">${htmlLines(message.text)}</p>`);
  if (message.fields.length > 0) {
    const rows = message.fields.map(
      ({ label, value }) =>
        `<tr><th style="text-align:left;padding:4px 12px 4px 0;white-space:nowrap;vertical-align:top">${escapeHtml(label)}</th>` +
        `<td style="padding:4px 0">${htmlLines(value)}</td></tr>`,
    );
    parts.push(`<table style="border-collapse:collapse;margin:0 0 12px">${rows.join('')}</table>`);
  }
  if (message.recordingUrl) {
    parts.push(
      `<p style="margin:0 0 12px"><a href="${escapeHtml(message.recordingUrl)}">${wording.listen}</a></p>`,
    );
  }
  if (message.test) parts.push(`<p style="color:#666;margin:0">${wording.testNotice}</p>`);
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body>${parts.join('\n')}</body></html>`;
}

export type SmtpSettings = Pick<
  ChannelSettingsByType['email'],
  'host' | 'port' | 'secure' | 'user' | 'password'
>;

/** A one-message SMTP transport; also sends the account emails (runtime/auth/mailer.ts). */
export function smtpTransport(settings: SmtpSettings, timeoutMs = defaultTimeoutMs) {
  const user = settings.user?.trim();
  return nodemailer.createTransport({
    host: settings.host.trim(),
    port: settings.port,
    secure: settings.secure,
    ...(user ? { auth: { user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
}

export const sendEmail: Sender<'email'> = async (channel, message, options) => {
  const { settings } = channel;
  const transport = smtpTransport(settings, options?.timeoutMs ?? defaultTimeoutMs);
  try {
    const info = await transport.sendMail({
      from: settings.from,
      to: settings.to,
      subject: message.title,
      text: plainTextOf(message),
      html: emailHtml(message),
    });
    return info.messageId ? { providerId: String(info.messageId) } : {};
  } catch (error) {
    throw smtpFailure(error, secretValuesOf(channel));
  } finally {
    transport.close();
  }
};

interface SmtpError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
}

/** nodemailer's error as an outbox error: permanent for a 5xx reply or refused login. */
export function smtpFailure(error: unknown, secrets: readonly string[]): Error {
  const e = (error ?? {}) as SmtpError;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  // The reply repeats its code ("535 Authentication failed"); keep the words.
  const words = typeof e.response === 'string' ? e.response.replace(/^\d{3}[ -]?/, '') : '';
  const reply = redact(words, secrets).replace(/\s+/g, ' ').slice(0, 160);
  if (responseCode !== undefined) {
    const text = `${provider}: SMTP ${responseCode}${reply ? ` ${reply}` : ''}`;
    return responseCode >= 500 ? new PermanentError(text) : new Error(text);
  }
  if (code === 'EAUTH') return new PermanentError(`${provider}: the SMTP server refused the login`);
  if (code === 'ETIMEDOUT') return new Error(`${provider}: the SMTP server did not answer in time`);
  if (code === 'EENVELOPE') return new PermanentError(`${provider}: no valid sender or recipient address`);
  return new Error(`${provider}: could not send (${code ?? 'unknown error'})`);
}
