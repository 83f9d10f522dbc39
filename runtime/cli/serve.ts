/** `flowcall serve`: the runtime, API and home page on one port until Ctrl+C. */
import { startServer } from '../main.ts';
import type { Command, Io } from './io.ts';

export const serveCommand: Command = {
  summary: 'run the phone runtime and API (default http://127.0.0.1:8787)',
  usage: [
    'Usage: flowcall serve',
    '',
    'Configuration comes from the environment (see README): FLOWCALL_PORT, FLOWCALL_HOST,',
    'FLOWCALL_PUBLIC_URL, DATABASE_URL, FLOWCALL_API_TOKEN, VONAGE_APPLICATION_ID,',
    'VONAGE_PRIVATE_KEY, VONAGE_SIGNATURE_SECRET, VONAGE_SIGNATURE_REQUIRED, FLOWCALL_SMS_SENDER,',
    'FLOWCALL_FALLBACK_NUMBER, FLOWCALL_SEED_EXAMPLES, FLOWCALL_OWNER_EMAIL, FLOWCALL_OWNER_PASSWORD,',
    'FLOWCALL_SMTP_URL, FLOWCALL_MAIL_FROM. With no account yet it asks for the first owner on a',
    'terminal, or prints a one-time setup link.',
  ].join('\n'),
  async run(args: string[], io: Io): Promise<number> {
    if (args.length > 0) {
      io.err(`serve takes no arguments (got ${args.join(' ')}); configure it with environment variables`);
      return 2;
    }
    const server = await startServer();
    io.err(`flowcall: open ${server.url}  (Ctrl+C to stop)`);
    io.err(`flowcall: ${server.loginHint}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};
