// electron/node/start.ts: finding Electron's binary without require('electron').
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../../electron/node/start.js';

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
