/**
 * The workspace's members: name, email, role (a select that saves at once), when they joined,
 * and removing them. The server keeps one owner at least: its refusal is shown as it says it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Member, type Role, roles, workspaceApi } from '../api/auth-client.ts';
import type { Lang } from '../model/pages-format.ts';
import { formatDateTime } from '../model/pages-format.ts';
import { ConfirmDialog } from '../pages/confirm-dialog.tsx';
import { useLoad } from '../pages/use-load.ts';
import { useAccount } from './account-store.ts';
import { ListTable, LoadProblem } from './members-table.tsx';

export function MembersSection({ me }: { me: string }) {
  const { t, i18n } = useTranslation('auth');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ja';
  const members = useLoad(() => workspaceApi.members());
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const [removing, setRemoving] = useState<Member>();
  const [saving, setSaving] = useState<string>();

  const changeRole = async (member: Member, role: Role) => {
    setSaving(member.id);
    setNotice(undefined);
    try {
      await workspaceApi.changeRole(member.id, role);
      setNotice({
        ok: true,
        text: t('members.list.roleChanged', { name: member.name, role: t(`roles.${role}`) }),
      });
      // Demoting oneself changes what this editor may show.
      if (member.id === me) await useAccount.getState().check();
    } catch (error) {
      setNotice({ ok: false, text: t('members.actionError', { message: (error as Error).message }) });
    } finally {
      setSaving(undefined);
      members.reload();
    }
  };

  return (
    <section className="members-section" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.list.heading')}</h2>
      <div aria-live="polite">{notice?.ok && <p className="notice ok">{notice.text}</p>}</div>
      {notice && !notice.ok && (
        <p className="notice error" role="alert">
          {notice.text}
        </p>
      )}
      <LoadProblem error={members.error} onRetry={members.reload} />
      {members.data && (
        <ListTable
          testId="members"
          caption={t('members.list.heading')}
          columns={[
            t('members.list.name'),
            t('members.list.email'),
            t('members.list.role'),
            t('members.list.joined'),
            t('members.list.actions'),
          ]}
        >
          {members.data.map((member) => (
            <tr key={member.id} data-member={member.email}>
              <th scope="row">
                {member.name}
                {member.id === me && <span className="badge off"> {t('members.list.you')}</span>}
              </th>
              <td>{member.email}</td>
              <td>
                <select
                  aria-label={t('members.list.roleOf', { name: member.name })}
                  value={member.role}
                  disabled={saving === member.id}
                  onChange={(e) => void changeRole(member, e.target.value as Role)}
                >
                  {roles.map((role) => (
                    <option key={role} value={role}>
                      {t(`roles.${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="nowrap">{formatDateTime(member.joinedAt, lang)}</td>
              <td>
                <button
                  type="button"
                  className="button small danger"
                  aria-label={t('members.list.removeLabel', { name: member.name })}
                  onClick={() => {
                    setNotice(undefined);
                    setRemoving(member);
                  }}
                >
                  {t('members.list.remove')}
                </button>
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      {removing && (
        <ConfirmDialog
          title={t('members.list.removeTitle')}
          confirmLabel={t('members.list.remove')}
          danger
          onClose={() => setRemoving(undefined)}
          onConfirm={async () => {
            await workspaceApi.removeMember(removing.id);
            setRemoving(undefined);
            setNotice({ ok: true, text: t('members.list.removed', { name: removing.name }) });
            if (removing.id === me) await useAccount.getState().check();
            members.reload();
          }}
        >
          <p>{t('members.list.removeBody', { name: removing.name, email: removing.email })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
