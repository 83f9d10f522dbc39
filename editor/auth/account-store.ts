/**
 * Who is logged in, for the whole editor (zustand, like the flow store). The gate reads
 * `status`; pages ask `useCan()('flows:edit')`. The API client tells the store when a call
 * answers 401 (the session expired or was ended elsewhere): the account is kept and `expired`
 * is set, so the login screen can show over the page and the page keeps what was typed.
 */
import { create } from 'zustand';
import { type Account, authApi, type Role } from '../api/auth-client.ts';
import { ApiError, onSessionEnded, setCsrfToken } from '../api/client.ts';
import { type Action, allowed } from './permissions.ts';

export interface AccountState {
  /** checking: asking /api/auth/me; unreachable: the server could not answer that. */
  status: 'checking' | 'anonymous' | 'in' | 'unreachable';
  account: Account | undefined;
  /** The session ended while the editor was open (the account is the one that was logged in). */
  expired: boolean;
  /** Why /api/auth/me could not be asked (status 'unreachable'). */
  error: string | undefined;
  check(): Promise<void>;
  loggedIn(account: Account): void;
  logout(): Promise<void>;
  switchWorkspace(workspaceId: string): Promise<void>;
  sessionEnded(): void;
}

export const useAccount = create<AccountState>()((set, get) => ({
  status: 'checking',
  account: undefined,
  expired: false,
  error: undefined,

  async check() {
    set({ status: 'checking', error: undefined });
    try {
      get().loggedIn(await authApi.me());
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        setCsrfToken(undefined);
        set({ status: 'anonymous', account: undefined, expired: false });
      } else set({ status: 'unreachable', error: error instanceof Error ? error.message : String(error) });
    }
  },

  loggedIn(account) {
    setCsrfToken(account.csrfToken);
    set({ status: 'in', account, expired: false, error: undefined });
  },

  async logout() {
    try {
      await authApi.logout();
    } catch (error) {
      // An expired session is logged out already; anything else leaves the user logged in.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(undefined);
    set({ status: 'anonymous', account: undefined, expired: false });
  },

  async switchWorkspace(workspaceId) {
    get().loggedIn(await authApi.switchWorkspace(workspaceId));
  },

  sessionEnded() {
    if (get().status === 'in') set({ expired: true });
  },
}));

onSessionEnded(() => useAccount.getState().sessionEnded());

/** The current user's role in the current workspace (undefined when nobody is logged in). */
export const useRole = (): Role | undefined => useAccount((s) => s.account?.workspace.role);

/** `can(action)`: whether the current role may do it (permissions.ts holds the table). */
export function useCan(): (action: Action) => boolean {
  const role = useRole();
  return (action) => allowed(role, action);
}
