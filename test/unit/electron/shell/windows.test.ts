import { beforeEach, describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from '../../../../electron/shell/protocol.js';
import { BACKGROUND, createWorkstationWindow, windowOptions, WINDOW_TITLE, type WindowKind } from '../../../../electron/shell/windows.js';
import { BrowserWindow, resetStubs } from '../../../stubs/electron.js';

const display = { bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
const every: [WindowKind, typeof display | undefined][] = [
  ['workstation', undefined],
  ['workstation', display],
  ['wall', undefined],
  ['wall', display],
];

beforeEach(() => resetStubs());

describe('windowOptions', () => {
  it.each(every)('%s window (display %o) is sandboxed and isolated', (kind, d) => {
    const o = windowOptions(kind, d);
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
    expect(o.webPreferences?.preload).toMatch(/[/\\]preload\.cjs$/);
    expect(o.title).toBe(WINDOW_TITLE);
    expect(o.backgroundColor).toBe(BACKGROUND);
    expect(o.minWidth).toBeGreaterThan(0);
    expect(o.minHeight).toBeGreaterThan(0);
  });

  it('puts a wall window fullscreen and frameless on its display', () => {
    const o = windowOptions('wall', display);
    expect(o).toMatchObject({ x: 1920, y: 0, width: 3840, height: 2160, fullscreen: true, frame: false });
  });

  it('centres a workstation window on the given display without exceeding it', () => {
    const o = windowOptions('workstation', { bounds: { x: -1366, y: 0, width: 1366, height: 768 } });
    expect(o.width).toBeLessThanOrEqual(1366);
    expect(o.height).toBeLessThanOrEqual(768);
    expect(o.x).toBeGreaterThanOrEqual(-1366);
    expect((o.x ?? 0) + (o.width ?? 0)).toBeLessThanOrEqual(0);
  });
});

describe('createWorkstationWindow', () => {
  it('opens the console page with the safe options and shows once painted', () => {
    const win = createWorkstationWindow() as unknown as BrowserWindow;
    expect(BrowserWindow.windows).toEqual([win]);
    expect(win.loadedUrl).toBe(APP_INDEX_URL);
    expect(win.options).toEqual(windowOptions('workstation'));
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});
