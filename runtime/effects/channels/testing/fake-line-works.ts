/**
 * LINE WORKS API 2.0 on loopback: the token endpoint (/oauth2/v2.0/token) checks the form and
 * verifies the service-account JWT's RS256 signature with the app's public key and its claims,
 * then issues a numbered access token; the bot endpoint
 * (/v1.0/bots/{botId}/channels/{channelId}/messages) accepts only tokens it issued and has not
 * revoked. Anything wrong is answered as LINE WORKS would (400/401 with an error body), so a
 * sender bug surfaces as a failed send, and tests also read the recorded requests.
 */
import { type KeyObject, verify } from 'node:crypto';
import {
  type LoopbackServer,
  type RecordedRequest,
  type Reply,
  startLoopbackServer,
} from './loopback-http.ts';

export interface FakeLineWorksApp {
  publicKey: KeyObject;
  clientId: string;
  clientSecret: string;
  serviceAccount: string;
  botId: string;
  channelId: string;
  /** Seconds, sent as a string like the real endpoint does. Default 86400. */
  expiresIn?: number;
}

export interface FakeLineWorks {
  authUrl: string;
  apiBaseUrl: string;
  server: LoopbackServer;
  tokenRequests: () => RecordedRequest[];
  messageRequests: () => RecordedRequest[];
  /** Access tokens issued, in order. */
  issued: string[];
  /** For each message call, which issued token it carried (1 = the first; 0 = none of ours). */
  tokensUsed: () => number[];
  /** Makes the API refuse a token from now on (as after a revocation). */
  revoke(token: string): void;
  /** Answer the next message calls with this status instead (e.g. 500), then behave again. */
  failNextMessages(status: number, count: number): void;
  close(): Promise<void>;
}

export interface JwtParts {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signatureValid: boolean;
}

/** Splits a compact JWS and checks its RS256 signature with the public key. */
export function readJwt(jwt: string, publicKey: KeyObject): JwtParts {
  const [header = '', claims = '', signature = ''] = jwt.split('.');
  const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return {
    header: decode(header),
    claims: decode(claims),
    signatureValid: verify(
      'RSA-SHA256',
      Buffer.from(`${header}.${claims}`),
      publicKey,
      Buffer.from(signature, 'base64url'),
    ),
  };
}

const invalid = (description: string): Reply => ({
  status: 400,
  body: { error: 'invalid_request', error_description: description },
});

export async function startFakeLineWorks(app: FakeLineWorksApp): Promise<FakeLineWorks> {
  const issued: string[] = [];
  const revoked = new Set<string>();
  let failures = { status: 0, count: 0 };
  const messagePath = `/v1.0/bots/${app.botId}/channels/${app.channelId}/messages`;

  const token = (request: RecordedRequest): Reply => {
    if (request.headers['content-type'] !== 'application/x-www-form-urlencoded') {
      return invalid('form body expected');
    }
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
      return invalid('grant_type');
    if (form.get('client_id') !== app.clientId || form.get('client_secret') !== app.clientSecret) {
      return { status: 401, body: { error: 'invalid_client' } };
    }
    if (form.get('scope') !== 'bot') return invalid('scope');
    let jwt: JwtParts;
    try {
      jwt = readJwt(form.get('assertion') ?? '', app.publicKey);
    } catch {
      return invalid('assertion is not a JWT');
    }
    const { iss, sub, iat, exp } = jwt.claims;
    if (!jwt.signatureValid || jwt.header.alg !== 'RS256') return invalid('assertion signature');
    if (iss !== app.clientId || sub !== app.serviceAccount) return invalid('assertion iss/sub');
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp <= iat || exp - iat > 3600) {
      return invalid('assertion iat/exp');
    }
    const accessToken = `kr1AAABtoken${issued.length + 1}`;
    issued.push(accessToken);
    return {
      status: 200,
      body: {
        access_token: accessToken,
        refresh_token: `refresh${issued.length}`,
        scope: 'bot',
        token_type: 'Bearer',
        expires_in: String(app.expiresIn ?? 86400),
      },
    };
  };

  const message = (request: RecordedRequest): Reply => {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!bearer || !issued.includes(bearer) || revoked.has(bearer)) {
      return { status: 401, body: { code: 'UNAUTHORIZED', description: 'Authentication failed' } };
    }
    if (failures.count > 0) {
      failures = { ...failures, count: failures.count - 1 };
      return { status: failures.status, body: { code: 'SERVER_ERROR' } };
    }
    return { status: 201, body: '' };
  };

  const server = await startLoopbackServer((request) => {
    if (request.method === 'POST' && request.path === '/oauth2/v2.0/token') return token(request);
    if (request.method === 'POST' && request.path === messagePath) return message(request);
    return { status: 404, body: { code: 'NOT_FOUND' } };
  });
  return {
    authUrl: `${server.url}/oauth2/v2.0/token`,
    apiBaseUrl: `${server.url}/v1.0`,
    server,
    tokenRequests: () => server.requests.filter((r) => r.path === '/oauth2/v2.0/token'),
    messageRequests: () => server.requests.filter((r) => r.path === messagePath),
    issued,
    tokensUsed: () =>
      server.requests
        .filter((r) => r.path === messagePath)
        .map((r) => issued.indexOf(/^Bearer (.+)$/.exec(r.headers.authorization ?? '')?.[1] ?? '') + 1),
    revoke: (t) => revoked.add(t),
    failNextMessages: (status, count) => {
      failures = { status, count };
    },
    close: () => server.close(),
  };
}
