/**
 * Structured logs, one JSON object per line; tests pass a capturing logger. The line written
 * never holds a secret: fields named like one (password, token, secret, authorization, cookie,
 * private key, API key) are replaced whatever they hold, and values that look like one (a
 * bearer token, a JWT, a URL's password or signature) are masked wherever they appear.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const redacted = '[redacted]';

const secretWords = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'authorization',
  'cookie',
  'privatekey',
  'apikey',
  'credential',
];
/** Names that only describe a secret (its id, whether it is set, when it expires): kept. */
const describesSecret = /(id|ids|set|count|at|expiry|scopes)$/;

export function isSecretName(name: string): boolean {
  const key = name.toLowerCase().replace(/[^a-z]/g, '');
  return secretWords.some((word) => key.includes(word)) && !describesSecret.test(key);
}

const valueMasks: Array<[RegExp, string]> = [
  [/\bBearer\s+[^\s"',;]+/gi, `Bearer ${redacted}`],
  // A JWT: base64url header starting {" , payload, signature.
  [/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, redacted],
  // The password of a URL (smtp://user:pass@host).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${redacted}@`],
  // Signatures and tokens in a query string (recording links carry ?sig=).
  [/([?&](?:sig|signature|token|access_token|password|secret|key)=)[^&\s"']+/gi, `$1${redacted}`],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of valueMasks) out = out.replace(pattern, replacement);
  return out;
}

/** A copy of `value` fit for a log line: secrets replaced, errors as "Name: message". */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value) || depth > 8) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      isSecretName(key) && item !== undefined && item !== null ? redacted : redact(item, depth + 1, seen);
  }
  return out;
}

export function jsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const log =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      write(
        JSON.stringify({
          level,
          time: new Date().toISOString(),
          message: redactText(message),
          ...(redact(fields) as Record<string, unknown>),
        }),
      );
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

export interface CapturedLog {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

/** A logger that keeps entries in memory (tests, and silent runs). */
export function memoryLogger(): Logger & { entries: CapturedLog[] } {
  const entries: CapturedLog[] = [];
  const log =
    (level: CapturedLog['level']) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      entries.push({ level, message, fields });
    };
  return { entries, info: log('info'), warn: log('warn'), error: log('error') };
}
