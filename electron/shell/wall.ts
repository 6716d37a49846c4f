/**
 * The wall in Electron: one window per display, each showing the layout chosen for that display
 * (map wall, KPI wall, camera wall, incident board), remembered in wall.json in the user data
 * folder. The primary display keeps the workstation unless a layout is chosen for it. Displays
 * plugged in or removed while running get or lose their window. All windows talk to the same core;
 * the core reaches this through the WallHost interface (wall.state / wall.setLayout).
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { z } from 'zod';
import type { BrowserWindow, Display, Screen } from 'electron';
import { WALL_LAYOUTS, type WallDisplayView, type WallLayout } from '../../shared/panorama/model.js';
import type { WallHost } from '../core/panorama/wall.js';
import { APP_ORIGIN } from './protocol.js';
import { createWallWindow } from './windows.js';

const settingsSchema = z.object({ layouts: z.record(z.string().regex(/^\d+$/), z.enum(WALL_LAYOUTS).nullable()) });
type Settings = z.infer<typeof settingsSchema>;

export const wallUrl = (layout: WallLayout): string => `${APP_ORIGIN}/wall/${layout}`;

/** Reads wall.json; a missing or damaged file is an empty one (and says so). */
export function readWallSettings(file: string): Settings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { layouts: {} };
  }
  try {
    return settingsSchema.parse(JSON.parse(text));
  } catch (e) {
    console.warn(`[wall] ${file} is not valid and is ignored: ${(e as Error).message}`);
    return { layouts: {} };
  }
}

export class WallManager implements WallHost {
  private settings: Settings;
  private readonly windows = new Map<string, BrowserWindow>();
  private readonly urls = new Map<string, string>();

  constructor(
    private readonly screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'on'>,
    private readonly file: string,
    private readonly create: (display: Display, url: string) => BrowserWindow = (d, url) => createWallWindow(d, url),
  ) {
    this.settings = readWallSettings(file);
  }

  /** The layout of a display: the remembered one, else none on the primary and the map wall elsewhere. */
  layoutOf(d: Display): WallLayout | null {
    const id = String(d.id);
    if (id in this.settings.layouts) return this.settings.layouts[id] ?? null;
    return d.id === this.screen.getPrimaryDisplay().id ? null : 'map';
  }

  /** Opens a window on every display that has a layout, and follows displays coming and going. */
  start(): void {
    this.sync();
    this.screen.on('display-added', () => this.sync());
    this.screen.on('display-removed', () => this.sync());
  }

  displays(): WallDisplayView[] {
    const primary = this.screen.getPrimaryDisplay().id;
    return this.screen.getAllDisplays().map((d, i) => ({
      id: String(d.id),
      label: d.label || `Display ${i + 1}`,
      bounds: { ...d.bounds },
      primary: d.id === primary,
      layout: this.layoutOf(d),
    }));
  }

  setLayout(displayId: string, layout: WallLayout | null): WallDisplayView[] {
    if (!this.screen.getAllDisplays().some((d) => String(d.id) === displayId)) throw new Error(`no display ${displayId}`);
    this.settings = { layouts: { ...this.settings.layouts, [displayId]: layout } };
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(this.settings, null, 2)}\n`);
    renameSync(tmp, this.file);
    this.sync();
    return this.displays();
  }

  /** The open wall windows by display id (for tests and the shell). */
  open(): ReadonlyMap<string, BrowserWindow> {
    return this.windows;
  }

  private sync(): void {
    const present = new Set<string>();
    for (const d of this.screen.getAllDisplays()) {
      const id = String(d.id);
      present.add(id);
      const layout = this.layoutOf(d);
      const win = this.windows.get(id);
      if (win?.isDestroyed()) this.windows.delete(id);
      const live = this.windows.get(id);
      if (!layout) {
        live?.destroy();
        this.windows.delete(id);
      } else if (!live) this.windows.set(id, this.create(d, wallUrl(layout)));
      else if (this.urls.get(id) !== wallUrl(layout)) void live.loadURL(wallUrl(layout)).catch(() => undefined);
      if (layout) this.urls.set(id, wallUrl(layout));
    }
    for (const [id, win] of this.windows)
      if (!present.has(id)) {
        win.destroy();
        this.windows.delete(id);
      }
  }
}
