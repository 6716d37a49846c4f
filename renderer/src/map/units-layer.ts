/**
 * Live unit positions on the map. The store hands over each coalesced batch of changed units
 * (one per core flush, ~30 a second at most); they go straight into the live-units layer's typed
 * arrays (map/live/), never through React and never through OpenLayers features, and the next
 * animation frame shows them. Fill = agency colour (from the catalog), ring = status, a pointer
 * for the heading; unregistered devices are hollow grey.
 */
import type { Pixel } from 'ol/pixel';
import { UNIT_STATUSES, type UnitView } from '../../../shared/model';
import type { Catalog } from '../../../shared/schemas/catalog';
import type { ScreenLatency } from '../lib/screen-latency';
import type { ConsoleStore } from '../store/console-store';
import { LiveUnitsLayer, type LiveUnitsOptions } from './live/live-units-layer';
import { mercatorX, mercatorY } from './live/mercator';
import { STATUS_COLOURS, UNREGISTERED_COLOUR } from './palette';

export interface UnitsLayer {
  readonly layer: LiveUnitsLayer;
  /** The unit drawn under a map pixel (its symbol plus a few pixels), or null. */
  hitTest(pixel: Pixel): string | null;
  /** Zooms in on a cluster of units under the pixel; false when there is none. */
  expandClusterAt(pixel: Pixel): boolean;
  /** Highlights the selected unit (null: none). */
  select(id: string | null): void;
  dispose(): void;
}

/**
 * The map's draw rate as set on this browser (`localStorage['qx.map.drawRate']`): a number of draws
 * a second (1–60), `batch` for a draw per batch of reports whatever the renderer, anything else
 * (or nothing) `auto`: limited on software WebGL only (see LiveUnitsOptions.maxDrawRate).
 */
export function parseDrawRate(value: string | null): number | 'auto' {
  if (value === 'batch') return Infinity;
  const n = Number(value);
  return value !== null && value.trim() !== '' && Number.isFinite(n) && n >= 1 && n <= 60 ? n : 'auto';
}

/** Agency index for units without an agency (devices not on the roster). */
const NO_AGENCY = 31;
const STATUS_INDEX = new Map<string, number>(UNIT_STATUSES.map((s, i) => [s, i]));
const STATUS_PALETTE = UNIT_STATUSES.map((s) => STATUS_COLOURS[s]);

function agencyPalette(catalog: Catalog | null): { index: Map<string, number>; colours: string[] } {
  const agencies = (catalog?.agencies ?? []).slice(0, NO_AGENCY);
  const colours = agencies.map((a) => a.color);
  while (colours.length < NO_AGENCY) colours.push(UNREGISTERED_COLOUR);
  colours.push(UNREGISTERED_COLOUR);
  return { index: new Map(agencies.map((a, i) => [a.id, i])), colours };
}

export function createUnitsLayer(store: ConsoleStore, options: LiveUnitsOptions = {}, latency?: ScreenLatency): UnitsLayer {
  const layer = new LiveUnitsLayer({ zIndex: 20, ...options });
  if (latency) layer.onDraw = (info) => latency.drawn(info.version, performance.timeOrigin + info.drawnAt, { perSecond: info.limit, software: info.software, auto: info.auto });
  // Reused for every batch: the device timestamps of the new positions, for `latency`.
  const stamps: number[] = [];
  let catalog = store.getState().catalog;
  let palette = agencyPalette(catalog);
  layer.setPalette(palette.colours, STATUS_PALETTE);
  // One mutable look reused for every unit: a batch of thousands allocates nothing here.
  const look = { agency: 0, status: 0, registered: true, heading: null as number | null, label: '' };

  const upsert = (u: UnitView): void => {
    if (u.lat === null || u.lon === null) {
      layer.removeUnit(u.id);
      return;
    }
    look.agency = (u.agency === null ? undefined : palette.index.get(u.agency)) ?? NO_AGENCY;
    look.status = STATUS_INDEX.get(u.status) ?? 0;
    look.registered = u.registered;
    look.heading = u.heading === null ? null : (u.heading * Math.PI) / 180;
    look.label = u.name;
    layer.setUnit(u.id, mercatorX(u.lon), mercatorY(u.lat), look);
  };

  const sync = (changed: readonly UnitView[] | null, moved = false): void => {
    const state = store.getState();
    if (state.catalog !== catalog) {
      catalog = state.catalog;
      palette = agencyPalette(catalog);
      layer.setPalette(palette.colours, STATUS_PALETTE);
      changed = null; // agency indices may have moved: restyle everyone
    }
    if (changed) {
      for (const u of changed) upsert(u);
      if (latency && moved) {
        stamps.length = 0;
        for (const u of changed) if (u.positionTs !== null && u.lat !== null) stamps.push(u.positionTs);
        latency.arrived(layer.table.version, stamps, performance.timeOrigin + performance.now());
      }
      return;
    }
    // A new snapshot: drop units that are gone, then place every unit.
    const table = layer.table;
    for (let s = table.count - 1; s >= 0; s--) if (!state.units.has(table.ids[s])) layer.removeUnit(table.ids[s]);
    for (const u of state.units.values()) upsert(u);
  };

  const off = store.subscribeUnits(sync);
  sync(null);
  return {
    layer,
    hitTest: (pixel) => layer.hitTest(pixel),
    expandClusterAt: (pixel) => layer.expandClusterAt(pixel),
    select: (id) => layer.select(id),
    dispose: () => {
      off();
      layer.dispose();
    },
  };
}
