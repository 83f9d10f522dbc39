/**
 * /api/workspace/tokens (owners only): API tokens of the current workspace for CI (flow tests,
 * publishing) and BI (call log export). A token is shown once, when it is made; the server
 * keeps only its hash. Revoking keeps the token listed with the time it stopped working.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { isScope, scopes } from '../auth/access.ts';
import { hashToken, newToken } from '../auth/secrets.ts';
import { type AuthEnv, objectBody, problem, text, type Words } from './api-auth-common.ts';
import type { AppDeps } from './deps.ts';

const words = {
  name: {
    ja: 'トークンの名前を入力してください（100文字以内）。',
    en: 'Name the token (up to 100 characters).',
  },
  scopes: {
    ja: `権限（scopes）を1つ以上、次から選んでください: ${scopes.join(', ')}`,
    en: `Choose one or more scopes from: ${scopes.join(', ')}`,
  },
  noToken: { ja: 'そのトークンはありません。', en: 'No such token.' },
} satisfies Record<string, Words>;

export function tokenRoutes(deps: AppDeps): Hono<AuthEnv> {
  const { apiTokens } = deps.store.accounts;
  const app = new Hono<AuthEnv>();

  app.get('/', async (c) => c.json({ tokens: await apiTokens.list(c.get('auth').workspaceId) }));

  app.post('/', async (c) => {
    const auth = c.get('auth');
    const body = await objectBody(c);
    const name = text(body.name).trim();
    if (name === '' || name.length > 100) return problem(c, 400, words.name);
    const granted = body.scopes;
    if (!Array.isArray(granted) || granted.length === 0 || !granted.every(isScope))
      return problem(c, 400, words.scopes);
    const token = newToken();
    const record = {
      id: `tok-${randomBytes(6).toString('hex')}`,
      workspaceId: auth.workspaceId,
      name,
      scopes: [...new Set(granted)],
      createdBy: auth.userId ?? `token:${auth.tokenId ?? 'legacy'}`,
      createdAt: deps.clock().toISOString(),
    };
    await apiTokens.create({ ...record, tokenHash: hashToken(token) });
    return c.json({ id: record.id, name, scopes: record.scopes, token }, 201);
  });

  app.delete('/:id', async (c) => {
    const revoked = await apiTokens.revoke(
      c.get('auth').workspaceId,
      c.req.param('id'),
      deps.clock().toISOString(),
    );
    if (!revoked) return problem(c, 404, words.noToken);
    return c.body(null, 204);
  });

  return app;
}
