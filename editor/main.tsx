/**
 * editor/ — the flow editor (React + @xyflow/react). Talks to the runtime over HTTP only (api/),
 * runs validation and the simulator in the browser. May import schema/, runtime/engine/,
 * runtime/simulator/ (not its node-only load-files.ts); never other runtime folders or node:*.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, parseRoute, preloadRoute } from './app.tsx';
import { useAccount } from './auth/account-store.ts';
import './i18n/setup.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The shell waits for the current page's code and for the server to say who is logged in, both
// at once (a page that fails to load is reported by the page itself, an unreachable server by
// the gate, so the shell renders either way).
// Someone logged out is shown the login screen, so its code is loaded then too.
const account = useAccount
  .getState()
  .check()
  .then(() =>
    useAccount.getState().status === 'anonymous'
      ? preloadRoute({ page: 'auth', auth: { page: 'login' } })
      : undefined,
  );
Promise.allSettled([preloadRoute(parseRoute(window.location.hash)), account]).then(render);
