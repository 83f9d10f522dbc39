/**
 * The account emails (password reset, invitation) over SMTP, through the same nodemailer
 * transport as the email notification channel (effects/channels/email.ts). Configured by
 * FLOWCALL_SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS from the start) and
 * FLOWCALL_MAIL_FROM. Without an SMTP URL there is no mailer and the callers say so.
 */
import { escapeHtml, type SmtpSettings, smtpFailure, smtpTransport } from '../effects/channels/email.ts';

export interface AccountMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export type SendMail = (mail: AccountMail) => Promise<void>;

/** smtp(s)://[user[:password]@]host[:port] → transport settings; throws on anything else. */
export function smtpSettingsFromUrl(url: string): SmtpSettings {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('FLOWCALL_SMTP_URL must look like smtp://user:password@host:587');
  }
  const secure = parsed.protocol === 'smtps:';
  if (!secure && parsed.protocol !== 'smtp:')
    throw new Error('FLOWCALL_SMTP_URL must start with smtp:// or smtps://');
  if (parsed.hostname === '') throw new Error('FLOWCALL_SMTP_URL names no host');
  const user = decodeURIComponent(parsed.username);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(user ? { user, password: decodeURIComponent(parsed.password) } : {}),
  };
}

export function smtpMailer(smtpUrl: string, from: string): SendMail {
  const settings = smtpSettingsFromUrl(smtpUrl);
  const secrets = settings.password ? [settings.password] : [];
  return async (mail) => {
    const transport = smtpTransport(settings);
    try {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    } catch (error) {
      throw smtpFailure(error, secrets);
    } finally {
      transport.close();
    }
  };
}

/** The mailer the config describes; undefined when no SMTP server is configured. */
export function mailerFromConfig(config: { smtpUrl?: string; mailFrom?: string; publicBaseUrl: string }) {
  if (!config.smtpUrl) return undefined;
  const from = config.mailFrom ?? `flowcall <no-reply@${new URL(config.publicBaseUrl).hostname}>`;
  return smtpMailer(config.smtpUrl, from);
}

/** A short Japanese-first mail with one link, as text and as HTML. */
export function linkMail(
  to: string,
  subject: string,
  lines: string[],
  link: string,
  linkLabel: string,
): AccountMail {
  const text = [...lines, '', link, ''].join('\n');
  const paragraphs = lines.map((line) => (line === '' ? '' : `<p>${escapeHtml(line)}</p>`)).join('\n');
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body>${paragraphs}\n<p><a href="${escapeHtml(link)}">${escapeHtml(linkLabel)}</a></p><p style="color:#666">${escapeHtml(link)}</p></body></html>`;
  return { to, subject, text, html };
}
