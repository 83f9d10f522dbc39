/**
 * Test helper: a webhook token shaped like Vonage's (reference §5.1), signed here with HS256,
 * so tests can send valid, forged and stale signatures.
 */
import { createHash, createHmac } from 'node:crypto';

export const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function signToken(
  claims: Record<string, unknown>,
  key: string,
  header: object = { alg: 'HS256', typ: 'JWT' },
): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}

/** Claims Vonage would send for a payload at a time (seconds since the epoch). */
export function vonageClaims(payload: string, iatSeconds: number, overrides: Record<string, unknown> = {}) {
  return {
    iat: iatSeconds,
    jti: `jti-${iatSeconds}`,
    iss: 'Vonage',
    payload_hash: sha256(payload),
    api_key: 'abc123',
    application_id: 'app-1',
    ...overrides,
  };
}
