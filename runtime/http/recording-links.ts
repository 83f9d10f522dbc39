/**
 * Links to listen to a call's recording, for notifications. Vonage's file URLs need an
 * application JWT, so staff get a link to our server instead:
 *   {publicBaseUrl}/recordings/{callId}/{nodeId}?exp={unix seconds}&sig={HMAC}
 * The HMAC-SHA256 covers call, node and expiry with a key derived from the workspace secret key,
 * so a link cannot be forged, pointed at another call or extended. Expired or forged → 403.
 * A valid link streams the stored copy (recording-response.ts), else the file from Vonage (the
 * fetcher seam, runtime/vonage/recording-file.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { deriveKey } from '../effects/secret-box.ts';
import type { AppDeps } from './deps.ts';
import { recordingResponse } from './recording-response.ts';

export interface RecordingLinks {
  /** A signed link valid from now for the configured time. */
  link(callId: string, nodeId: string): string;
  /** Whether the query's expiry is in the future and its signature is ours. */
  verify(callId: string, nodeId: string, exp: string | undefined, sig: string | undefined): boolean;
}

export interface RecordingLinkOptions {
  /** The workspace secret key (effects/secret-box.ts); the signing key is derived from it. */
  secretKey: Buffer;
  publicBaseUrl: string;
  /** How long a link stays valid (seconds). */
  ttlSeconds: number;
  clock: () => Date;
}

export function recordingLinks(options: RecordingLinkOptions): RecordingLinks {
  const key = deriveKey(options.secretKey, 'recording-links');
  const sign = (callId: string, nodeId: string, exp: string) =>
    createHmac('sha256', key).update(`${callId}\n${nodeId}\n${exp}`).digest();
  const nowSeconds = () => Math.floor(options.clock().getTime() / 1000);
  return {
    link(callId, nodeId) {
      const exp = String(nowSeconds() + options.ttlSeconds);
      const sig = sign(callId, nodeId, exp).toString('base64url');
      const path = `/recordings/${encodeURIComponent(callId)}/${encodeURIComponent(nodeId)}`;
      return `${options.publicBaseUrl}${path}?exp=${exp}&sig=${sig}`;
    },
    verify(callId, nodeId, exp, sig) {
      if (!exp || !/^\d{1,12}$/.test(exp) || !sig) return false;
      if (Number(exp) < nowSeconds()) return false;
      const given = Buffer.from(sig, 'base64url');
      const expected = sign(callId, nodeId, exp);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/** GET /recordings/:callId/:nodeId — mounted outside /api: the signature is the credential. */
export function recordingRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.get('/:callId/:nodeId', async (c) => {
    const { callId, nodeId } = c.req.param();
    c.header('cache-control', 'private, no-store');
    if (!deps.recordingLinks?.verify(callId, nodeId, c.req.query('exp'), c.req.query('sig'))) {
      return c.text('このリンクは無効か、有効期限が切れています。 This link is invalid or has expired.', 403);
    }
    // The worker's stored copy when there is one (seekable), else the file from Vonage.
    return recordingResponse(deps, callId, nodeId, { range: c.req.header('range') });
  });
  return app;
}
