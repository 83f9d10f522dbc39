/**
 * The search index (history-search-sqlite.ts) holds every workspace's calls, keyed by time. A
 * workspace searches only the key range its own calls span — found with two lookups on its
 * (workspace_id, started_at) index — so a young or quiet workspace does not walk years of other
 * companies' matches before it knows it has none.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { timeKey } from './history-search-sqlite.ts';

export interface KeyBounds {
  min?: number;
  below?: number;
}

/** The key range of the workspace's calls; null when it has none. */
export async function workspaceSpan(
  db: Kysely<Database>,
  workspaceId: string,
): Promise<{ min: number; below: number } | null> {
  const edge = (direction: 'asc' | 'desc') =>
    db
      .selectFrom('calls')
      .select('started_at')
      .where('workspace_id', '=', workspaceId)
      .orderBy('started_at', direction)
      .limit(1)
      .executeTakeFirst();
  const first = await edge('asc');
  const last = await edge('desc');
  if (!first || !last) return null;
  // A key is its call's start plus a slot (< 1,000, a few more after collisions): one second of
  // key space above the newest start is a safe upper bound.
  return { min: timeKey(first.started_at), below: timeKey(last.started_at) + 1_000_000 };
}

/** The tighter of a query's key bounds and the workspace's span. */
export function narrowed(bounds: KeyBounds, span: { min: number; below: number } | undefined): KeyBounds {
  if (!span) return bounds;
  return {
    min: Math.max(bounds.min ?? span.min, span.min),
    below: Math.min(bounds.below ?? span.below, span.below),
  };
}
