/** A panorama service on an in-memory store, without broker or field link (unit tests and benches). */
import { join } from 'node:path';
import type { CallContext, Push } from '../../shared/api';
import type { IncidentView, UnitView } from '../../shared/model';
import { PanoramaService } from '../../electron/core/panorama/service';
import { Store } from '../../electron/core/store/store';
import { WarningService } from '../../electron/core/warnings/warnings';

export const RESOURCES = join(import.meta.dirname, '../../resources');

export const ctxOf = (role: CallContext['role'], actor: string = role): CallContext => ({ actor, consoleId: 'test', role });

export interface TestPanorama {
  readonly store: Store;
  readonly service: PanoramaService;
  readonly warnings: WarningService;
  readonly pushes: Push[];
  readonly units: Map<string, UnitView>;
  readonly incidents: Map<string, IncidentView>;
  setNow(t: number): void;
}

export async function testPanorama(opts: { defaults?: boolean; start?: number } = {}): Promise<TestPanorama> {
  let t = opts.start ?? Date.UTC(2026, 10, 29, 2, 0, 0);
  const now = (): number => t;
  const store = new Store({ file: ':memory:', consoleId: 'test', now });
  const pushes: Push[] = [];
  const push = (p: Push): void => void pushes.push(p);
  const warnings = new WarningService(store, { consoleId: 'test', push, now });
  const units = new Map<string, UnitView>();
  const incidents = new Map<string, IncidentView>();
  const service = new PanoramaService({
    store, consoleId: 'test', now, push, warnings,
    incident: (id) => incidents.get(id),
    unit: (id) => units.get(id),
    units: () => [...units.values()],
    basemap: join(RESOURCES, 'map', 'training-city.geojson'),
    defaultEntities: opts.defaults ? join(RESOURCES, 'panorama', 'training-city.geojson') : undefined,
  });
  await service.start();
  return { store, service, warnings, pushes, units, incidents, setNow: (v) => void (t = v) };
}

export function unit(id: string, agency: UnitView['agency'], lat: number, lon: number, positionTs: number, name = id): UnitView {
  return {
    id, name, agency, type: agency === 'grid' ? 'grid_worker' : 'patrol', station: null, registered: true, status: 'available', statusSince: 0,
    lat, lon, heading: null, speed: null, positionTs, incidentId: null,
  };
}
