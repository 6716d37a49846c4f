import { join } from 'node:path';
import type { App } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeBeforeQuit, describeStartError, hostArgv, shellConfig, type ShellPaths } from '../../../../electron/shell/lifecycle.js';
import { parseHostOptions } from '../../../../electron/node/options.js';
import { app, resetStubs } from '../../../stubs/electron.js';

describe('hostArgv', () => {
  it('skips the binary and, when run as `electron <app>`, the app path', () => {
    expect(hostArgv(['/opt/electron', '/work/app', '--data', '/d'], true).args).toEqual(['--data', '/d']);
    expect(hostArgv(['/opt/Quanxiang', '--data', '/d'], false).args).toEqual(['--data', '/d']);
    expect(hostArgv(['/opt/Quanxiang'], false)).toEqual({ args: [], ignored: [] });
  });

  it('sets Chromium switches and stray words aside and keeps every host option', () => {
    const { args, ignored } = hostArgv(
      ['/opt/Quanxiang', '--no-sandbox', '--console-id', 'hall-2', '--enable-logging=stderr', '--data=/srv/qx', 'stray', '--ack-timeout', '45', '--broker', 'mqtt://10.0.0.5:1883'],
      false,
    );
    expect(args).toEqual(['--console-id', 'hall-2', '--data=/srv/qx', '--ack-timeout', '45', '--broker', 'mqtt://10.0.0.5:1883']);
    expect(ignored).toEqual(['--no-sandbox', '--enable-logging=stderr', 'stray']);
    // What is kept is something parseHostOptions accepts.
    expect(parseHostOptions(args, {})).toMatchObject({ consoleId: 'hall-2', dataDir: '/srv/qx', ackTimeoutMs: 45_000, brokerUrl: 'mqtt://10.0.0.5:1883' });
  });

  it('knows every option the hosts document', () => {
    const all = ['port', 'host', 'data', 'mqtt-port', 'broker', 'roster', 'token', 'console-id', 'ack-timeout'];
    expect(hostArgv(['x', ...all.flatMap((o) => [`--${o}`, 'v'])], false).ignored).toEqual([]);
  });

  it('leaves a missing value for parseHostOptions to report', () => {
    const { args } = hostArgv(['x', '--data'], false);
    expect(args).toEqual(['--data']);
    expect(() => parseHostOptions(args, {})).toThrow();
  });
});

describe('shellConfig', () => {
  const paths: ShellPaths = {
    isPackaged: false,
    resourcesPath: '/opt/Quanxiang/resources',
    appPath: '/opt/Quanxiang/resources/app.asar',
    userData: '/home/li/.config/Quanxiang',
    appRoot: () => '/work/qx',
  };

  it('keeps data in the per-user app folder unless one is chosen', () => {
    expect(shellConfig(parseHostOptions([], {}), [], paths, {}).core.dataDir).toBe(paths.userData);
    const args = ['--data', '/srv/qx'];
    expect(shellConfig(parseHostOptions(args, {}), args, paths, {}).core.dataDir).toBe('/srv/qx');
    expect(shellConfig(parseHostOptions(['--data=/srv/q2'], {}), ['--data=/srv/q2'], paths, {}).core.dataDir).toBe('/srv/q2');
    const env = { QX_DATA: '/srv/env' };
    expect(shellConfig(parseHostOptions([], env), [], paths, env).core.dataDir).toBe('/srv/env');
  });

  it('reads resources and renderer from the project when unpackaged', () => {
    const c = shellConfig(parseHostOptions([], {}), [], paths, {});
    expect(c.core.resourcesDir).toBe(join('/work/qx', 'resources'));
    expect(c.rendererDir).toBe(join('/work/qx', 'dist', 'renderer'));
  });

  it('reads resources from process.resourcesPath and the renderer from the app when packaged', () => {
    const appRoot = vi.fn(() => '/nowhere');
    const c = shellConfig(parseHostOptions([], {}), [], { ...paths, isPackaged: true, appRoot }, {});
    expect(c.core.resourcesDir).toBe(join('/opt/Quanxiang/resources', 'resources'));
    expect(c.rendererDir).toBe(join(paths.appPath, 'dist', 'renderer'));
    expect(appRoot).not.toHaveBeenCalled();
  });

  it('passes the host options through to the core', () => {
    const args = ['--console-id', 'hall-9', '--mqtt-port', '0', '--ack-timeout', '12', '--roster', '/r.csv'];
    expect(shellConfig(parseHostOptions(args, {}), args, paths, {}).core).toMatchObject({ consoleId: 'hall-9', mqttPort: 0, ackTimeoutMs: 12_000, rosterFile: '/r.csv', brokerUrl: undefined });
  });
});

describe('describeStartError', () => {
  it('explains a taken port', () => {
    const e = Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:1883'), { code: 'EADDRINUSE' });
    expect(describeStartError(e)).toMatch(/already in use.*--mqtt-port/s);
  });
});

describe('closeBeforeQuit', () => {
  beforeEach(() => {
    resetStubs();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  const stubApp = app as unknown as App;

  it('holds the quit until the core is closed, closes once, then quits', async () => {
    let finish = (): void => undefined;
    const close = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    closeBeforeQuit(stubApp, close);
    app.quit();
    app.quit(); // a second Cmd+Q while closing
    expect(close).toHaveBeenCalledTimes(1);
    expect(app.quits).toBe(0);
    finish();
    await vi.waitFor(() => expect(app.quits).toBe(1));
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('still quits when closing fails', async () => {
    closeBeforeQuit(stubApp, () => Promise.reject(new Error('disk gone')));
    app.quit();
    await vi.waitFor(() => expect(app.quits).toBe(1));
  });

  it('quits after the timeout when closing hangs', async () => {
    vi.useFakeTimers();
    closeBeforeQuit(stubApp, () => new Promise<void>(() => undefined), 5000);
    app.quit();
    await vi.advanceTimersByTimeAsync(4999);
    expect(app.quits).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(app.quits).toBe(1);
  });
});
