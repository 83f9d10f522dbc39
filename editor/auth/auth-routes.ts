/**
 * The screens reached without being logged in — #/login[?next=…], #/forgot, #/reset?token=…,
 * #/setup?token=…, #/invite?token=… (the emailed and printed links) — and where a login returns
 * to. `next` is a route of this editor only (a hash path), never a URL, so a crafted link cannot
 * send someone elsewhere after they log in.
 */
export type AuthRoute =
  | { page: 'login'; next?: string }
  | { page: 'forgot' }
  | { page: 'reset'; token: string }
  | { page: 'setup'; token: string }
  | { page: 'invite'; token: string };

const authPages = new Set(['login', 'forgot', 'reset', 'setup', 'invite']);

/** The auth screen `first` (the hash's first segment) names, or undefined for any other page. */
export function parseAuthRoute(first: string, query: URLSearchParams): AuthRoute | undefined {
  const token = query.get('token') ?? '';
  switch (first) {
    case 'login': {
      const next = safeNext(query.get('next'));
      return next ? { page: 'login', next } : { page: 'login' };
    }
    case 'forgot':
      return { page: 'forgot' };
    case 'reset':
    case 'setup':
    case 'invite':
      return { page: first, token };
    default:
      return undefined;
  }
}

/**
 * A route to return to after logging in: a path of this editor ("/history", "/flows/a?x=1"),
 * not a protocol-relative or absolute URL, and not the login screen itself.
 */
export function safeNext(next: string | null | undefined): string | undefined {
  if (!next?.startsWith('/') || next.startsWith('//') || /[\\\s]/.test(next)) return undefined;
  const first = next.slice(1).split(/[/?]/)[0] ?? '';
  if (first === 'login' || first === 'forgot' || first === 'reset' || first === 'setup') return undefined;
  return next;
}

/** The login screen's hash, remembering the page it interrupts (the hash without its "#"). */
export function loginHash(currentHash: string): string {
  const next = safeNext(currentHash.replace(/^#/, ''));
  return next && next !== '/' ? `#/login?next=${encodeURIComponent(next)}` : '#/login';
}

/** Where a login goes: the page it interrupted, else the flows. */
export const afterLogin = (route: { next?: string }): string => route.next ?? '/flows';

export const isAuthPage = (first: string): boolean => authPages.has(first);

/** How long to wait before trying again, in the unit people would say it in. */
export function waitAmount(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  const whole = Math.max(1, Math.ceil(seconds));
  return whole < 60 ? { unit: 'seconds', count: whole } : { unit: 'minutes', count: Math.ceil(whole / 60) };
}

export type GateView =
  /** Nothing yet: asking the server who is logged in. */
  | { show: 'checking' }
  | { show: 'unreachable' }
  | { show: 'auth' }
  | { show: 'app' }
  /** Going elsewhere first (replace the hash with `hash`; nothing to draw meanwhile). */
  | { show: 'redirect'; hash: string };

/**
 * What the editor shows for a login status and a route: the auth screens as asked (a logged-in
 * visit to the login or setup screen goes on to its `next`), the app when logged in, and the
 * login screen — remembering the page — when not.
 */
export function gateView(
  status: 'checking' | 'anonymous' | 'in' | 'unreachable',
  authRoute: AuthRoute | undefined,
  hash: string,
): GateView {
  if (status === 'checking' || status === 'unreachable') return { show: status };
  if (authRoute) {
    if (status === 'in' && authRoute.page === 'login')
      return { show: 'redirect', hash: `#${afterLogin(authRoute)}` };
    if (status === 'in' && authRoute.page === 'setup') return { show: 'redirect', hash: '#/flows' };
    return { show: 'auth' };
  }
  return status === 'in' ? { show: 'app' } : { show: 'redirect', hash: loginHash(hash) };
}
