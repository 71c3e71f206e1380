// Builds the web app (web/) into dist/web, served under /static/ by src/http/web/app-shell.ts.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/static/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The shell must run under the page CSP (script-src 'self'): no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
