/**
 * The editor shell: header with navigation and the language switch, and a small hash router
 * (#/flows, #/flows/<id>, #/numbers, #/hours) — hash routes need no server configuration.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from './i18n/setup.ts';

const FlowsListPage = lazy(() =>
  import('./pages/flows-list-page.tsx').then((m) => ({ default: m.FlowsListPage })),
);
const FlowPage = lazy(() => import('./flow-page/flow-page.tsx').then((m) => ({ default: m.FlowPage })));
const NumbersPage = lazy(() => import('./pages/numbers-page.tsx').then((m) => ({ default: m.NumbersPage })));
const HoursPage = lazy(() => import('./pages/hours-page.tsx').then((m) => ({ default: m.HoursPage })));

export type Route =
  | { page: 'flows' }
  | { page: 'flow'; flowId: string }
  | { page: 'numbers' }
  | { page: 'hours'; scheduleId?: string }
  | { page: 'not-found' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (!first || first === 'flows') return second ? { page: 'flow', flowId: second } : { page: 'flows' };
  if (first === 'numbers') return { page: 'numbers' };
  if (first === 'hours') return second ? { page: 'hours', scheduleId: second } : { page: 'hours' };
  return { page: 'not-found' };
}

export function navigate(path: string): void {
  window.location.hash = path;
}

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const other: Language = i18n.language === 'en' ? 'ja' : 'en';
  const navItems = [
    { href: '#/flows', label: t('nav.flows'), active: route.page === 'flows' || route.page === 'flow' },
    { href: '#/numbers', label: t('nav.numbers'), active: route.page === 'numbers' },
    { href: '#/hours', label: t('nav.hours'), active: route.page === 'hours' },
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
        <button
          type="button"
          className="language-switch"
          onClick={() => setLanguage(other)}
          aria-label={t('languageLabel')}
          lang={other}
        >
          {t('language')}
        </button>
      </header>
      <main className="app-main">
        <Suspense fallback={<p className="loading">{t('loading')}</p>}>
          {route.page === 'flows' && <FlowsListPage />}
          {route.page === 'flow' && <FlowPage key={route.flowId} flowId={route.flowId} />}
          {route.page === 'numbers' && <NumbersPage />}
          {route.page === 'hours' && (
            <HoursPage {...(route.scheduleId ? { scheduleId: route.scheduleId } : {})} />
          )}
          {route.page === 'not-found' && <p>{t('notFound')}</p>}
        </Suspense>
      </main>
    </div>
  );
}
