/** Start-up and shutdown decisions of the Electron shell, kept out of main.ts so they can be tested. */
import { join } from 'node:path';
import type { App } from 'electron';
import type { CoreConfig } from '../core/core.js';
import { ResourceError } from '../core/resources.js';
import { coreConfig, drillDir, USAGE, type HostOptions } from '../node/options.js';

/** Host options that take no value. */
const FLAG_OPTIONS: ReadonlySet<string> = new Set(['drill']);

/** Long options the hosts understand, read from USAGE so the two cannot drift apart. */
const OWN_OPTIONS: ReadonlySet<string> = new Set([...USAGE.matchAll(/^\s+--([a-z][a-z-]*)/gm)].map((m) => m[1]));

/**
 * Our own options out of Electron's argv. It starts with the binary, then (when run as
 * `electron <app>` rather than packaged) the app path, and it also carries Chromium switches
 * such as --no-sandbox that parseHostOptions would reject: those are set aside in `ignored`.
 * Every host option but the flags (--drill) takes a value, as `--opt value` or `--opt=value`.
 */
export function hostArgv(argv: readonly string[], defaultApp: boolean): { args: string[]; ignored: string[] } {
  const rest = argv.slice(defaultApp ? 2 : 1);
  const args: string[] = [];
  const ignored: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const m = /^--([^=]+)(=.*)?$/s.exec(rest[i]);
    if (m && OWN_OPTIONS.has(m[1])) {
      args.push(rest[i]);
      if (m[2] === undefined && !FLAG_OPTIONS.has(m[1]) && i + 1 < rest.length) args.push(rest[++i]);
    } else ignored.push(rest[i]);
  }
  return { args, ignored };
}

export interface ShellPaths {
  readonly isPackaged: boolean;
  /** process.resourcesPath: where electron-builder's extraResources land. */
  readonly resourcesPath: string;
  /** app.getAppPath(): the app folder or app.asar. */
  readonly appPath: string;
  /** app.getPath('userData'). */
  readonly userData: string;
  /** The project folder when running unpackaged. */
  readonly appRoot: () => string;
}

/**
 * Where the desktop app keeps its data and finds its files. The data folder is the per-user
 * app folder unless the operator chose one (--data or QX_DATA, as for the web host).
 */
export function shellConfig(
  opts: HostOptions,
  args: readonly string[],
  paths: ShellPaths,
  env: NodeJS.ProcessEnv = process.env,
): { core: CoreConfig; rendererDir: string } {
  const dataChosen = args.some((a) => a === '--data' || a.startsWith('--data=')) || Boolean(env.QX_DATA);
  const root = paths.isPackaged ? null : paths.appRoot();
  const resourcesDir = root === null ? join(paths.resourcesPath, 'resources') : join(root, 'resources');
  return {
    core: coreConfig(opts, dataChosen ? opts.dataDir : drillDir(paths.userData, opts.drill), resourcesDir),
    rendererDir: root === null ? join(paths.appPath, 'dist', 'renderer') : join(root, 'dist', 'renderer'),
  };
}

/** One sentence for the operator when the core cannot start. */
export function describeStartError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (e instanceof ResourceError || err.name === 'DatabaseTooNewError' || err.name === 'MapFileError') return err.message;
  if (err.code === 'EADDRINUSE')
    return `A port is already in use (${err.message}). Is another Quanxiang console or broker running? Choose another with --mqtt-port or use --broker.`;
  return `Failed to start: ${err.message ?? String(e)}`;
}

export const CLOSE_TIMEOUT_MS = 5000;

/**
 * Closes the core before the app quits: the first before-quit is held back until close()
 * settles (the store must be closed cleanly, the outbox flushed), then quit is called again.
 * A close that hangs must not keep a dispatcher from restarting the app: after `timeoutMs`
 * it quits anyway.
 */
export function closeBeforeQuit(app: Pick<App, 'on' | 'quit'>, close: () => Promise<void>, timeoutMs: number = CLOSE_TIMEOUT_MS): void {
  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        console.error(`[shell] the core did not close within ${timeoutMs} ms; quitting anyway`);
        resolve();
      }, timeoutMs);
    });
    void Promise.race([close().catch((e: unknown) => console.error('[shell] closing the core failed:', e)), timeout]).then(() => {
      clearTimeout(timer);
      state = 'closed';
      app.quit();
    });
  });
}
