/** Structured logs, one JSON object per line; tests pass a capturing logger. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function jsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const log =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      write(JSON.stringify({ level, time: new Date().toISOString(), message, ...fields }));
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
