/**
 * Login and the console's lifetime. With the Electron bridge there is nothing to log in to; in a
 * browser the page needs the host's token (from `#token=…` once, then sessionStorage) and shows
 * the login screen when it has none or the host denies it.
 */
import { bridgeSession, electronBridge, webSession } from '../api/bridge';
import { takeToken } from '../api/ws-client';
import { ExternalStore } from './external-store';
import { startRuntime, type Runtime } from './runtime';

export type Phase =
  | { readonly kind: 'login'; readonly denied: boolean; readonly actor: string }
  | { readonly kind: 'console'; readonly runtime: Runtime };

const TOKEN_KEY = 'qx.token';
const ACTOR_KEY = 'qx.actor';
/** Recorded with every event when the dispatcher gave no name. */
export const DEFAULT_ACTOR = 'dispatcher';

export class SessionManager extends ExternalStore<Phase> {
  private offState: (() => void) | null = null;

  constructor(private readonly storage: Storage) {
    super({ kind: 'login', denied: false, actor: storage.getItem(ACTOR_KEY) ?? '' });
  }

  /** Decides once at start-up: Electron bridge, a token we already have, or the login screen. */
  start(loc: Location): void {
    const actor = this.storage.getItem(ACTOR_KEY) || DEFAULT_ACTOR;
    const bridge = electronBridge();
    if (bridge) {
      this.setState({ kind: 'console', runtime: startRuntime(bridgeSession(bridge, actor)) });
      return;
    }
    const token = takeToken(loc, this.storage);
    if (token) this.connect(token, actor);
  }

  login(token: string, actor: string): void {
    this.storage.setItem(TOKEN_KEY, token);
    if (actor) this.storage.setItem(ACTOR_KEY, actor);
    else this.storage.removeItem(ACTOR_KEY);
    this.connect(token, actor || DEFAULT_ACTOR);
  }

  private connect(token: string, actor: string): void {
    this.stop();
    const runtime = startRuntime(webSession(token, actor));
    this.offState = runtime.session.onState((s) => {
      if (s !== 'denied') return;
      // A wrong token is not retried: forget it and ask the dispatcher for the right one.
      this.storage.removeItem(TOKEN_KEY);
      this.stop();
      this.setState({ kind: 'login', denied: true, actor: this.storage.getItem(ACTOR_KEY) ?? '' });
    });
    this.setState({ kind: 'console', runtime });
  }

  private stop(): void {
    this.offState?.();
    this.offState = null;
    const s = this.getState();
    if (s.kind === 'console') s.runtime.dispose();
  }
}
