/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 for the email channel's tests:
 * it keeps every message exactly as received (envelope and raw RFC 5322 bytes), can require a
 * login, and can refuse recipients with a chosen SMTP code. No STARTTLS: tests have no
 * certificate, and the login still travels (allowInsecureAuth) as it would inside TLS.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The login used, when there was one. */
  user?: string;
  raw: Buffer;
}

export interface FakeSmtpOptions {
  /** user → password; without it the server takes mail without a login. */
  users?: Record<string, string>;
  /** The words of a refused login's reply; a careless server might quote the password. */
  authFailure?: (username: string, password: string) => string;
  /** SMTP code to refuse a recipient with (e.g. 550 unknown mailbox, 450 try later). */
  refuseRecipient?: (address: string) => number | undefined;
}

export interface FakeSmtpServer {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export async function startFakeSmtp(options: FakeSmtpOptions = {}): Promise<FakeSmtpServer> {
  const mails: ReceivedMail[] = [];
  const { users } = options;
  const server = new SMTPServer({
    secure: false,
    hideSTARTTLS: true,
    allowInsecureAuth: true,
    authOptional: !users,
    disabledCommands: users ? [] : ['AUTH'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (users && auth.username && users[auth.username] === auth.password) {
        callback(null, { user: auth.username });
        return;
      }
      const words =
        options.authFailure?.(auth.username ?? '', auth.password ?? '') ?? 'Authentication failed';
      callback(Object.assign(new Error(words), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const code = options.refuseRecipient?.(address.address);
      if (code) {
        callback(Object.assign(new Error(`Mailbox ${address.address} refused`), { responseCode: code }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        mails.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
