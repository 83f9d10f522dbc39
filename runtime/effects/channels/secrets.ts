/**
 * Error messages end up in logs and in the outbox's last_error, which the UI shows: they must
 * never carry a channel's secrets. Senders build messages without them, and everything that
 * comes from outside (a provider's answer, a library's error) passes through `redact` first.
 */
import { type Channel, secretFields } from './types.ts';

/** Shorter pieces would match ordinary words. */
const minPieceLength = 6;

/**
 * The secret values of a channel, plus the pieces of them a provider might echo on its own:
 * each line of a multi-line secret (a PEM key) and each path segment and query value of a
 * secret URL (a webhook's token lives there).
 */
export function secretValuesOf(channel: Channel): string[] {
  const fields = secretFields[channel.type] as readonly string[];
  const settings = channel.settings as unknown as Record<string, unknown>;
  const values = new Set<string>();
  for (const field of fields) {
    const value = settings[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    values.add(value);
    // As it travels in a form body or JSON, should a provider quote the request back.
    values.add(encodeURIComponent(value));
    values.add(new URLSearchParams({ v: value }).toString().slice(2));
    values.add(JSON.stringify(value).slice(1, -1));
    for (const line of value.split(/\r?\n/)) values.add(line.trim());
    for (const piece of urlPieces(value)) values.add(piece);
  }
  return [...values].filter((value) => value.length >= minPieceLength);
}

function urlPieces(value: string): string[] {
  if (!/^https?:\/\//i.test(value)) return [];
  try {
    const url = new URL(value);
    const pieces = [url.pathname + url.search, url.search.slice(1), ...url.pathname.split('/')];
    for (const param of url.searchParams.values()) pieces.push(param, encodeURIComponent(param));
    return pieces;
  } catch {
    return [];
  }
}

/** Replaces every secret (longest first, so a piece never leaves the rest of its whole) with ***. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= minPieceLength) out = out.split(secret).join('***');
  }
  return out;
}
