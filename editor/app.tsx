/**
 * The editor shell: header with navigation, the account menu and the language switch, and a
 * small hash router (#/flows, #/flows/<id>, #/numbers, #/hours, #/contacts, #/channels,
 * #/history[/<call>], #/stats, #/members, and the screens before logging in: #/login, #/forgot,
 * #/reset, #/setup, #/invite) — hash routes need no server configuration. The auth gate
 * (auth/auth-gate.tsx) shows the editor only to someone logged in.
 */
import { type ComponentType, lazy, Suspense, startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountMenu } from './auth/account-menu.tsx';
import { useAccount, useCan } from './auth/account-store.ts';
import { AuthGate } from './auth/auth-gate.tsx';
import { type AuthRoute, parseAuthRoute } from './auth/auth-routes.ts';
import { LanguageSwitch } from './i18n/language-switch.tsx';

/**
 * A page whose code is loaded on demand. `preload` starts the import (once); a page whose code
 * has arrived renders at once. Only one still loading goes through React.lazy, which suspends —
 * and React keeps a fallback it has shown for at least 300 ms (its fallback throttle).
 */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then((component) => {
      loaded = component;
      return component;
    });
    return loading;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Page(props: P) {
    // Chosen once per mount: switching from Lazy to the loaded component would remount the page.
    const [Component] = useState(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return { Page, preload };
}

const flowsList = page(() => import('./pages/flows-list-page.tsx').then((m) => m.FlowsListPage));
const flowPage = page(() => import('./flow-page/flow-page.tsx').then((m) => m.FlowPage));
const numbersPage = page(() => import('./pages/numbers-page.tsx').then((m) => m.NumbersPage));
const hoursPage = page(() => import('./pages/hours-page.tsx').then((m) => m.HoursPage));
const contactsPage = page(() => import('./pages/contacts-page.tsx').then((m) => m.ContactsPage));
const channelsPage = page(() => import('./pages/channels-page.tsx').then((m) => m.ChannelsPage));
const FlowsListPage = flowsList.Page;
const FlowPage = flowPage.Page;
const NumbersPage = numbersPage.Page;
const HoursPage = hoursPage.Page;
const ContactsPage = contactsPage.Page;
const ChannelsPage = channelsPage.Page;
const callLogPage = page(() => import('./history/call-log-page.tsx').then((m) => m.CallLogPage));
const callDetailPage = page(() => import('./history/call-detail-page.tsx').then((m) => m.CallDetailPage));
const dashboardPage = page(() => import('./history/dashboard-page.tsx').then((m) => m.DashboardPage));
const CallLogPage = callLogPage.Page;
const CallDetailPage = callDetailPage.Page;
const DashboardPage = dashboardPage.Page;
const authScreens = page(() => import('./auth/auth-screens.tsx').then((m) => m.AuthScreens));
const membersPage = page(() => import('./auth/members-page.tsx').then((m) => m.MembersPage));
const AuthScreens = authScreens.Page;
const MembersPage = membersPage.Page;

/**
 * Loads the code of the page a route shows. main.tsx waits for it before the first render, so
 * the page's code loads alongside the shell's and the page is drawn with it.
 */
export function preloadRoute(route: Route): Promise<unknown> {
  const pages = {
    flows: flowsList,
    flow: flowPage,
    numbers: numbersPage,
    hours: hoursPage,
    contacts: contactsPage,
    channels: channelsPage,
    history: callLogPage,
    call: callDetailPage,
    stats: dashboardPage,
    auth: authScreens,
    members: membersPage,
  };
  return route.page === 'not-found' ? Promise.resolve() : pages[route.page].preload();
}

export type Route =
  | { page: 'flows' }
  | { page: 'flow'; flowId: string }
  | { page: 'numbers' }
  | { page: 'hours'; scheduleId?: string }
  | { page: 'contacts' }
  | { page: 'channels' }
  | { page: 'history' }
  | { page: 'call'; callId: string }
  | { page: 'stats' }
  | { page: 'members' }
  | { page: 'auth'; auth: AuthRoute }
  | { page: 'not-found' };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  const auth = first ? parseAuthRoute(first, new URLSearchParams(query)) : undefined;
  if (auth) return { page: 'auth', auth };
  if (first === 'members') return { page: 'members' };
  if (!first || first === 'flows') return second ? { page: 'flow', flowId: second } : { page: 'flows' };
  if (first === 'numbers') return { page: 'numbers' };
  if (first === 'hours') return second ? { page: 'hours', scheduleId: second } : { page: 'hours' };
  if (first === 'contacts') return { page: 'contacts' };
  if (first === 'channels') return { page: 'channels' };
  if (first === 'history') return second ? { page: 'call', callId: second } : { page: 'history' };
  if (first === 'stats') return { page: 'stats' };
  return { page: 'not-found' };
}

