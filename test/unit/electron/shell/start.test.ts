// electron/node/start.ts: finding Electron's binary without require('electron'), and how to start.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GcSettingError } from '../../../../electron/node/gc.js';
import { findElectronBinary, launchPlan, type LaunchContext } from '../../../../electron/node/start.js';

const dirs: string[] = [];
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'qx-start-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('findElectronBinary', () => {
  it('is null when the electron package is absent', () => {
    expect(findElectronBinary(project({ 'package.json': '{}' }), {})).toBeNull();
  });

  it('is null when the package is installed but its download never happened', () => {
    // What an offline `npm install` leaves: the package without path.txt or dist/.
    expect(findElectronBinary(project({ 'node_modules/electron/package.json': '{}' }), {})).toBeNull();
    // path.txt written but the binary missing.
    expect(findElectronBinary(project({ 'node_modules/electron/path.txt': 'electron' }), {})).toBeNull();
    expect(findElectronBinary(project({ 'node_modules/electron/path.txt': '', 'node_modules/electron/dist/electron': '' }), {})).toBeNull();
  });

  it('finds the binary named by path.txt', () => {
    const root = project({ 'node_modules/electron/path.txt': 'electron\n', 'node_modules/electron/dist/electron': '' });
    expect(findElectronBinary(root, {})).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
    const mac = project({
      'node_modules/electron/path.txt': 'Electron.app/Contents/MacOS/Electron',
      'node_modules/electron/dist/Electron.app/Contents/MacOS/Electron': '',
    });
    expect(findElectronBinary(mac, {})).toBe(join(mac, 'node_modules/electron/dist/Electron.app/Contents/MacOS/Electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron/index.js does', () => {
    const root = project({ 'node_modules/electron/path.txt': 'electron', 'custom/electron': '' });
    expect(findElectronBinary(root, {})).toBeNull();
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: join(root, 'custom') })).toBe(join(root, 'custom', 'electron'));
  });
});

describe('launchPlan', () => {
  const ctx = (cpus: number, env: NodeJS.ProcessEnv = {}, execArgv: string[] = []): LaunchContext => ({ env, cpus, execArgv, execPath: '/usr/bin/node', webEntry: '/app/dist/node/web.js' });
  const withElectron = (): string => project({ 'node_modules/electron/path.txt': 'electron', 'node_modules/electron/dist/electron': '' });

  it('gives Electron the single-threaded collector on two CPUs, through --js-flags after the app path', () => {
    const root = withElectron();
    expect(launchPlan(root, ['--data', '/d'], ctx(2))).toEqual({
      kind: 'electron',
      command: join(root, 'node_modules/electron/dist/electron'),
      args: [root, '--js-flags=--single-threaded-gc', '--data', '/d'],
      gc: { mode: 'single', reason: '2 CPUs' },
    });
    expect(launchPlan(root, ['--data', '/d'], ctx(8))).toMatchObject({ kind: 'electron', args: [root, '--data', '/d'], gc: { mode: 'parallel' } });
  });

  it('without Electron on two CPUs runs the web host in a node started with the flag, keeping its own node flags', () => {
    const root = project({ 'package.json': '{}' });
    expect(launchPlan(root, ['--port', '0'], ctx(2, {}, ['--import', 'tsx']))).toEqual({
      kind: 'web-child',
      command: '/usr/bin/node',
      args: ['--single-threaded-gc', '--import', 'tsx', '/app/dist/node/web.js', '--port', '0'],
      gc: { mode: 'single', reason: '2 CPUs' },
    });
  });

  it('serves in this process when it already has the collector it should', () => {
    const root = project({ 'package.json': '{}' });
    expect(launchPlan(root, [], ctx(8)).kind).toBe('web');
    expect(launchPlan(root, [], ctx(2, {}, ['--single-threaded-gc'])).kind).toBe('web');
    expect(launchPlan(root, [], ctx(2, { QX_GC: 'parallel' })).kind).toBe('web');
    expect(() => launchPlan(root, [], ctx(2, { QX_GC: 'x' }))).toThrow(GcSettingError);
  });
});
