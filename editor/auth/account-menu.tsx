/**
 * The account menu at the right of the header: who is logged in, the current workspace and the
 * user's role in it, a workspace switcher for people in several, the members page (owners) and
 * logout. A disclosure (button + panel of ordinary buttons and links): Escape or a click
 * outside closes it and the focus returns to the button.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount, useCan } from './account-store.ts';

export function AccountMenu() {
  const { t } = useTranslation('auth');
  const account = useAccount((s) => s.account);
  const switchWorkspace = useAccount((s) => s.switchWorkspace);
  const logout = useAccount((s) => s.logout);
  const can = useCan();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string>();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (refocus: boolean) => {
      setOpen(false);
      if (refocus) button.current?.focus();
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close(true);
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close(false);
    };
    const onFocus = (event: FocusEvent) => {
      if (!root.current?.contains(event.target as Node)) close(false);
    };
    // Following a link in the panel (or any navigation) closes it.
    const onHash = () => setOpen(false);
    window.addEventListener('hashchange', onHash);
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('focusin', onFocus);
    return () => {
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('focusin', onFocus);
    };
  }, [open]);

  if (!account) return null;
  const { user, workspace, workspaces } = account;
  const role = t(`roles.${workspace.role}`);
  const act = (work: () => Promise<void>, failed: string) => {
    setFailure(undefined);
    work().then(
      () => setOpen(false),
      (error: unknown) =>
        setFailure(t(failed, { message: error instanceof Error ? error.message : String(error) })),
    );
  };

  return (
    <div className="account-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('menu.button', { name: user.name, workspace: workspace.name, role })}
        onClick={() => setOpen((o) => !o)}
        data-testid="account-menu"
      >
        <span className="account-workspace">{workspace.name}</span>
        <span className="account-role">{role}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div id={panelId} className="account-panel">
          <p className="account-who">
            <span className="muted">{t('menu.signedInAs')}</span>
            <strong>{user.name}</strong>
            <span className="muted">{user.email}</span>
          </p>
          <p className="account-who">
            <span className="muted">{t('menu.workspace')}</span>
            <strong>{workspace.name}</strong>
            <span>{t('menu.role', { role })}</span>
          </p>
          {workspaces.length > 1 && (
            <fieldset className="account-switch">
              <legend className="muted">{t('menu.switchTo')}</legend>
              {workspaces.map((w) => (
                <button
                  key={w.id}
                  type="button"
                  className="account-item"
                  aria-current={w.id === workspace.id ? 'true' : undefined}
                  disabled={w.id === workspace.id}
                  onClick={() =>
                    act(async () => {
                      await switchWorkspace(w.id);
                      window.location.hash = '/flows';
                    }, 'menu.switchFailed')
                  }
                >
                  {w.name} <span className="muted">{t(`roles.${w.role}`)}</span>
                  {w.id === workspace.id && <span className="muted"> {t('menu.current')}</span>}
                </button>
              ))}
            </fieldset>
          )}
          {can('members:manage') && (
            <a className="account-item" href="#/members">
              {t('menu.members')}
            </a>
          )}
          <button
            type="button"
            className="account-item"
            onClick={() =>
              act(async () => {
                await logout();
                window.location.replace('#/login');
              }, 'menu.logoutFailed')
            }
          >
            {t('menu.logout')}
          </button>
          {failure && (
            <p className="notice error" role="alert">
              {failure}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
