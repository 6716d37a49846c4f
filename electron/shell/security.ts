/**
 * Hardening for every web contents the app ever creates. The renderer shows the public's
 * emergency calls and drives dispatch: it must never leave app://console, open windows,
 * embed guests or be granted device access, whatever a bug or injected markup tries.
 */
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './protocol.js';

/** Fullscreen lets a wall screen fill its display; nothing else (camera, geolocation, …) is granted. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

interface Preventable {
  readonly url: string;
  preventDefault(): void;
}

const stayOnOrigin = (event: Preventable): void => {
  if (!isAppUrl(event.url)) event.preventDefault();
};

export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  // will-navigate covers links and location changes in the top frame, will-frame-navigate
  // the same in subframes, will-redirect a server redirect during either.
  contents.on('will-navigate', stayOnOrigin);
  contents.on('will-frame-navigate', stayOnOrigin);
  contents.on('will-redirect', stayOnOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin));
}

/** Applies hardenWebContents to every window, devtools or guest as it is created. */
export function hardenApp(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
