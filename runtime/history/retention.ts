/**
 * Retention: calls older than their workspace's period (6 months by default) are deleted every
 * day, with their log, turns, outbox items, search rows and stored recordings; "delete all"
 * uses the same loop. Deletion goes in batches of short transactions with a pause between them,
 * so webhooks waiting for the write lock are answered while a large history is purged.
 */
import type { RecordingStorage } from '../store/recording-storage.ts';
import type { Store } from '../store/types.ts';

export interface PurgeOptions {
  store: Store;
  /** Stored recordings to delete with their calls (none when recordings are not kept). */
  recordings?: RecordingStorage | undefined;
  /** Calls per transaction (default 200: each commit stays short next to live webhooks). */
  batchSize?: number;
}

/** The instant `months` calendar months before `now` (UTC; the 31st falls back to the month's end). */
export function retentionCutoff(now: Date, months: number): string {
  const cutoff = new Date(now.getTime());
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff.toISOString();
}

/** Lets queued webhooks take the write lock between two batches. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Deletes ended calls (started before `before`, when given) batch by batch; returns how many. */
export async function deleteHistory(options: PurgeOptions, before?: string): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  let deleted = 0;
  for (;;) {
    const ids = await options.store.history.deleteEnded({
      batchSize,
      ...(before !== undefined ? { before } : {}),
    });
    for (const id of ids) await options.recordings?.deleteCall(id);
    deleted += ids.length;
    if (ids.length < batchSize) return deleted;
    await yieldToOthers();
  }
}

/**
 * One retention run: each workspace's ended calls older than its own period, then the SMS
 * receipts (they belong to no workspace) older than the longest period any workspace keeps.
 * `store` is the installation's.
 */
export async function purgeExpiredHistory(options: PurgeOptions & { clock: () => Date }): Promise<number> {
  let deleted = 0;
  let longest = 0;
  for (const workspace of await options.store.accounts.workspaces.list()) {
    const store = options.store.scoped(workspace.id);
    const months = await store.history.retentionMonths();
    longest = Math.max(longest, months);
    deleted += await deleteHistory({ ...options, store }, retentionCutoff(options.clock(), months));
  }
  if (longest === 0) return deleted;
  const cutoff = retentionCutoff(options.clock(), longest);
  const batchSize = options.batchSize ?? 200;
  while ((await options.store.history.deleteReceipts({ before: cutoff, batchSize })) === batchSize) {
    await yieldToOthers();
  }
  return deleted;
}

export interface PurgeLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * The daily purge (main.ts): a first run a minute after start — so a server restarted every
 * night still purges — then every 24 hours. Returns the stop function.
 */
export function startDailyPurge(
  options: PurgeOptions & { clock: () => Date; logger: PurgeLogger; firstRunMs?: number },
): () => void {
  const run = () => {
    purgeExpiredHistory(options)
      .then((count) => {
        if (count > 0) options.logger.info('deleted calls past the retention period', { count });
      })
      .catch((error: unknown) => options.logger.error('history purge failed', { error: String(error) }));
  };
  const first = setTimeout(run, options.firstRunMs ?? 60_000);
  const daily = setInterval(run, 24 * 60 * 60_000);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
