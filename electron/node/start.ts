/**
 * `npm start`: the desktop app when Electron's binary is installed, else the same console in
 * the browser. Electron's package downloads its binary on install, which fails on machines
 * without internet (and its index.js would retry the download on require), so the binary is
 * looked for on disk, never through require('electron'). The process that runs the core is
 * started with the garbage collector chosen for the machine (gc.ts): a V8 flag that only a
 * process's command line can set, so on such machines the web host runs as a child too.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseGc, GcSettingError, runningGc, SINGLE_THREADED_GC_FLAG, type GcChoice } from './gc.js';
import { appRoot } from './options.js';

/** The Electron executable under `root`, or null if it is not installed. Mirrors electron/index.js. */
export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  let relative: string;
  try {
    relative = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (relative === '') return null;
  const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

export const NO_ELECTRON_MESSAGE =
  "Electron's binary is not installed on this machine (it is downloaded on first install where there is internet).\n" +
  'Serving the console in the browser instead:';

/** What `npm start` runs: Electron, the web host in a node of its own, or the web host in this process. */
export type LaunchPlan =
  | { readonly kind: 'electron' | 'web-child'; readonly command: string; readonly args: readonly string[]; readonly gc: GcChoice }
  | { readonly kind: 'web'; readonly gc: GcChoice };

export interface LaunchContext {
  readonly env: NodeJS.ProcessEnv;
  readonly cpus: number;
  /** This process's node flags and executable. */
  readonly execArgv: readonly string[];
  readonly execPath: string;
  /** The web host's entry point (web.js beside this file). */
  readonly webEntry: string;
}

/** Decides how to start; throws GcSettingError for a bad QX_GC. */
export function launchPlan(root: string, argv: readonly string[], ctx: LaunchContext): LaunchPlan {
  const gc = chooseGc(ctx.env, ctx.cpus);
  const binary = findElectronBinary(root, ctx.env);
  // Electron takes V8 flags for its main process (where the core runs) as a Chromium switch.
  if (binary) return { kind: 'electron', command: binary, args: [root, ...(gc.mode === 'single' ? [`--js-flags=${SINGLE_THREADED_GC_FLAG}`] : []), ...argv], gc };
  if (gc.mode === 'single' && runningGc(ctx.execArgv) !== 'single') {
    return { kind: 'web-child', command: ctx.execPath, args: [SINGLE_THREADED_GC_FLAG, ...ctx.execArgv, ctx.webEntry, ...argv], gc };
  }
  return { kind: 'web', gc };
}

function runChild(what: string, command: string, args: readonly string[]): void {
  // Inherited, this variable would make Electron run as plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(command, args, { stdio: 'inherit', env });
  // Ctrl+C reaches the child through the terminal; a service manager's SIGTERM only reaches us.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => {
    console.error(`quanxiang: could not run ${what} (${command}):`, e.message);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const root = appRoot();
  let plan: LaunchPlan;
  try {
    const webEntry = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './web.ts' : './web.js', import.meta.url));
    plan = launchPlan(root, argv, { env: process.env, cpus: availableParallelism(), execArgv: process.execArgv, execPath: process.execPath, webEntry });
  } catch (e) {
    if (!(e instanceof GcSettingError)) throw e;
    console.error(`quanxiang: ${e.message}`);
    process.exit(2);
  }
  if (plan.kind === 'electron') {
    runChild('Electron', plan.command, plan.args);
    return;
  }
  console.log(NO_ELECTRON_MESSAGE);
  if (plan.kind === 'web-child') {
    runChild('the web host', plan.command, plan.args);
    return;
  }
  // Loaded only on this path: with Electron, this launcher process never needs the core.
  const { serveWeb } = await import('./host.js');
  await serveWeb(argv);
}

// Run only as the entry point (dist/node/start.js), not when a test imports this module.
const entry = process.argv[1];
if (entry && existsSync(entry) && realpathSync(entry) === fileURLToPath(import.meta.url)) void main();