export function navigate(path: string): void {
  window.location.hash = path;
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    // A transition: the page on screen stays until the next one's code has loaded, instead of a
    // loading line that React would keep for at least 300 ms.
    const onChange = () => {
      const next = parseRoute(window.location.hash);
      startTransition(() => setRoute(next));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function App() {
  const route = useRoute();
  return (
    <AuthGate
      authRoute={route.page === 'auth' ? route.auth : undefined}
      authScreen={
        route.page === 'auth' && (
          <Suspense fallback={null}>
            <AuthScreens route={route.auth} />
          </Suspense>
        )
      }
    >
      <Shell route={route} />
    </AuthGate>
  );
}

/** The editor for someone logged in: header, and the route's page. */
function Shell({ route }: { route: Route }) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation('auth');
  const can = useCan();
  // Another workspace (or account) is another set of flows, numbers and calls: pages start afresh.
  const workspaceKey = useAccount((s) => `${s.account?.user.id}:${s.account?.workspace.id}`);
  const navItems = [
    { href: '#/flows', label: t('nav.flows'), active: route.page === 'flows' || route.page === 'flow' },
    { href: '#/numbers', label: t('nav.numbers'), active: route.page === 'numbers' },
    { href: '#/hours', label: t('nav.hours'), active: route.page === 'hours' },
    { href: '#/contacts', label: t('nav.contacts'), active: route.page === 'contacts' },
    { href: '#/channels', label: t('nav.channels'), active: route.page === 'channels' },
    { href: '#/history', label: t('nav.history'), active: route.page === 'history' || route.page === 'call' },
    { href: '#/stats', label: t('nav.stats'), active: route.page === 'stats' },
    ...(can('members:manage')
      ? [{ href: '#/members', label: ta('nav.members'), active: route.page === 'members' }]
      : []),
  ];
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/flows">
          {t('appName')}
        </a>
        <nav aria-label={t('appName')}>
          {navItems.map((item) => (
            <a key={item.href} href={item.href} aria-current={item.active ? 'page' : undefined}>
              {item.label}
            </a>
          ))}
        </nav>
        <AccountMenu />
        <LanguageSwitch />
      </header>
      <main className="app-main" key={workspaceKey}>
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          {route.page === 'flows' && <FlowsListPage />}
          {route.page === 'flow' && <FlowPage key={route.flowId} flowId={route.flowId} />}
          {route.page === 'numbers' && <NumbersPage />}
          {route.page === 'hours' && (
            <HoursPage {...(route.scheduleId ? { scheduleId: route.scheduleId } : {})} />
          )}
          {route.page === 'contacts' && <ContactsPage />}
          {route.page === 'channels' && <ChannelsPage />}
          {route.page === 'history' && <CallLogPage />}
          {route.page === 'call' && <CallDetailPage key={route.callId} callId={route.callId} />}
          {route.page === 'stats' && <DashboardPage />}
          {route.page === 'members' && <MembersPage />}
          {route.page === 'not-found' && <p>{t('notFound')}</p>}
        </Suspense>
      </main>
    </div>
  );
}
