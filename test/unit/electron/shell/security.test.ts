import type { App, Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, hardenApp, hardenSession, hardenWebContents } from '../../../../electron/shell/security.js';
import { app, BrowserWindow, resetStubs, StubSession, StubWebContents, stubEvent } from '../../../stubs/electron.js';

beforeEach(() => resetStubs());

function hardened(): StubWebContents {
  const contents = new StubWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

/** Emits a navigation event as Electron does and says whether it went ahead. */
function navigates(contents: StubWebContents, event: string, url: string): boolean {
  const e = stubEvent({ url });
  contents.emit(event, e, url);
  return !e.defaultPrevented;
}

describe('hardenWebContents', () => {
  const away = ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'not a url'];

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: denies leaving app://console, allows staying', (event) => {
    const contents = hardened();
    for (const url of away) expect(navigates(contents, event, url), url).toBe(false);
    expect(navigates(contents, event, 'app://console/index.html')).toBe(true);
    expect(navigates(contents, event, 'app://console/other.html#x')).toBe(true);
  });

  it('denies every window.open, same origin included', () => {
    const contents = hardened();
    const handler = contents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of [...away, 'app://console/index.html']) expect(handler?.({ url })).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', () => {
    const contents = hardened();
    const e = stubEvent({});
    contents.emit('will-attach-webview', e, {}, { src: 'https://example.com' });
    expect(e.defaultPrevented).toBe(true);
  });
});

describe('hardenSession', () => {
  const permissions = ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'midiSysex', 'unknown'];

  function session(): StubSession {
    const s = new StubSession();
    hardenSession(s as unknown as Session);
    return s;
  }
  function request(s: StubSession, permission: string, requestingUrl: string): boolean {
    let granted: boolean | null = null;
    s.requestHandler?.(null, permission, (g) => (granted = g), { requestingUrl });
    if (granted === null) throw new Error('the handler did not answer');
    return granted;
  }

  it('only allows the allow-list', () => {
    expect([...ALLOWED_PERMISSIONS]).toEqual(['fullscreen']);
  });

  it('denies permission requests except fullscreen from the console page', () => {
    const s = session();
    for (const p of permissions) expect(request(s, p, 'app://console/index.html'), p).toBe(false);
    expect(request(s, 'fullscreen', 'app://console/index.html')).toBe(true);
    expect(request(s, 'fullscreen', 'https://example.com/')).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const s = session();
    const check = s.checkHandler;
    expect(check).not.toBeNull();
    for (const p of permissions) expect(check?.(null, p, 'app://console', {}), p).toBe(false);
    expect(check?.(null, 'fullscreen', 'app://console', {})).toBe(true);
    expect(check?.(null, 'fullscreen', 'https://example.com', {})).toBe(false);
  });
});

describe('hardenApp', () => {
  it('hardens web contents created after it, such as a new window', () => {
    hardenApp(app as unknown as App);
    const win = new BrowserWindow();
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(navigates(win.webContents, 'will-navigate', 'https://example.com')).toBe(false);
  });
});
