/**
 * Inviting someone by email with a role, and the invitations still waiting for an answer (with
 * their expiry; revoking one voids its link). When the server cannot send email it answers with
 * the link, shown here once with a copy button for the owner to pass on.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InvitationSent, type Role, roles, workspaceApi } from '../api/auth-client.ts';
import { formatDateTime, type Lang } from '../model/pages-format.ts';
import { Field } from '../pages/field.tsx';
import { useLoad } from '../pages/use-load.ts';
import { emailProblems } from './auth-forms.ts';
import { CopyButton } from './copy-button.tsx';
import { ListTable, LoadProblem } from './members-table.tsx';
import { useAuthSubmit } from './use-auth-submit.ts';

export function InvitationsSection() {
  const { t, i18n } = useTranslation('auth');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ja';
  const invitations = useLoad(() => workspaceApi.invitations());
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [problem, setProblem] = useState<string>();
  const [sent, setSent] = useState<InvitationSent>();
  const [revoked, setRevoked] = useState<string>();
  const { busy, error, submit } = useAuthSubmit();
  const emailRef = useRef<HTMLInputElement>(null);
  const linkId = useId();

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    setRevoked(undefined);
    const found = emailProblems({ email }).email;
    setProblem(found && t(`problems.${found}`));
    if (found) return emailRef.current?.focus();
    let answer: InvitationSent | undefined;
    await submit(async () => {
      answer = await workspaceApi.invite(email.trim(), role);
    });
    if (!answer) return;
    setSent(answer);
    setEmail('');
    invitations.reload();
  };

  const revoke = async (id: string, address: string) => {
    setSent(undefined);
    if (await submit(() => workspaceApi.revokeInvitation(id))) setRevoked(address);
    invitations.reload();
  };

  return (
    <section className="members-section" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('members.invite.heading')}</h2>
      <p className="section-intro">{t('members.invite.intro')}</p>
      <div aria-live="polite">
        {sent?.emailed && (
          <p className="notice ok">{t('members.invite.emailed', { email: sent.invitation.email })}</p>
        )}
        {revoked && <p className="notice ok">{t('members.invite.revoked', { email: revoked })}</p>}
      </div>
      {sent && !sent.emailed && sent.link && (
        <div className="notice warn" data-testid="invitation-link">
          <p>{t('members.invite.link', { email: sent.invitation.email })}</p>
          <div className="secret-box">
            <label className="sr-only" htmlFor={linkId}>
              {t('members.invite.linkLabel')}
            </label>
            <input id={linkId} readOnly value={sent.link} onFocus={(e) => e.target.select()} />
            <CopyButton
              text={sent.link}
              targetId={linkId}
              label={t('members.invite.copy')}
              copiedLabel={t('members.invite.copied')}
              failedLabel={t('members.tokens.copyFailed')}
            />
          </div>
        </div>
      )}
      {error && (
        <p className="notice error" role="alert">
          {t('members.actionError', { message: error.message })}
        </p>
      )}
      <form className="panel members-form" noValidate onSubmit={invite}>
        <Field label={t('email')} error={problem} className="grow">
          {(control) => (
            <input
              {...control}
              ref={emailRef}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('members.list.role')} help={t(`roleHelp.${role}`)}>
          {(control) => (
            <select {...control} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('working') : t('members.invite.submit')}
        </button>
      </form>
      <LoadProblem error={invitations.error} onRetry={invitations.reload} />
      {invitations.data?.length === 0 && <p className="muted">{t('members.invite.empty')}</p>}
      {invitations.data && invitations.data.length > 0 && (
        <ListTable
          testId="invitations"
          caption={t('members.invite.pending')}
          columns={[
            t('email'),
            t('members.list.role'),
            t('members.invite.expires'),
            t('members.list.actions'),
          ]}
        >
          {invitations.data.map((invitation) => (
            <tr key={invitation.id} data-invitation={invitation.email}>
              <th scope="row">{invitation.email}</th>
              <td>{t(`roles.${invitation.role}`)}</td>
              <td className="nowrap">{formatDateTime(invitation.expiresAt, lang)}</td>
              <td>
                <button
                  type="button"
                  className="button small danger"
                  aria-label={t('members.invite.revokeLabel', { email: invitation.email })}
                  onClick={() => void revoke(invitation.id, invitation.email)}
                >
                  {t('members.invite.revoke')}
                </button>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </section>
  );
}
