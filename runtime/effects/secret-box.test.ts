import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/test-helpers.ts';
import { createSecretBox, deriveKey, loadSecretKey, parseSecretKey } from './secret-box.ts';
import { quietLogger } from './test-helpers.ts';

describe('secret box', () => {
  const key = randomBytes(32);

  it('seals to text that does not hold the secret and opens it back', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('https://hooks.slack.com/services/T/B/トークン', 'staff');
    expect(sealed).not.toContain('hooks.slack.com');
    expect(box.open(sealed, 'staff')).toBe('https://hooks.slack.com/services/T/B/トークン');
    // A fresh nonce each time: equal secrets do not look equal at rest.
    expect(box.seal('same', 'staff')).not.toBe(box.seal('same', 'staff'));
  });

  it('refuses another key, another channel, or a tampered value, without echoing it', () => {
    const sealed = createSecretBox(key).seal('api-token-123456', 'staff');
    expect(() => createSecretBox(randomBytes(32)).open(sealed, 'staff')).toThrow(
      /FLOWCALL_SECRET_KEY differs/,
    );
    expect(() => createSecretBox(key).open(sealed, 'other')).toThrow();
    const middle = Math.floor(sealed.length / 2);
    const tampered = `${sealed.slice(0, middle)}${sealed[middle] === 'A' ? 'B' : 'A'}${sealed.slice(middle + 1)}`;
    expect(() => createSecretBox(key).open(tampered, 'staff')).toThrow();
    try {
      createSecretBox(randomBytes(32)).open(sealed, 'staff');
    } catch (error) {
      expect(String(error)).not.toContain('api-token-123456');
    }
  });

  it('reads 32-byte keys as base64 or hex and refuses anything else', () => {
    expect(parseSecretKey(key.toString('base64')).equals(key)).toBe(true);
    expect(parseSecretKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseSecretKey(` ${key.toString('base64url')}\n`).equals(key)).toBe(true);
    for (const bad of ['', 'short', randomBytes(16).toString('base64'), randomBytes(31).toString('hex')]) {
      expect(() => parseSecretKey(bad)).toThrow(/32 bytes/);
    }
  });

  it('derives a different key per purpose', () => {
    expect(deriveKey(key, 'recording-links').equals(key)).toBe(false);
    expect(deriveKey(key, 'recording-links').equals(deriveKey(key, 'recording-links'))).toBe(true);
    expect(deriveKey(key, 'recording-links').equals(deriveKey(key, 'other'))).toBe(false);
  });
});

describe('loading the secret key', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.cleanup());

  it('generates an owner-only key file on first start, says so, and reads it on the next', () => {
    const file = join(temp.dir, 'data', 'secret.key');
    const logger = quietLogger();
    const first = loadSecretKey({ file, generate: true, logger });
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(logger.lines.join('\n')).toMatch(/generated a secret key.*secret\.key/);
    expect(logger.lines.join('\n')).not.toContain(first?.toString('base64'));
    const again = loadSecretKey({ file, generate: true, logger: quietLogger() });
    expect(again?.equals(first as Buffer)).toBe(true);
  });

  it('prefers FLOWCALL_SECRET_KEY over the file', () => {
    const file = join(temp.dir, 'secret.key');
    writeFileSync(file, randomBytes(32).toString('base64'));
    const given = randomBytes(32);
    expect(
      loadSecretKey({ value: given.toString('hex'), file, generate: true, logger: quietLogger() })?.equals(
        given,
      ),
    ).toBe(true);
  });

  it('on CI writes nothing and reports the key as missing', () => {
    const file = join(temp.dir, 'secret.key');
    const logger = quietLogger();
    expect(loadSecretKey({ file, generate: false, logger })).toBeUndefined();
    expect(() => readFileSync(file)).toThrow();
    expect(logger.lines.join('\n')).toMatch(/FLOWCALL_SECRET_KEY is not set/);
  });
});
