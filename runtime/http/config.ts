/**
 * Runtime configuration. `configFromEnv` is the only place that knows the environment variable
 * names (main.ts passes process.env); everything else receives a RuntimeConfig.
 */
export interface RuntimeConfig {
  /** Public base URL Vonage reaches us at, e.g. https://ivr.example.jp (eventUrls are built from it). */
  publicBaseUrl: string;
  host: string;
  port: number;
  /** sqlite:./data/flowcall.db (default), a file path, or :memory:. */
  databaseUrl: string;
  /**
   * Legacy full-access bearer token for /api, acting as an owner of the default workspace with
   * every scope (scripts written before accounts); per-workspace API tokens replace it.
   */
  apiToken?: string;
  /** Vonage signature secret for signed webhooks; undefined = signatures are not checked. */
  signatureSecret?: string;
  /** Refuse unsigned webhooks too (not only badly signed ones). */
  signatureRequired: boolean;
  vonageApplicationId?: string;
  /** PEM text of the Vonage application's private key. */
  vonagePrivateKey?: string;
  /** Default alphanumeric SMS sender when a number has none. */
  smsSenderId: string;
  /** Where callers go when everything else fails and the number has no fallback of its own. */
  fallbackNumber?: string;
  /** Load the example flows, schedules and demo number into an empty database. */
  seedExamples: boolean;
  /** A live call with no webhook for this long is ended by the sweeper (seconds). */
  staleCallSeconds: number;
  /** Folder of the built editor; default dist/editor (a development override). */
  editorDir?: string;
  /** The workspace key sealing channel secrets (32 bytes, base64 or hex); see secretKeyFile. */
  secretKey?: string;
  /** Where the key is kept when secretKey is not given (default ./data/secret.key). */
  secretKeyFile: string;
  /** Generate the key file on first start when there is no key (false on CI: nothing is written). */
  generateSecretKey: boolean;
  /** How long a recording link in a notification stays valid (seconds). */
  recordingLinkSeconds: number;
  /** Where copies of recordings are kept; default: `recordings/` next to the SQLite file. */
  recordingsDir?: string;
  /** SMTP server for the account emails (password reset, invitations): smtp(s)://user:pass@host:port. */
  smtpUrl?: string;
  /** Sender of the account emails; default flowcall <no-reply@host of the public URL>. */
  mailFrom?: string;
  /** Behind a reverse proxy: the client address (login limits) is the last X-Forwarded-For hop. */
  trustProxy: boolean;
  /** The first owner, created on a start with no account (FLOWCALL_OWNER_*; never logged). */
  owner: { email?: string; password?: string; name?: string; workspaceName?: string };
}

export const defaultConfig: RuntimeConfig = {
  publicBaseUrl: 'http://127.0.0.1:8787',
  host: '127.0.0.1',
  port: 8787,
  databaseUrl: 'sqlite:./data/flowcall.db',
  signatureRequired: false,
  smsSenderId: 'FLOWCALL',
  seedExamples: true,
  staleCallSeconds: 3 * 60 * 60,
  secretKeyFile: './data/secret.key',
  generateSecretKey: true,
  recordingLinkSeconds: 7 * 24 * 60 * 60,
  trustProxy: false,
  owner: {},
};

type Env = Readonly<Record<string, string | undefined>>;

const nonEmpty = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
const flag = (value: string | undefined, fallback: boolean) =>
  value === undefined || value === '' ? fallback : /^(1|true|yes|on)$/i.test(value);

function recordingLinkDays(value: string | undefined): number {
  const days = Number(nonEmpty(value) ?? 7);
  if (!Number.isFinite(days) || days < 1 || days > 365)
    throw new Error(`FLOWCALL_RECORDING_LINK_DAYS must be a number of days from 1 to 365, got "${value}"`);
  return days;
}

/** Reads FLOWCALL_* (and the conventional PORT / DATABASE_URL / CI) variables. */
export function configFromEnv(env: Env): RuntimeConfig {
  const port = Number(nonEmpty(env.FLOWCALL_PORT) ?? nonEmpty(env.PORT) ?? defaultConfig.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`FLOWCALL_PORT must be a port number, got "${env.FLOWCALL_PORT ?? env.PORT}"`);
  const host = nonEmpty(env.FLOWCALL_HOST) ?? defaultConfig.host;
  const privateKey = nonEmpty(env.VONAGE_PRIVATE_KEY)?.replace(/\\n/g, '\n');
  const config: RuntimeConfig = {
    publicBaseUrl: (nonEmpty(env.FLOWCALL_PUBLIC_URL) ?? `http://${host}:${port}`).replace(/\/+$/, ''),
    host,
    port,
    databaseUrl: nonEmpty(env.DATABASE_URL) ?? defaultConfig.databaseUrl,
    signatureRequired: flag(env.VONAGE_SIGNATURE_REQUIRED, false),
    smsSenderId: nonEmpty(env.FLOWCALL_SMS_SENDER) ?? defaultConfig.smsSenderId,
    seedExamples: flag(env.FLOWCALL_SEED_EXAMPLES, true),
    staleCallSeconds: Number(nonEmpty(env.FLOWCALL_STALE_CALL_SECONDS) ?? defaultConfig.staleCallSeconds),
    secretKeyFile: nonEmpty(env.FLOWCALL_SECRET_KEY_FILE) ?? defaultConfig.secretKeyFile,
    generateSecretKey: !flag(env.CI, false),
    recordingLinkSeconds: recordingLinkDays(env.FLOWCALL_RECORDING_LINK_DAYS) * 24 * 60 * 60,
    trustProxy: flag(env.FLOWCALL_TRUST_PROXY, false),
    owner: Object.fromEntries(
      Object.entries({
        email: nonEmpty(env.FLOWCALL_OWNER_EMAIL),
        // As typed: a password may start or end with a space.
        password: env.FLOWCALL_OWNER_PASSWORD || undefined,
        name: nonEmpty(env.FLOWCALL_OWNER_NAME),
        workspaceName: nonEmpty(env.FLOWCALL_WORKSPACE_NAME),
      }).filter(([, value]) => value !== undefined),
    ),
  };
  const optional: Array<[keyof RuntimeConfig, string | undefined]> = [
    ['apiToken', nonEmpty(env.FLOWCALL_API_TOKEN)],
    ['signatureSecret', nonEmpty(env.VONAGE_SIGNATURE_SECRET)],
    ['vonageApplicationId', nonEmpty(env.VONAGE_APPLICATION_ID)],
    ['vonagePrivateKey', privateKey],
    ['fallbackNumber', nonEmpty(env.FLOWCALL_FALLBACK_NUMBER)],
    ['editorDir', nonEmpty(env.FLOWCALL_EDITOR_DIR)],
    ['secretKey', nonEmpty(env.FLOWCALL_SECRET_KEY)],
    ['recordingsDir', nonEmpty(env.FLOWCALL_RECORDINGS_DIR)],
    ['smtpUrl', nonEmpty(env.FLOWCALL_SMTP_URL)],
    ['mailFrom', nonEmpty(env.FLOWCALL_MAIL_FROM)],
  ];
  for (const [key, value] of optional) if (value !== undefined) Object.assign(config, { [key]: value });
  if (config.signatureRequired && !config.signatureSecret) {
    throw new Error('VONAGE_SIGNATURE_REQUIRED is set but VONAGE_SIGNATURE_SECRET is empty');
  }
  return config;
}
