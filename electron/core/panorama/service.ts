/**
 * The panorama service: offline maps, entities and links, around-a-point, the management grid,
 * geofences, cameras, the wall and statistics, behind the API of shared/panorama/api.ts.
 */
import { ApiError, type ApiHandlers } from '../../../shared/api.js';
import type { PanoramaApiName } from '../../../shared/panorama/api.js';

export type PanoramaHandlers = Pick<ApiHandlers, PanoramaApiName>;

const notYet = (what: string): never => {
  throw new ApiError('not_found', `${what} is not available yet`);
};

export function makePanoramaHandlers(now: () => number): PanoramaHandlers {
  return {
    'maps.list': async () => ({ maps: [] }),
    'maps.open': async () => notYet('opening maps'),
    'maps.close': async () => ({ ok: true }),
    'entities.list': async () => ({ entities: [], truncated: false }),
    'entities.get': async ({ id }) => notYet(`entity ${id}`),
    'entities.create': async () => notYet('creating entities'),
    'entities.update': async () => notYet('editing entities'),
    'entities.delete': async () => ({ ok: true }),
    'entities.link': async () => ({ ok: true }),
    'entities.unlink': async () => ({ ok: true }),
    'entities.import': async () => ({ created: 0, updated: 0, errors: [] }),
    'entities.export': async () => ({ text: '', count: 0 }),
    'panorama.around': async ({ lat, lon, radiusM }) => ({
      lat: lat ?? 0, lon: lon ?? 0, radiusM: radiusM ?? 500, hazards: [], hydrants: [], cameras: [], vulnerable: [], vulnerableCount: 0,
      places: [], incidents: [], reports: [], cell: null, gridWorkers: [], warningIds: [], tookMs: 0,
    }),
    'grid.cells': async () => ({ cells: [] }),
    'grid.assign': async () => notYet('grid assignment'),
    'grid.coverage': async () => ({ day: new Date(now()).toISOString().slice(0, 10), cells: [] }),
    'geofences.list': async () => ({ geofences: [] }),
    'geofences.save': async () => notYet('geofences'),
    'geofences.delete': async () => ({ ok: true }),
    'cameras.feed': async ({ cameraId }) => notYet(`camera ${cameraId}`),
    'wall.show': async ({ lat, lon, incidentId, zoom }, ctx) => ({
      incidentId: incidentId ?? null, lat: lat ?? 0, lon: lon ?? 0, zoom: zoom ?? 16, cameraIds: [], at: now(), by: ctx.actor,
    }),
    'wall.state': async () => ({ focus: null, displays: [] }),
    'wall.setLayout': async () => ({ displays: [] }),
    'stats.summary': async () => ({
      from: now(), to: now(), total: 0, byType: [], byCategory: [], weekly: [], monthly: [], yoy: [], noData: [], cases: null, computedAt: now(),
    }),
  };
}
