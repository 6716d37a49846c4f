/**
 * `npm start`: the desktop app when Electron's binary is installed, else the same console in
 * the browser. Electron's package downloads its binary on install, which fails on machines
 * without internet (and its index.js would retry the download on require), so the binary is
 * looked for on disk, never through require('electron').
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

function runElectron(binary: string, root: string, argv: readonly string[]): void {
  // Inherited, this variable would make Electron run as plain Node and ignore the app.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root, ...argv], { stdio: 'inherit', env });
  // Ctrl+C reaches the child through the terminal; a service manager's SIGTERM only reaches us.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (e) => {
    console.error(`quanxiang: could not run Electron (${binary}):`, e.message);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const root = appRoot();
  const binary = findElectronBinary(root);
  if (binary) {
    runElectron(binary, root, argv);
    return;
  }
  console.log(NO_ELECTRON_MESSAGE);
  // Loaded only on this path: with Electron, this launcher process never needs the core.
  const { serveWeb } = await import('./host.js');
  await serveWeb(argv);
}

// Run only as the entry point (dist/node/start.js), not when a test imports this module.
const entry = process.argv[1];
if (entry && existsSync(entry) && realpathSync(entry) === fileURLToPath(import.meta.url)) void main();
