import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME_PRIVILEGES, isAppUrl, serveApp } from '../../../../electron/shell/protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/web/static.js';

// <tmp>/renderer is served; <tmp>/secret.txt and <tmp>/renderer-evil/x sit next to it.
const base = mkdtempSync(join(tmpdir(), 'qx-protocol-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html><title>qx</title>');
writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
writeFileSync(join(base, 'secret.txt'), 'top secret');
mkdirSync(join(base, 'renderer-evil'));
writeFileSync(join(base, 'renderer-evil', 'x.html'), 'evil');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET'): Promise<Response> => serveApp(root, new Request(url, { method }));

describe('serveApp', () => {
  it('serves index.html with the CSP header', async () => {
    for (const url of [APP_INDEX_URL, 'app://console/']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toBe('<!doctype html><title>qx</title>');
    }
  });

  it('serves hashed assets with their type, cached for good', async () => {
    const res = await get('app://console/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://console/../../etc/passwd',
    'app://console/../secret.txt',
    'app://console/..%2fsecret.txt',
    'app://console/%2e%2e/secret.txt',
    'app://console/%2e%2e%2fsecret.txt',
    'app://console/assets/..%2f..%2fsecret.txt',
    'app://console/..%2frenderer-evil/x.html',
    'app://console/..%5csecret.txt',
    'app://console/index.html%00.js',
    'app://console/%E0%A4%A',
    'app://console/assets',
    'app://console/nope.js',
    'app://other/index.html',
  ])('refuses %s with 404', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain('secret');
    expect(body).not.toContain('evil');
  });

  it('serves nothing but GET and HEAD', async () => {
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
    const head = await get(APP_INDEX_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says the renderer is not built rather than showing a blank window', async () => {
    const res = await serveApp(join(base, 'missing'), new Request(APP_INDEX_URL));
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/not built/);
  });
});

describe('app scheme', () => {
  it('is standard and secure but neither CORS-readable nor CSP-bypassing', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).toBeFalsy();
  });

  it('isAppUrl accepts only the console origin', () => {
    expect(isAppUrl('app://console/index.html')).toBe(true);
    expect(isAppUrl('app://console')).toBe(true);
    for (const url of ['app://console.evil/', 'app://evil/console', 'https://console/', 'file:///console', '', 'app:console']) expect(isAppUrl(url), url).toBe(false);
  });
});
