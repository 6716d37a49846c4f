import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Screen } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { serveApp } from '../../../../electron/shell/protocol.js';
import { WallManager, wallUrl } from '../../../../electron/shell/wall.js';
import { BrowserWindow, resetStubs, screen } from '../../../stubs/electron.js';

const stubScreen = screen as unknown as Screen;
/** The manager's windows are the stand-in's. */
const stub = (w: unknown): BrowserWindow | undefined => w as BrowserWindow | undefined;
const HALL = [
  { id: 10, label: 'Workstation', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
  { id: 21, label: 'Wall left', bounds: { x: 1920, y: 0, width: 3840, height: 2160 } },
  { id: 22, label: 'Wall right', bounds: { x: 5760, y: 0, width: 3840, height: 2160 } },
];

const settingsFile = (): string => join(mkdtempSync(join(tmpdir(), 'qx-wall-')), 'wall.json');

beforeEach(() => {
  resetStubs();
  screen.displays = HALL.map((d) => ({ ...d, bounds: { ...d.bounds } }));
});

describe('the wall in Electron', () => {
  it('opens one sandboxed fullscreen window on each display but the workstation one, with the map wall by default', () => {
    const wall = new WallManager(stubScreen, settingsFile());
    wall.start();
    const wins = BrowserWindow.getAllWindows();
    expect(wins).toHaveLength(2);
    expect(wins.map((w) => w.options)).toMatchObject([
      { x: 1920, y: 0, width: 3840, height: 2160, fullscreen: true, frame: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } },
      { x: 5760, y: 0, width: 3840, height: 2160, fullscreen: true, frame: false, webPreferences: { sandbox: true } },
    ]);
    expect(wins.map((w) => w.loadedUrl)).toEqual(['app://console/wall/map', 'app://console/wall/map']);
    expect(wall.displays()).toEqual([
      { id: '10', label: 'Workstation', bounds: HALL[0].bounds, primary: true, layout: null },
      { id: '21', label: 'Wall left', bounds: HALL[1].bounds, primary: false, layout: 'map' },
      { id: '22', label: 'Wall right', bounds: HALL[2].bounds, primary: false, layout: 'map' },
    ]);
  });

  it('remembers the layout chosen per display across restarts', () => {
    const file = settingsFile();
    const first = new WallManager(stubScreen, file);
    first.start();
    first.setLayout('22', 'cameras');
    first.setLayout('10', 'incidents');
    expect(BrowserWindow.getAllWindows().map((w) => w.loadedUrl).sort()).toEqual([wallUrl('cameras'), wallUrl('incidents'), wallUrl('map')].sort());
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ layouts: { '22': 'cameras', '10': 'incidents' } });

    resetStubs();
    screen.displays = HALL.map((d) => ({ ...d }));
    const again = new WallManager(stubScreen, file);
    again.start();
    expect(again.displays().map((d) => d.layout)).toEqual(['incidents', 'map', 'cameras']);
    expect(stub(again.open().get('22'))?.loadedUrl).toBe('app://console/wall/cameras');
    // null: the display goes back to no wall window
    again.setLayout('21', null);
    expect(again.open().has('21')).toBe(false);
    expect(BrowserWindow.getAllWindows()).toHaveLength(2);
    expect(() => again.setLayout('99', 'kpi')).toThrow(/no display 99/);
  });

  it('follows displays plugged in and removed, and ignores a damaged settings file', () => {
    const file = settingsFile();
    writeFileSync(file, '{"layouts": {"21": "disco"}}');
    const wall = new WallManager(stubScreen, file);
    wall.start();
    expect(wall.displays()[1].layout).toBe('map');
    screen.displays.push({ id: 23, label: 'Wall 3', bounds: { x: 9600, y: 0, width: 1920, height: 1080 } });
    screen.emit('display-added');
    expect(stub(wall.open().get('23'))?.options).toMatchObject({ x: 9600, width: 1920 });
    const gone = wall.open().get('21');
    screen.displays = screen.displays.filter((d) => d.id !== 21);
    screen.emit('display-removed');
    expect(gone?.isDestroyed()).toBe(true);
    expect([...wall.open().keys()].sort()).toEqual(['22', '23']);
  });

  it('serves the page for every wall layout route on app://', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qx-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>qx</title>');
    const res = await serveApp(dir, new Request('app://console/wall/kpi'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>qx</title>');
    expect((await serveApp(dir, new Request('app://console/wall/../../etc/passwd'))).status).toBe(404);
  });
});
