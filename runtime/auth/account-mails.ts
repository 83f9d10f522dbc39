/** The words of the account emails: Japanese first, English under it. */
import type { Role } from '../store/accounts-types.ts';
import { type AccountMail, linkMail } from './mailer.ts';

const roleWords: Record<Role, string> = {
  owner: 'オーナー / owner',
  editor: '編集者 / editor',
  operator: 'オペレーター / operator',
  viewer: '閲覧者 / viewer',
};

export const passwordResetMail = (to: string, link: string): AccountMail =>
  linkMail(
    to,
    'flowcall パスワードの再設定 / Reset your password',
    [
      'flowcall のパスワードを再設定するには、1時間以内に次のリンクを開いてください。',
      '心当たりがない場合は、このメールを無視してください。パスワードは変わりません。',
      '',
      'To reset your flowcall password, open this link within one hour.',
      'If you did not ask for it, ignore this email: your password stays as it is.',
    ],
    link,
    'パスワードを再設定する / Reset the password',
  );

export const invitationMail = (
  to: string,
  workspace: string,
  inviter: string,
  role: Role,
  link: string,
): AccountMail =>
  linkMail(
    to,
    `flowcall「${workspace}」への招待 / Invitation to ${workspace}`,
    [
      `${inviter} さんが flowcall のワークスペース「${workspace}」にあなたを招待しました（役割: ${roleWords[role]}）。`,
      '7日以内に次のリンクを開いて、招待を受けてください。',
      '',
      `${inviter} invited you to the flowcall workspace "${workspace}". Open this link within 7 days to join.`,
    ],
    link,
    '招待を受ける / Accept the invitation',
  );
