/**
 * The running product: the only module that reads the environment and listens. Opens (and
 * migrates) the database, loads the examples into an empty one, serves the runtime and the API,
 * and runs the outbox worker and the sweeper for calls whose last event never came.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { FlowDocument } from '../schema/generated/flow.ts';
import { ensureOwner, type FirstStart } from './auth/first-start.ts';
import { promptOwner } from './auth/owner-prompt.ts';
import { createContactLookup } from './contacts/lookup.ts';
import { channelSend, validateChannelSettings } from './effects/channels/index.ts';
import { notifySender } from './effects/notify-sender.ts';
import { createOutboxWorker, type OutboxSenders } from './effects/outbox-worker.ts';
import { recordingDownloadSender } from './effects/recording-download.ts';
import { createSecretBox, loadSecretKey } from './effects/secret-box.ts';
import { createVonageClient, smsSender, vonageSmsClient } from './effects/sms-sender.ts';
import { historySender } from './history/history-sender.ts';
import { startDailyPurge } from './history/retention.ts';
import { createApp } from './http/app.ts';
import { configFromEnv, type RuntimeConfig } from './http/config.ts';
import type { AppDeps } from './http/deps.ts';
import { homePage } from './http/home-page.ts';
import { jsonLogger, type Logger } from './http/logger.ts';
import { recordingLinks } from './http/recording-links.ts';
import { transcriptSender } from './http/runner/transcripts.ts';
import { openStore } from './store/create-store.ts';
import { parseDatabaseUrl } from './store/database.ts';
import { localRecordingStorage } from './store/recording-storage.ts';
import { seedExamples } from './store/seed.ts';
import { vonageRecordingFetcher } from './vonage/recording-file.ts';
import { vonageTranscriptFetcher } from './vonage/transcription-file.ts';

const rootDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(rootDir, 'examples');
const editorDir = join(rootDir, 'dist', 'editor');

/**
 * Example flows offered as templates. (Their channels.json files are seeded into the store as
 * placeholder channels on first start: flows are validated against the store's channels.)
 */
