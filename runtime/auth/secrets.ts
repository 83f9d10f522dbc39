/**
 * Random tokens (sessions, CSRF, invitations, password resets, API tokens, the setup link):
 * 32 random bytes as base64url, kept only as their SHA-256 in the database, and compared in
 * constant time where a token is compared rather than looked up by its hash.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Whether two secrets are equal, in time independent of where they differ. Both sides are
 * hashed first, so their lengths match and a length difference reveals nothing either.
 */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
