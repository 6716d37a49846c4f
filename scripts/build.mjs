// Builds everything into dist/: the renderer with Vite, the Node entry points and the Electron
// main/preload with esbuild. `--if-stale` skips the build when dist/ is newer than every source.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['shared', 'electron', 'renderer', 'resources/locales', 'package.json', 'vite.config.ts', 'scripts/build.mjs'];
const OUTPUTS = ['dist/renderer/index.html', 'dist/node/web.js', 'dist/node/start.js', 'dist/node/simulate.js', 'dist/node/drill.js', 'dist/node/link-worker.js', 'dist/electron/main.js', 'dist/electron/link-worker.js', 'dist/electron/preload.cjs'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function stale() {
  const outputs = OUTPUTS.map((o) => join(root, o));
  if (!outputs.every((o) => existsSync(o))) return true;
  const built = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  return Math.max(...SOURCES.map((s) => newest(join(root, s)))) > built;
}

if (process.argv.includes('--if-stale') && !stale()) process.exit(0);

const started = Date.now();
const { build: viteBuild } = await import('vite');
await viteBuild({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });

const common = { bundle: true, sourcemap: true, logLevel: 'warning', target: 'node20', absWorkingDir: root };
await esbuild({
  ...common,
  entryPoints: { web: 'electron/node/web.ts', start: 'electron/node/start.ts', simulate: 'electron/node/simulate.ts', drill: 'electron/node/drill.ts', 'link-worker': 'electron/core/field/link-worker.ts' },
  outdir: 'dist/node',
  platform: 'node',
  format: 'esm',
  packages: 'external',
});
await esbuild({
  ...common,
  entryPoints: { main: 'electron/shell/main.ts', 'link-worker': 'electron/core/field/link-worker.ts' },
  outdir: 'dist/electron',
  platform: 'node',
  format: 'esm',
  packages: 'external',
});
await esbuild({
  ...common,
  entryPoints: { preload: 'electron/shell/preload.ts' },
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  platform: 'browser',
  format: 'cjs',
  external: ['electron'],
});
console.log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
