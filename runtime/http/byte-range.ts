/**
 * HTTP Range requests for recordings (RFC 9110 §14): browsers' audio players ask for
 * `bytes=0-` and then seek with `bytes=N-` or a suffix `bytes=-N`. One range is served; a list
 * of ranges (rare, multipart answers) gets the whole file, which the RFC allows.
 */
import type { ByteRange } from '../store/recording-storage.ts';

/**
 * undefined: serve the whole file (no or unusable header); 'unsatisfiable': answer 416;
 * else the inclusive range, clamped to the file.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | undefined {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/);
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    // The last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return end < start ? undefined : { start, end };
}
