import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { hashToken, newToken, sameSecret } from './secrets.ts';

describe('passwords', () => {
  it('hashes with argon2id (salted: the same password hashes differently) and verifies', async () => {
    const first = await hashPassword('さくら歯科のパスワード');
    const second = await hashPassword('さくら歯科のパスワード');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword(first, 'さくら歯科のパスワード')).toBe(true);
    expect(await verifyPassword(first, 'さくら歯科のパスワート')).toBe(false);
  });

  it('says no, without throwing, for no user and for a damaged stored hash', async () => {
    expect(await verifyPassword(undefined, 'anything-at-all')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything-at-all')).toBe(false);
  });

  it('wants 10 to 256 characters, counting Japanese characters as one each', () => {
    expect(passwordProblem('123456789')?.ja).toBe('パスワードは10文字以上にしてください。');
    expect(passwordProblem('1234567890')).toBeUndefined();
    expect(passwordProblem('あいうえおかきくけこ')).toBeUndefined();
    expect(passwordProblem('x'.repeat(257))?.en).toContain('at most 256');
    expect(passwordProblem(undefined)).toBeDefined();
  });
});

describe('tokens', () => {
  it('are 32 random bytes as base64url, stored as SHA-256 hex', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('compare equal only when identical, whatever the lengths', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
    expect(sameSecret('abcd', 'abc')).toBe(false);
  });
});