function exampleTemplates(): FlowDocument[] {
  const templates: FlowDocument[] = [];
  for (const entry of readdirSync(examplesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    templates.push(
      JSON.parse(readFileSync(join(examplesDir, entry.name, 'flow.json'), 'utf8')) as FlowDocument,
    );
  }
  return templates;
}

/** Copies of recordings live next to the SQLite file (./data/recordings by default). */
function recordingsDir(config: RuntimeConfig): string {
  if (config.recordingsDir) return config.recordingsDir;
  const target = parseDatabaseUrl(config.databaseUrl);
  if (target.flavour === 'sqlite' && target.location !== ':memory:')
    return join(dirname(resolvePath(target.location)), 'recordings');
  return join('data', 'recordings');
}

export interface RunningServer {
  url: string;
  config: RuntimeConfig;
  /** How to log in, for people: which email, or the one-time setup link (printed by `serve`). */
  loginHint: string;
  close(): Promise<void>;
}

/** What a test may replace in a real server process: a faster clock (retries in milliseconds). */
export interface ServerOverrides {
  clock?: () => Date;
  /**
   * Ask for the first owner on the terminal when there is no account and no FLOWCALL_OWNER_*
   * (default: when stdin is a TTY and the environment is this process's own).
   */
  interactive?: boolean;
}

/** The first owner from the environment, the terminal, or else a setup token; never logs a password. */
async function firstStart(
  store: Awaited<ReturnType<typeof openStore>>,
  config: RuntimeConfig,
  now: Date,
  interactive: boolean,
): Promise<FirstStart> {
  try {
    return await ensureOwner(store, now, {
      owner: config.owner,
      ...(interactive ? { prompt: () => promptOwner(process.stdin, process.stderr) } : {}),
    });
  } catch (error) {
    await store.close();
    throw new Error(`the first owner account could not be created: ${(error as Error).message}`);
  }
}

/** Logs (and returns, for `serve` to print) how to log in; the setup link is the one secret ever logged. */
function announceLogin(started: FirstStart, url: string, config: RuntimeConfig, logger: Logger): string {
  // On this machine the listening address works; elsewhere the public URL is the one to open.
  const base = /^(127\.|localhost$|\[?::1\]?$)/.test(config.host) ? url : config.publicBaseUrl;
  if (started.kind === 'setup') {
    const setupUrl = `${base}/#/setup?token=${started.token}`;
    logger.warn('no account yet: open the setup link to create the owner', { setupUrl });
    return `最初のオーナーを作成 / create the owner account: ${setupUrl}`;
  }
  if (started.kind === 'created') logger.info('owner account created', { email: started.email });
  logger.info('log in', { url: base, ...(started.email ? { email: started.email } : {}) });
  return started.email ? `ログイン / log in: ${base}  (${started.email})` : `ログイン / log in: ${base}`;
}

export async function startServer(
  env: NodeJS.ProcessEnv = process.env,
  logger: Logger = jsonLogger(),
  overrides: ServerOverrides = {},
): Promise<RunningServer> {
  const config = configFromEnv(env);
  const clock = overrides.clock ?? (() => new Date());
  const secretKey = loadSecretKey({
    value: config.secretKey,
    file: config.secretKeyFile,
    generate: config.generateSecretKey,
    logger,
  });
  const store = await openStore(config.databaseUrl, {
    clock,
    ...(secretKey ? { secretBox: createSecretBox(secretKey) } : {}),
  });
  const interactive = overrides.interactive ?? (env === process.env && process.stdin.isTTY === true);
  const started = await firstStart(store, config, clock(), interactive);
  if (config.seedExamples) {
    const seeded = await seedExamples(store, examplesDir);
    if (seeded.seeded)
      logger.info('loaded the example flows', {
        flows: seeded.flows,
        numbers: seeded.numbers,
        placeholderChannels: seeded.channels,
      });
  }
  const vonageCredentials =
    config.vonageApplicationId && config.vonagePrivateKey
      ? { applicationId: config.vonageApplicationId, privateKey: config.vonagePrivateKey }
      : undefined;
  const links = secretKey
    ? recordingLinks({
        secretKey,
        publicBaseUrl: config.publicBaseUrl,
        ttlSeconds: config.recordingLinkSeconds,
        clock,
      })
    : undefined;
  const recordings = localRecordingStorage(recordingsDir(config));
  const deps: AppDeps = {
    store,
    recordings,
    config,
    clock,
    logger,
    templates: exampleTemplates(),
    sendToChannel: channelSend,
    validateChannelSettings,
    ...(started.kind === 'setup' ? { setupToken: started.token } : {}),
    ...(links ? { recordingLinks: links } : {}),
    ...(vonageCredentials ? { fetchRecording: vonageRecordingFetcher(vonageCredentials) } : {}),
  };
  const { hono, runner } = createApp(deps);
  const builtEditor = config.editorDir ?? editorDir;
  if (existsSync(join(builtEditor, 'index.html'))) {
    // The built editor (Vite, hashed assets: cache them for long; index.html always fresh).
    const root = relative(process.cwd(), builtEditor) || '.';
    hono.use('/assets/*', async (c, next) => {
      await next();
      c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    hono.use('/*', serveStatic({ root }));
  } else {
    hono.get('/', async (c) => c.html(await homePage(deps)));
  }

  const senders: OutboxSenders = {};
  const vonage = createVonageClient(config);
  if (vonage) senders.sms = smsSender(vonageSmsClient(vonage));
  if (vonageCredentials) {
    senders.transcript = transcriptSender(runner, vonageTranscriptFetcher(vonageCredentials));
    senders.recording = recordingDownloadSender({
      store,
      storage: recordings,
      fetchRecording: vonageRecordingFetcher(vonageCredentials),
    });
  } else {
    logger.warn(
      'Vonage credentials are not set: SMS, transcripts and recordings wait in the outbox until they are',
    );
  }
  // Notify steps and after-call summaries: one sender, the message built when it is sent.
  senders.notify = senders.summary = notifySender({
    store,
    send: channelSend,
    validate: validateChannelSettings,
    clock,
    lookupContact: (e164, workspaceId) => createContactLookup(store.scoped(workspaceId).contacts)(e164),
    ...(links ? { recordingLink: (callId: string, nodeId: string) => links.link(callId, nodeId) } : {}),
  });
  // The call log's summaries: computed by the worker when a call ends or its transcript arrives.
  senders.history = historySender({ store, clock });
  const worker = createOutboxWorker({ store, senders, clock, logger });
  worker.start();

  const sweeper = setInterval(() => {
    const before = new Date(clock().getTime() - config.staleCallSeconds * 1000).toISOString();
    store.calls
      .sweep(before)
      .then((count) => {
        if (count > 0) logger.warn('ended calls whose final event never came', { count });
      })
      .catch((error: unknown) => logger.error('sweeper failed', { error: String(error) }));
    // Expired login sessions are refused already; this keeps the table from growing forever.
    store.accounts.sessions
      .deleteExpired(clock().toISOString())
      .catch((error: unknown) => logger.error('session purge failed', { error: String(error) }));
  }, 60_000);
  sweeper.unref();
  // Calls (and their recordings) older than the retention period, once a day.
  const stopPurge = startDailyPurge({ store, recordings, clock, logger });

  const server = serve({ fetch: hono.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  logger.info('flowcall is listening', {
    url,
    publicBaseUrl: config.publicBaseUrl,
    database: config.databaseUrl,
  });
  const loginHint = announceLogin(started, url, config, logger);

  let closing: Promise<void> | undefined;
  return {
    url,
    config,
    loginHint,
    close() {
      closing ??= (async () => {
        clearInterval(sweeper);
        stopPurge();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await worker.stop();
        await store.close();
      })();
      return closing;
    },
  };
}
