/**
 * Vite build of the renderer. The page is served with `script-src 'self'; style-src 'self'`
 * (electron/web/static.ts), so the build must emit only linked files: no inline module-preload
 * polyfill script and no assets turned into data: URLs inside scripts. `base: '/'`: the page is
 * served at the root of its origin (app://console/ in Electron, http://host:port/ from the web
 * host) and also at client-side routes such as /wall/map, where a relative ./assets/… would
 * point under /wall/.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./renderer'),
  base: '/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // The console is offline and loaded from disk or the LAN: one bundle, a source map for support.
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { strictPort: false },
});
