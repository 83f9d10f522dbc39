/**
 * The editor's build. Everything is bundled locally — Monaco and its JSON worker included — so
 * the product never loads code from a CDN. `npm run dev` proxies /api and /vonage to the runtime.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'editor',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/editor',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:8787', '/vonage': 'http://127.0.0.1:8787' },
  },
  worker: { format: 'es' },
});
