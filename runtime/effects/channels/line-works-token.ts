/**
 * LINE WORKS API 2.0 service-account authentication: a JWT {iss: Client ID, sub: Service
 * Account, iat, exp} signed RS256 with the app's private key, exchanged at the token endpoint
 * (grant_type jwt-bearer, client id and secret, scope bot) for an access token valid 1 or 24
 * hours. Tokens are cached per Client ID + Service Account (and auth URL) until shortly before
 * they expire, so a busy office sends one token request a day rather than one per call;
 * concurrent sends share one request.
 */
import { createPrivateKey, createSign, type KeyObject } from 'node:crypto';
import { PermanentError } from '../errors.ts';
import { httpFailure, isSuccess, jsonOf, requestProvider } from './http-post.ts';
import { nowOf, type SendOptions } from './sender.ts';
import type { ChannelSettingsByType } from './types.ts';

export type LineWorksSettings = ChannelSettingsByType['line-works'];

export const defaultLineWorksAuthUrl = 'https://auth.worksmobile.com/oauth2/v2.0/token';
export const jwtBearerGrant = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The assertion's lifetime; LINE WORKS accepts at most 60 minutes. */
const assertionSeconds = 60 * 60;
/** Renew this long before the token's end, so a send never starts with a token about to lapse. */
const renewMarginMs = 5 * 60 * 1000;
const provider = 'LINE WORKS';

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

const cache = new Map<string, CachedToken>();
const pending = new Map<string, Promise<CachedToken>>();

/** Per app and service account; the auth server too, as its tokens are good for its own API only. */
const cacheKey = (s: LineWorksSettings) =>
  [s.clientId.trim(), s.serviceAccount.trim(), s.authUrl?.trim() || defaultLineWorksAuthUrl].join('\n');

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function privateKeyOf(pem: string): KeyObject {
  try {
    return createPrivateKey(pem.trim());
  } catch {
    // OpenSSL's message says nothing useful to a customer and must not travel with the key.
    throw new PermanentError(`${provider}: the private key is not a readable PEM private key`);
  }
}

/** The signed service-account assertion. */
export function serviceAccountAssertion(settings: LineWorksSettings, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({
      iss: settings.clientId.trim(),
      sub: settings.serviceAccount.trim(),
      iat,
      exp: iat + assertionSeconds,
    }),
  );
  const signature = createSign('RSA-SHA256')
    .update(`${header}.${claims}`)
    .sign(privateKeyOf(settings.privateKey));
  return `${header}.${claims}.${base64url(signature)}`;
}

async function requestToken(
  settings: LineWorksSettings,
  secrets: readonly string[],
  options: SendOptions | undefined,
): Promise<CachedToken> {
  const requestedAt = nowOf(options);
  const response = await requestProvider({
    provider,
    url: settings.authUrl?.trim() || defaultLineWorksAuthUrl,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: jwtBearerGrant,
      client_id: settings.clientId.trim(),
      client_secret: settings.clientSecret.trim(),
      scope: 'bot',
      assertion: serviceAccountAssertion(settings, requestedAt),
    }),
    secrets,
    timeoutMs: options?.timeoutMs,
  });
  if (!isSuccess(response.status)) throw httpFailure(`${provider} token`, response, secrets);
  const body = jsonOf(response.text) as { access_token?: unknown; expires_in?: unknown } | undefined;
  const accessToken = body?.access_token;
  // expires_in arrives as a string ("86400") or a number.
  const expiresIn = Number(body?.expires_in);
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new Error(`${provider} token: the answer had no access_token`);
  }
  const lifetimeMs = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : 60 * 60 * 1000;
  return { accessToken, expiresAt: requestedAt + Math.max(0, lifetimeMs - renewMarginMs) };
}

/** A valid access token for these credentials: cached, or requested now. */
export async function lineWorksAccessToken(
  settings: LineWorksSettings,
  secrets: readonly string[],
  options?: SendOptions,
): Promise<string> {
  const key = cacheKey(settings);
  const cached = cache.get(key);
  if (cached && nowOf(options) < cached.expiresAt) return cached.accessToken;
  let request = pending.get(key);
  if (!request) {
    request = requestToken(settings, secrets, options).finally(() => pending.delete(key));
    pending.set(key, request);
  }
  const token = await request;
  cache.set(key, token);
  return token.accessToken;
}

/** Drops a token the API refused (revoked, or the app's scopes changed) so the next call asks again. */
export function forgetLineWorksToken(settings: LineWorksSettings, accessToken: string): void {
  const key = cacheKey(settings);
  if (cache.get(key)?.accessToken === accessToken) cache.delete(key);
}
