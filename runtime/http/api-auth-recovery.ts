/**
 * The routes reached from an emailed link: password reset (request → link valid for an hour,
 * used once; the new password ends every session of the user) and accepting an invitation
 * (a new user gives a name and a password; an existing user must be logged in as the invited
 * email). Requesting a reset answers 202 whether or not the email has an account, and sends
 * the mail after answering, so neither the answer nor its timing tells who has one.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { passwordResetMail } from '../auth/account-mails.ts';
import { emailProblem } from '../auth/first-start.ts';
import { type LoginLimiter, loginRules } from '../auth/login-limiter.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { hashToken, newToken, sameSecret } from '../auth/secrets.ts';
import { findSession, sessionCookie, startSession } from '../auth/sessions.ts';
import {
  type AuthEnv,
  csrfWords,
  loggedIn,
  objectBody,
  problem,
  text,
  type Words,
} from './api-auth-common.ts';
import type { AppDeps } from './deps.ts';

const resetSeconds = 60 * 60;

const words = {
  badLink: {
    ja: 'リンクが無効か、期限が切れています。もう一度お試しください。',
    en: 'The link is invalid or has expired; start again.',
  },
  nameRequired: { ja: 'お名前を入力してください。', en: 'Enter your name.' },
  loginFirst: {
    ja: 'このメールアドレスのアカウントがあります。そのアカウントでログインしてから招待を受けてください。',
    en: 'An account with this email exists: log in to it, then accept the invitation.',
  },
  emailTaken: {
    ja: 'このメールアドレスのアカウントは既にあります。ログインしてから招待を受けてください。',
    en: 'An account with this email exists already; log in, then accept the invitation.',
  },
} satisfies Record<string, Words>;

/** Creates the reset and emails its link; runs after the 202 has gone. */
async function sendReset(deps: AppDeps, email: string): Promise<void> {
  const user = await deps.store.accounts.users.byEmail(email);
  if (!user) return;
  if (!deps.sendMail) {
    deps.logger.warn('a password reset was asked for, but no SMTP server is configured (FLOWCALL_SMTP_URL)');
    return;
  }
  const token = newToken();
  const now = deps.clock();
  await deps.store.accounts.passwordResets.create({
    id: hashToken(token),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + resetSeconds * 1000).toISOString(),
  });
  const link = `${deps.config.publicBaseUrl}/#/reset?token=${token}`;
  await deps.sendMail(passwordResetMail(user.email, link));
  deps.logger.info('password reset email sent', { userId: user.id });
}

/** The logged-in session sending this request, when its CSRF token comes with it. */
async function sessionOf(c: Context, deps: AppDeps) {
  const cookie = getCookie(c, sessionCookie);
  const session = cookie ? await findSession(deps.store.accounts, cookie, deps.clock()) : undefined;
  if (!session) return undefined;
  return sameSecret(c.req.header('x-csrf-token') ?? '', session.csrfToken) ? session : 'csrf';
}

export function recoveryRoutes(deps: AppDeps, limiter: LoginLimiter): Hono<AuthEnv> {
  const { accounts } = deps.store;
  const app = new Hono<AuthEnv>();

  app.post('/password-reset', async (c) => {
    const body = await objectBody(c);
    const wrong = emailProblem(body.email);
    if (wrong) return problem(c, 400, wrong);
    const email = text(body.email).trim().toLowerCase();
    // A few mails per address and quarter hour: enough for a typo, not a mail bomb.
    const key = `reset:${email}`;
    if (limiter.retryAfter(key, loginRules.resetEmail) === 0) {
      limiter.fail(key, loginRules.resetEmail);
      sendReset(deps, email).catch((error: unknown) =>
        deps.logger.error('password reset email failed', { error: String(error) }),
      );
    }
    return c.body(null, 202);
  });

  app.post('/password-reset/confirm', async (c) => {
    const body = await objectBody(c);
    const wrong = passwordProblem(body.password);
    if (wrong) return problem(c, 400, wrong);
    const token = text(body.token);
    if (token === '') return problem(c, 400, words.badLink);
    const userId = await accounts.passwordResets.use(
      hashToken(token),
      await hashPassword(text(body.password)),
      deps.clock().toISOString(),
    );
    if (!userId) return problem(c, 400, words.badLink);
    deps.logger.info('password reset', { userId });
    return c.body(null, 204);
  });

  app.post('/invitations/accept', async (c) => {
    const body = await objectBody(c);
    const now = deps.clock();
    const invitation = await accounts.invitations.open(hashToken(text(body.token)), now.toISOString());
    if (!invitation) return problem(c, 400, words.badLink);
    const existing = await accounts.users.byEmail(invitation.email);
    if (existing) {
      const session = await sessionOf(c, deps);
      if (session === 'csrf') return problem(c, 403, csrfWords);
      if (!session || session.userId !== existing.id) return problem(c, 401, words.loginFirst);
      const accepted = await accounts.invitations.accept(
        invitation.id,
        { userId: existing.id },
        now.toISOString(),
      );
      if (!accepted.ok) return problem(c, 400, words.badLink);
      await accounts.sessions.switchWorkspace(session.id, accepted.workspaceId);
      return loggedIn(c, deps, { ...session, workspaceId: accepted.workspaceId });
    }
    const name = text(body.name).trim();
    if (name === '' || name.length > 100) return problem(c, 400, words.nameRequired);
    const wrong = passwordProblem(body.password);
    if (wrong) return problem(c, 400, wrong);
    const passwordHash = await hashPassword(text(body.password));
    const newUser = { email: invitation.email, name, passwordHash };
    const accepted = await accounts.invitations.accept(invitation.id, { newUser }, now.toISOString());
    if (!accepted.ok)
      return accepted.reason === 'emailTaken'
        ? problem(c, 409, words.emailTaken)
        : problem(c, 400, words.badLink);
    const { token, session } = await startSession(accounts, now, accepted.user.id, accepted.workspaceId);
    return loggedIn(c, deps, session, token);
  });

  return app;
}
