/**
 * Builds the map bench page with Vite into a temporary folder and serves it (and the console's
 * basemap) on 127.0.0.1, for bench/map.ts and the e2e map tests. Nothing leaves the machine.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';

const HERE = import.meta.dirname;
const ROOT = join(HERE, '..', '..');
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/json',
  '.map': 'application/json',
};

export interface MapPageServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveMapPage(): Promise<MapPageServer> {
  const out = mkdtempSync(join(tmpdir(), 'qx-map-page-'));
  await build({
    configFile: false,
    root: HERE,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, minify: process.env.QX_MINIFY !== '0', target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 5000, assetsInlineLimit: 0 },
  });
  const files: Readonly<Record<string, string>> = { '/basemap.geojson': join(ROOT, 'resources', 'map', 'training-city.geojson') };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = files[path] ?? join(out, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(out) && !(path in files)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(out, { recursive: true, force: true });
    },
  };
}
