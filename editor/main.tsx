/**
 * editor/ — the flow editor (React + @xyflow/react). Talks to the runtime over HTTP only (api/),
 * runs validation and the simulator in the browser. May import schema/, runtime/engine/,
 * runtime/simulator/ (not its node-only load-files.ts); never other runtime folders or node:*.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, parseRoute, preloadRoute } from './app.tsx';
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
// The shell waits for the current page's code (a page that fails to load is reported by the
// page itself, so the shell renders either way).
preloadRoute(parseRoute(window.location.hash)).then(render, render);
