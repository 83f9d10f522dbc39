/**
 * Secrets at rest: AES-256-GCM with one workspace key. Channel secrets (webhook URLs, API
 * tokens, SMTP passwords) are sealed before they reach the database, so a copied database file
 * or backup holds no usable credential without the key.
 *
 * The key comes from FLOWCALL_SECRET_KEY (32 bytes, base64 or hex). When it is not set and this
 * is not CI, one is generated into ./data/secret.key (mode 0600) on first start and read back on
 * the next; on CI nothing is written and storing a secret fails with a clear message. Other keys
 * (the recording links' signing key) are derived from it with HKDF, one per purpose, so no two
 * uses ever share key material.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { SecretCipher } from '../store/types.ts';

const keyLength = 32;
const ivLength = 12;
const tagLength = 16;
/** Sealed values start with a version so the format can change without guessing. */
const prefix = 'v1:';

/** 32 bytes from base64 (standard or url-safe) or hex text; anything else is refused. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const hex = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : undefined;
  const base64 = /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
  const key = hex ?? base64;
  if (!key || key.length !== keyLength) {
    throw new Error('FLOWCALL_SECRET_KEY must be 32 bytes written as base64 (44 characters) or hex (64)');
  }
  return key;
}

/** A cipher bound to one key. `context` (e.g. the channel id) is authenticated, not encrypted. */
export function createSecretBox(key: Buffer): SecretCipher {
  if (key.length !== keyLength) throw new Error(`a secret key has ${keyLength} bytes`);
  return {
    seal(plaintext, context) {
      const iv = randomBytes(ivLength);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagLength });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed, context) {
      if (!sealed.startsWith(prefix)) throw new Error('not a sealed secret (unknown format)');
      const raw = Buffer.from(sealed.slice(prefix.length), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, ivLength), {
        authTagLength: tagLength,
      });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(ivLength, ivLength + tagLength));
      try {
        return Buffer.concat([
          decipher.update(raw.subarray(ivLength + tagLength)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        // GCM refuses a wrong key or a tampered value; say which, never echo the value.
        throw new Error(
          'a stored secret cannot be decrypted: FLOWCALL_SECRET_KEY differs from the one it was saved with',
        );
      }
    },
  };
}

/** A separate 32-byte key for one purpose (HKDF-SHA256), e.g. 'recording-links'. */
export function deriveKey(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `flowcall/${purpose}`, keyLength));
}

export interface SecretKeySource {
  /** FLOWCALL_SECRET_KEY as given (undefined or empty = not set). */
  value?: string;
  /** Where a generated key lives, default ./data/secret.key. */
  file: string;
  /** Whether a missing key may be generated into `file` (not on CI: nothing is written there). */
  generate: boolean;
  logger: {
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
  };
}

/**
 * The workspace key: the environment's, else the key file's, else (not on CI) a new one written
 * to the key file. Undefined only on CI without a key: channels without secrets still work.
 */
export function loadSecretKey(source: SecretKeySource): Buffer | undefined {
  if (source.value && source.value.trim() !== '') return parseSecretKey(source.value);
  const file = resolve(source.file);
  if (existsSync(file)) return parseSecretKey(readFileSync(file, 'utf8'));
  if (!source.generate) {
    source.logger.warn('FLOWCALL_SECRET_KEY is not set (CI): channel secrets cannot be stored');
    return undefined;
  }
  const key = randomBytes(keyLength);
  mkdirSync(dirname(file), { recursive: true });
  try {
    // `wx`: never overwrite a key another process wrote meanwhile (its secrets would be lost).
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return parseSecretKey(readFileSync(file, 'utf8'));
    throw error;
  }
  // The mode given to writeFile is masked by the umask; the key must be owner-only regardless.
  chmodSync(file, 0o600);
  source.logger.info(
    'generated a secret key for channel secrets; keep it with your backups, or set FLOWCALL_SECRET_KEY',
    { file },
  );
  return key;
}
