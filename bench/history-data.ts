/**
 * A year of calls for `npm run bench:history`: 1,000,000 ended, summarised calls written straight
 * into a migrated SQLite file with prepared statements (one transaction per 50,000), as the
 * history worker would have left them — the calls rows with a realistic state JSON (variables,
 * path), the summary columns, and a search row for every call with something to find (~10%
 * Japanese voicemail transcripts, digits entered, contact names). Deterministic (a seeded
 * generator), so every run measures the same database; call events are not generated (no
 * budgeted query reads them).
 */
import { createRequire } from 'node:module';
import { heatmapSlot } from '../runtime/history/call-summary.ts';
import { searchKey } from '../runtime/store/history-search-sqlite.ts';
import { ngramText } from '../runtime/store/search-ngrams.ts';

export const benchStart = Date.parse('2025-12-01T00:00:00+09:00');
export const benchEnd = Date.parse('2026-12-01T00:00:00+09:00');

/** Numbers with the flow each answers with. */
const lines = [
  ['+815011110001', 'restaurant'],
  ['+815011110002', 'restaurant'],
  ['+81312340001', 'clinic-after-hours'],
  ['+81312340002', 'clinic-after-hours'],
  ['+815011110003', 'support-desk'],
  ['+81120123456', 'freedial-0120'],
  ['+815011110004', 'forwarding-050'],
  ['+81612340001', 'support-desk'],
] as const;

/** outcome, reason, weight (per 100 calls). */
const mix: Array<[string, string | null, number]> = [
  ['completed', null, 35],
  ['transferred', null, 30],
  ['voicemail', null, 10],
  ['missed', 'notInOperation', 10],
  ['missed', 'userLeft', 8],
  ['missed', 'noAnswer', 4],
  ['missed', 'linesBusy', 3],
];

const surnames = ['田中', '山田', '佐藤', '鈴木', '高橋', '小林', '中村', '伊藤', '渡辺', '加藤'];
const given = ['太郎', '花子', '一郎', '美咲', '健', 'さくら', '大輔', '陽子'];
const companies = ['', '', 'さくら商事', 'みやび建設', '東京物産', 'ひかり不動産'];
const requests = [
  '明日の予約を変更したいです',
  '来週の診察の予約をお願いします',
  '注文した商品がまだ届いていません',
  '見積もりを送ってください',
  '請求書の金額について確認したいです',
  '予約をキャンセルしたいです',
  '修理の日程を相談したいです',
  '折り返しお電話をお願いします',
  '配送先の住所を変更したいです',
  '営業時間を教えてください',
];

/** The outcome whose share of the 100 holds `roll`. */
function outcomeFor(roll: number): [string, string | null] {
  let below = 0;
  for (const [outcome, reason, weight] of mix) {
    below += weight;
    if (roll < below) return [outcome, reason];
  }
  return ['completed', null];
}

/** A small seeded generator (mulberry32): the same database on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BetterSqlite {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  transaction<T extends (...args: never[]) => void>(fn: T): T;
  pragma(source: string): unknown;
  close(): void;
}

/** Fills the (migrated, empty) database file with `count` calls. */
export function generateCalls(file: string, count: number): void {
  const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => BetterSqlite;
  const db = new Database(file);
  db.pragma('synchronous = OFF');
  const insertCall =
    db.prepare(`insert into calls (id, conversation_uuid, number, "from", "to", flow_id, flow_version,
    status, result, missed_reason, state, seq, started_at, ended_at, last_event_at, outcome, outcome_reason,
    duration_seconds, answer_seconds, digits, menu_choices, transcript, contact_name, local_slot, summarized_at)
    values (?, ?, ?, ?, ?, ?, 1, 'ended', ?, ?, ?, 4, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertKey = db.prepare('insert into call_search_keys (id, call_id) values (?, ?)');
  const insertSearch = db.prepare('insert into call_search (rowid, body) values (?, ?)');
  const next = random(20261124);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const keys = new Set<number>();
  const span = benchEnd - benchStart;

  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const startedMs = benchStart + Math.floor((i / count) * span) + Math.floor(next() * 20_000);
      const startedAt = new Date(startedMs).toISOString();
      const [outcome, reason] = outcomeFor(next() * 100);
      const [number, flowId] = pick(lines);
      const id = `bench-${i.toString(36).padStart(6, '0')}`;
      const from = `8190${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
      const duration = reason === 'linesBusy' ? 0 : 15 + Math.floor(next() * 280);
      const endedAt = new Date(startedMs + duration * 1000).toISOString();
      const contact = next() < 0.4 ? `${pick(companies)} ${pick(surnames)} ${pick(given)}`.trim() : null;
      const transcript =
        outcome === 'voicemail' ? `${pick(surnames)}です。${pick(requests)}。${pick(requests)}。` : null;
      const digits = next() < 0.2 ? [`090${String(Math.floor(next() * 1e8)).padStart(8, '0')}`] : [];
      const choice = outcome === 'transferred' ? '2' : '1';
      const vars = {
        'caller.number': `+${from}`,
        'caller.national': `0${from.slice(2, 4)}-${from.slice(4, 8)}-${from.slice(8)}`,
        'caller.name': contact ?? '',
        'call.id': id,
        'call.to': number,
        'call.startedAt': startedAt,
        'call.date': startedAt.slice(0, 10),
        'call.time': startedAt.slice(11, 16),
        'flow.name': flowId,
        'open-menu.choice': choice,
        ...(transcript ? { 'message.transcript': transcript, 'message.seconds': '12' } : {}),
        ...(digits[0] ? { 'callback.digits': digits[0] } : {}),
      };
      const state = JSON.stringify({
        v: 1,
        callId: id,
        flowId,
        flowVersion: 1,
        status: 'ended',
        seq: 4,
        waiting: null,
        vars,
        path: [
          'welcome',
          'hours',
          'open-menu',
          outcome === 'transferred' ? 'transfer-shop' : 'send-form',
          'goodbye',
        ],
        startedAt,
        endedAt,
        result: outcome === 'transferred' ? 'transferred' : 'completed',
      });
      insertCall.run(
        id,
        `CON-${id}`,
        number,
        from,
        number,
        flowId,
        reason === 'linesBusy' ? 'missed' : outcome === 'transferred' ? 'transferred' : 'completed',
        reason === 'linesBusy' ? 'linesBusy' : null,
        reason === 'linesBusy' ? null : state,
        startedAt,
        endedAt,
        endedAt,
        outcome,
        reason,
        duration,
        outcome === 'transferred' ? 5 + Math.floor(next() * 25) : null,
        JSON.stringify(digits),
        JSON.stringify([{ nodeId: 'open-menu', key: choice }]),
        transcript,
        contact,
        heatmapSlot(startedAt),
        endedAt,
      );
      const searchText = [transcript, ...digits, contact].filter(Boolean).join('\n');
      if (searchText === '') continue;
      let key = searchKey(startedAt, id);
      while (keys.has(key)) key += 1;
      keys.add(key);
      insertKey.run(key, id);
      insertSearch.run(key, ngramText(searchText));
    }
  });
  for (let i = 0; i < count; i += 50_000) batch(i, Math.min(count, i + 50_000));
  db.prepare("insert into call_search (call_search) values ('optimize')").run();
  db.prepare("insert into settings (key, value, updated_at) values ('bench.calls', ?, ?)").run(
    String(count),
    new Date().toISOString(),
  );
  db.close();
}
