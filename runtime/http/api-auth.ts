/**
 * /api/auth: log in (email + password → session cookie), who am I, log out, switch workspace,
 * and the first owner's setup with the one-time token printed at start. Password reset and
 * invitations are in api-auth-recovery.ts. Login failures are limited per email and per client
 * address (runtime/auth/login-limiter.ts); a wrong email and a wrong password read the same.
 */
import { Hono } from 'hono';
import { createOwner, emailProblem } from '../auth/first-start.ts';
import { type LimitRule, type LoginLimiter, loginRules } from '../auth/login-limiter.ts';
import { maxPasswordLength, passwordProblem, verifyPassword } from '../auth/passwords.ts';
import { sameSecret } from '../auth/secrets.ts';
import { startSession } from '../auth/sessions.ts';
import { defaultWorkspaceId } from '../store/migrations/0005-accounts.ts';
import {
  type AuthEnv,
  clearSessionCookie,
  clientAddress,
  loggedIn,
  noWorkspace,
  objectBody,
  problem,
  text,
  type Words,
} from './api-auth-common.ts';
import { recoveryRoutes } from './api-auth-recovery.ts';
import type { AppDeps } from './deps.ts';

const words = {
  wrongLogin: {
    ja: 'メールアドレスまたはパスワードが違います。',
    en: 'The email or the password is wrong.',
  },
  tooMany: {
    ja: 'ログインの失敗が続いたため、しばらく待ってからお試しください。',
    en: 'Too many failed logins; wait a while and try again.',
  },
  notMember: {
    ja: 'そのワークスペースのメンバーではありません。',
    en: 'You are not a member of that workspace.',
  },
  setupToken: {
    ja: 'セットアップ用のリンクが正しくありません。サーバーの起動時に表示されたリンクを開いてください。',
    en: 'The setup link is wrong; open the link the server printed when it started.',
  },
  setupDone: {
    ja: 'オーナーは登録済みです。ログインしてください。',
    en: 'The owner account exists already; log in instead.',
  },
} satisfies Record<string, Words>;

export function authRoutes(deps: AppDeps, limiter: LoginLimiter): Hono<AuthEnv> {
  const { accounts } = deps.store;
  const app = new Hono<AuthEnv>();

  app.post('/login', async (c) => {
    const body = await objectBody(c);
    const email = text(body.email).trim().toLowerCase();
    const password = text(body.password);
    const keys: Array<[string, LimitRule]> = [
      [`login:${email}`, loginRules.email],
      [`address:${clientAddress(c, deps)}`, loginRules.address],
    ];
    const wait = limiter.blockedFor(keys);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problem(c, 429, words.tooMany);
    }
    const user = email === '' ? undefined : await accounts.users.byEmail(email);
    const ok = password.length <= maxPasswordLength && (await verifyPassword(user?.passwordHash, password));
    if (!user || !ok) {
      for (const [key, rule] of keys) limiter.fail(key, rule);
      return problem(c, 401, words.wrongLogin);
    }
    limiter.clear(keys[0]![0]);
    const [workspace] = await accounts.memberships.of(user.id);
    if (!workspace) return problem(c, 403, noWorkspace);
    const { token, session } = await startSession(accounts, deps.clock(), user.id, workspace.id);
    return loggedIn(c, deps, session, token);
  });

  app.get('/me', (c) => loggedIn(c, deps, c.get('auth').session!));

  app.post('/logout', async (c) => {
    await accounts.sessions.delete(c.get('auth').session!.id);
    clearSessionCookie(c, deps);
    return c.body(null, 204);
  });

  app.post('/workspace', async (c) => {
    const session = c.get('auth').session!;
    const workspaceId = text((await objectBody(c)).workspaceId);
    if (!(await accounts.memberships.role(workspaceId, session.userId)))
      return problem(c, 403, words.notMember);
    await accounts.sessions.switchWorkspace(session.id, workspaceId);
    return loggedIn(c, deps, { ...session, workspaceId });
  });

  // One setup at a time: two requests racing with the token must not make two owners.
  let settingUp: Promise<unknown> = Promise.resolve();
  app.post('/setup', async (c) => {
    const body = await objectBody(c);
    if (!deps.setupToken || !sameSecret(text(body.token), deps.setupToken))
      return problem(c, 403, words.setupToken);
    const wrong = emailProblem(body.email) ?? passwordProblem(body.password);
    if (wrong) return problem(c, 400, wrong);
    const run = settingUp.then(async () => {
      if ((await accounts.users.count()) > 0) return undefined;
      return createOwner(deps.store, deps.clock(), {
        email: text(body.email),
        password: text(body.password),
        name: text(body.name),
        workspaceName: text(body.workspaceName),
      });
    });
    settingUp = run.catch(() => undefined);
    const owner = await run;
    if (!owner) return problem(c, 409, words.setupDone);
    deps.logger.info('first owner created with the setup link', { email: owner.email });
    const { token, session } = await startSession(accounts, deps.clock(), owner.id, defaultWorkspaceId);
    return loggedIn(c, deps, session, token);
  });

  app.route('/', recoveryRoutes(deps, limiter));
  return app;
}
