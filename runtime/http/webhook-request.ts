/**
 * Reading a Vonage webhook: GET query or POST JSON, the payload text its signature hashes, and
 * the signature verdict. Malformed input is a result, not an exception.
 */
import type { Context } from 'hono';
import { payloadTextForGet, verifySignedWebhook } from '../vonage/signature.ts';
import type { AppDeps } from './deps.ts';

export type WebhookRead =
  | { ok: true; params: Record<string, unknown>; query: Record<string, string> }
  | {
      ok: false;
      status: 400 | 401;
      reason: string;
      params: Record<string, unknown>;
      query: Record<string, string>;
    };

export async function readWebhook(c: Context, deps: AppDeps): Promise<WebhookRead> {
  const query = c.req.query();
  let params: Record<string, unknown> = {};
  let payloadText: string;
  if (c.req.method === 'GET') {
    params = { ...query };
    payloadText = payloadTextForGet(c.req.url);
  } else {
    payloadText = await c.req.text();
    if (payloadText.trim() !== '') {
      try {
        const parsed: unknown = JSON.parse(payloadText);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          return { ok: false, status: 400, reason: 'body is not a JSON object', params, query };
        }
        params = parsed as Record<string, unknown>;
      } catch {
        return { ok: false, status: 400, reason: 'body is not JSON', params, query };
      }
    }
  }
  const { signatureSecret, signatureRequired } = deps.config;
  const authorization = c.req.header('authorization');
  if (signatureSecret && (authorization || signatureRequired)) {
    const verdict = verifySignedWebhook({
      authorization,
      payload: payloadText,
      secret: signatureSecret,
      now: deps.clock(),
    });
    if (!verdict.ok)
      return { ok: false, status: 401, reason: `signature refused: ${verdict.reason}`, params, query };
  }
  return { ok: true, params, query };
}

/** The (call, node, turn) a callback URL was built with. */
export function turnOf(
  query: Record<string, string>,
): { callId: string; nodeId: string; seq: number } | undefined {
  const seq = Number(query.s);
  if (!query.c || !query.n || !Number.isInteger(seq) || seq < 0) return undefined;
  return { callId: query.c, nodeId: query.n, seq };
}
