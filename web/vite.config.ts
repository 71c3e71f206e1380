// Builds the web app (web/) into dist/web, served under /static/ by src/http/web/app-shell.ts.
import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** Writes NAME.gz beside each script and stylesheet, which app-shell.ts sends to browsers that take gzip. */
function precompress(): Plugin {
  return {
    name: 'corkboard-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      for (const name of Object.keys(bundle).filter((n) => /\.(js|css)$/.test(n))) {
        const file = path.join(options.dir!, name);
        await writeFile(`${file}.gz`, gzipSync(await readFile(file), { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/static/',
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The shell must run under the page CSP (script-src 'self'): no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
