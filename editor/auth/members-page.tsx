/**
 * #/members (owners): the members of the current workspace with their roles, invitations, and
 * API tokens — three sections, each loading and changing its own list.
 */
import { useTranslation } from 'react-i18next';
import { useAccount, useCan } from './account-store.ts';
import { InvitationsSection } from './invitations-section.tsx';
import { MembersSection } from './members-section.tsx';
import { TokensSection } from './tokens-section.tsx';
import '../pages/pages.css';
import './auth.css';
import './members-page.css';

export function MembersPage() {
  const { t } = useTranslation('auth');
  const account = useAccount((s) => s.account);
  const can = useCan();
  if (!account) return null;
  if (!can('members:manage'))
    return (
      <div className="page">
        <p className="notice warn" role="alert">
          {t('gate.forbidden', { role: t(`roles.${account.workspace.role}`) })}
        </p>
      </div>
    );
  return (
    <div className="page members-page">
      <div className="page-head">
        <div>
          <h1>{t('members.title')}</h1>
          <p className="page-intro">{t('members.intro', { workspace: account.workspace.name })}</p>
        </div>
      </div>
      <MembersSection me={account.user.id} />
      <InvitationsSection />
      <TokensSection />
    </div>
  );
}
