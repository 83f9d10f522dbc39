/**
 * Signed Vonage webhooks (reference §5.1): `Authorization: Bearer <JWT>`, HS256 with the account
 * signature secret. @vonage/jwt's verifySignature checks only the signature (a token from 1970
 * verifies), so this also checks the issuer, the age of `iat` in both directions (replays, and
 * clocks far apart) and `payload_hash`, the SHA-256 of the payload, which ties the token to this
 * request's body or query.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { verifySignature } from '@vonage/jwt';

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

export interface SignedWebhook {
  /** The Authorization header as received (undefined when absent). */
  authorization: string | undefined;
  /** POST: the raw body text. GET: payloadTextForGet(url). */
  payload: string;
  /** The account's signature secret (Dashboard → Settings), not the application private key. */
  secret: string;
  now: Date;
  /** Largest accepted distance between `iat` and now, either way (default 300 s). */
  maxAgeSeconds?: number;
}

/**
 * The text Vonage hashes for a GET webhook: the query parameters as a JSON object in the order
 * received, not the raw query string (reference §5.1).
 */
export function payloadTextForGet(url: string): string {
  return JSON.stringify(Object.fromEntries(new URL(url, 'http://localhost').searchParams));
}

/** A JWT segment as JSON, or undefined. Only read after the signature has been verified. */
function segment(part: string | undefined): Record<string, unknown> | undefined {
  if (!part) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function sameHex(expected: string, actual: string): boolean {
  const a = Buffer.from(expected.toLowerCase());
  const b = Buffer.from(actual.toLowerCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Does `payload_hash` match the payload? POST bodies are also tried in compact JSON form. */
function hashMatches(claimed: string, payload: string): boolean {
  if (sameHex(claimed, sha256Hex(payload))) return true;
  try {
    const compact = JSON.stringify(JSON.parse(payload));
    return compact !== payload && sameHex(claimed, sha256Hex(compact));
  } catch {
    return false;
  }
}

export function verifySignedWebhook(request: SignedWebhook): SignatureVerdict {
  const { authorization, payload, secret, now, maxAgeSeconds = 300 } = request;
  if (!secret) return { ok: false, reason: 'no signature secret configured' };
  if (!authorization) return { ok: false, reason: 'missing Authorization header' };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const token = match?.[1];
  if (!token) return { ok: false, reason: 'Authorization is not a Bearer token' };
  const [headerPart, claimsPart] = token.split('.');
  // Vonage signs with HS256 only; refusing other algorithms closes RS256/HS256 confusion.
  if (segment(headerPart)?.alg !== 'HS256') return { ok: false, reason: 'token is not HS256' };
  let signed = false;
  try {
    signed = verifySignature(token, secret);
  } catch {
    signed = false;
  }
  if (!signed) return { ok: false, reason: 'bad signature' };
  const claims = segment(claimsPart);
  if (!claims) return { ok: false, reason: 'unreadable claims' };
  if (claims.iss !== 'Vonage') return { ok: false, reason: 'issuer is not Vonage' };
  if (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat)) return { ok: false, reason: 'no iat' };
  const age = now.getTime() / 1000 - claims.iat;
  if (age > maxAgeSeconds) return { ok: false, reason: `stale token (issued ${Math.round(age)} s ago)` };
  if (age < -maxAgeSeconds) return { ok: false, reason: `token issued ${Math.round(-age)} s in the future` };
  if (typeof claims.payload_hash !== 'string') return { ok: false, reason: 'no payload_hash' };
  if (!hashMatches(claims.payload_hash, payload)) return { ok: false, reason: 'payload_hash does not match' };
  return { ok: true };
}
