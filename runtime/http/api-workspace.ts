/**
 * /api/workspace (owners only, per runtime/auth/access.ts): the members of the current
 * workspace and their roles, and invitations to it. The last owner can be neither demoted nor
 * removed (409). An invitation is emailed when an SMTP server is configured; otherwise (or when
 * sending fails) the answer carries the link so the owner can pass it on.
 */
import { Hono } from 'hono';
import { invitationMail } from '../auth/account-mails.ts';
import { emailProblem } from '../auth/first-start.ts';
import { hashToken, newToken } from '../auth/secrets.ts';
import { type Role, roles } from '../store/accounts-types.ts';
import type { MemberChange } from '../store/types.ts';
import { type AuthEnv, objectBody, problem, text, type Words } from './api-auth-common.ts';
import { tokenRoutes } from './api-workspace-tokens.ts';
import type { AppDeps } from './deps.ts';

const invitationSeconds = 7 * 24 * 60 * 60;

const words = {
  role: {
    ja: '役割は owner / editor / operator / viewer のどれかにしてください。',
    en: 'The role must be one of owner, editor, operator, viewer.',
  },
  noMember: { ja: 'そのメンバーはいません。', en: 'No such member.' },
  lastOwner: {
    ja: '最後のオーナーは外せません。先に別のメンバーをオーナーにしてください。',
    en: 'The last owner cannot be removed or demoted; make another member an owner first.',
  },
  isMember: { ja: 'この人は既にメンバーです。', en: 'This person is a member already.' },
  noInvitation: { ja: 'その招待はありません。', en: 'No such invitation.' },
} satisfies Record<string, Words>;

const isRole = (value: unknown): value is Role => roles.includes(value as Role);

export function workspaceRoutes(deps: AppDeps): Hono<AuthEnv> {
  const { accounts } = deps.store;
  const app = new Hono<AuthEnv>();
  const changed = (result: MemberChange) =>
    result === 'notFound' ? words.noMember : result === 'lastOwner' ? words.lastOwner : undefined;

  app.get('/members', async (c) => {
    const members = await accounts.memberships.members(c.get('auth').workspaceId);
    return c.json({ members: members.map(({ user, role, joinedAt }) => ({ ...user, role, joinedAt })) });
  });

  app.patch('/members/:userId', async (c) => {
    const role = (await objectBody(c)).role;
    if (!isRole(role)) return problem(c, 400, words.role);
    const result = await accounts.memberships.changeRole(
      c.get('auth').workspaceId,
      c.req.param('userId'),
      role,
    );
    const wrong = changed(result);
    if (wrong) return problem(c, result === 'notFound' ? 404 : 409, wrong);
    return c.json({ id: c.req.param('userId'), role });
  });

  app.delete('/members/:userId', async (c) => {
    const result = await accounts.memberships.remove(c.get('auth').workspaceId, c.req.param('userId'));
    const wrong = changed(result);
    if (wrong) return problem(c, result === 'notFound' ? 404 : 409, wrong);
    return c.body(null, 204);
  });

  app.get('/invitations', async (c) => {
    const open = await accounts.invitations.list(c.get('auth').workspaceId, deps.clock().toISOString());
    return c.json({ invitations: open.map(({ acceptedAt: _, ...invitation }) => invitation) });
  });

  app.post('/invitations', async (c) => {
    const auth = c.get('auth');
    const body = await objectBody(c);
    const wrong = emailProblem(body.email);
    if (wrong) return problem(c, 400, wrong);
    if (!isRole(body.role)) return problem(c, 400, words.role);
    const email = text(body.email).trim().toLowerCase();
    const invitee = await accounts.users.byEmail(email);
    if (invitee && (await accounts.memberships.role(auth.workspaceId, invitee.id)))
      return problem(c, 409, words.isMember);
    const token = newToken();
    const now = deps.clock();
    const invitation = {
      id: hashToken(token),
      workspaceId: auth.workspaceId,
      email,
      role: body.role,
      invitedBy: auth.userId ?? `token:${auth.tokenId ?? 'legacy'}`,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + invitationSeconds * 1000).toISOString(),
    };
    await accounts.invitations.create(invitation);
    const link = `${deps.config.publicBaseUrl}/#/invite?token=${token}`;
    const workspace = await accounts.workspaces.get(auth.workspaceId);
    const inviter = auth.userId ? await accounts.users.get(auth.userId) : undefined;
    let emailed = false;
    if (deps.sendMail) {
      try {
        await deps.sendMail(
          invitationMail(email, workspace?.name ?? '', inviter?.name ?? 'flowcall', body.role, link),
        );
        emailed = true;
      } catch (error) {
        deps.logger.warn('invitation email failed', { error: String(error) });
      }
    }
    return c.json({ invitation, emailed, ...(emailed ? {} : { link }) }, 201);
  });

  app.delete('/invitations/:id', async (c) => {
    if (!(await accounts.invitations.delete(c.get('auth').workspaceId, c.req.param('id'))))
      return problem(c, 404, words.noInvitation);
    return c.body(null, 204);
  });

  app.route('/tokens', tokenRoutes(deps));
  return app;
}
