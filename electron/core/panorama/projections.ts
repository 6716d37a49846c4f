/**
 * Projections of the panorama's events into entities, entity_links, grid_assignments, geofences,
 * wall_focus and maps_opened. Spread into the store's projector map (store/projections.ts).
 */
import type { Database } from 'better-sqlite3';
import { statements } from '../store/statements.js';
import type { EventRecord } from '../store/events.js';

export const PANORAMA_EVENT_TYPES = [
  'entity.saved',
  'entity.deleted',
  'entity.linked',
  'entity.unlinked',
  'grid.assigned',
  'geofence.saved',
  'geofence.deleted',
  'wall.shown',
  'map.opened',
  'map.closed',
] as const;
type PanoramaEventType = (typeof PANORAMA_EVENT_TYPES)[number];

export const PANORAMA_PROJECTED_TABLES = ['entity_links', 'entities', 'grid_assignments', 'geofences', 'wall_focus', 'maps_opened'] as const;

export type PanoramaProjectors = { [K in PanoramaEventType]: (e: EventRecord<K>) => void };

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

export function makePanoramaProjectors(db: Database): PanoramaProjectors {
  const { run } = statements(db);
  return {
    'entity.saved': (e) => {
      const p = e.payload;
      run(
        `INSERT INTO entities (id, kind, name, lat, lon, area, address, props, personal, camera, created_at, updated_at, updated_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, name = excluded.name, lat = excluded.lat, lon = excluded.lon,
           area = excluded.area, address = excluded.address, props = excluded.props, personal = excluded.personal,
           camera = excluded.camera, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        p.id, p.kind, p.name, p.lat, p.lon, json(p.area), p.address, JSON.stringify(p.props), json(p.personal), json(p.camera),
        e.at, e.at, e.actor,
      );
    },
    'entity.deleted': (e) => {
      run('DELETE FROM entity_links WHERE from_id = ? OR to_id = ?', e.payload.id, e.payload.id);
      run('DELETE FROM entities WHERE id = ?', e.payload.id);
    },
    'entity.linked': (e) => {
      const p = e.payload;
      run('INSERT OR IGNORE INTO entity_links (from_id, to_id, relation, at) VALUES (?, ?, ?, ?)', p.from, p.to, p.relation, e.at);
    },
    'entity.unlinked': (e) => {
      const p = e.payload;
      run('DELETE FROM entity_links WHERE from_id = ? AND to_id = ? AND relation = ?', p.from, p.to, p.relation);
    },
    'grid.assigned': (e) => {
      run(
        `INSERT INTO grid_assignments (cell_id, worker_ids, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(cell_id) DO UPDATE SET worker_ids = excluded.worker_ids, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
        e.payload.cellId, JSON.stringify(e.payload.workerIds), e.at, e.actor,
      );
    },
    'geofence.saved': (e) => {
      const p = e.payload;
      run(
        `INSERT INTO geofences (id, name, area, trigger, severity, agencies, unit_ids, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, area = excluded.area, trigger = excluded.trigger, severity = excluded.severity,
           agencies = excluded.agencies, unit_ids = excluded.unit_ids, active = excluded.active, updated_at = excluded.updated_at`,
        p.id, p.name, JSON.stringify(p.area), p.trigger, p.severity, JSON.stringify(p.agencies), JSON.stringify(p.unitIds), p.active ? 1 : 0, e.at,
      );
    },
    'geofence.deleted': (e) => run('DELETE FROM geofences WHERE id = ?', e.payload.id),
    'wall.shown': (e) => {
      const p = e.payload;
      run(
        `INSERT OR REPLACE INTO wall_focus (id, incident_id, lat, lon, zoom, camera_ids, at, by) VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
        p.incidentId, p.lat, p.lon, p.zoom, JSON.stringify(p.cameraIds), e.at, e.actor,
      );
    },
    'map.opened': (e) => {
      run('INSERT OR REPLACE INTO maps_opened (id, path, opened_at, opened_by) VALUES (?, ?, ?, ?)', e.payload.id, e.payload.path, e.at, e.actor);
    },
    'map.closed': (e) => run('DELETE FROM maps_opened WHERE id = ?', e.payload.id),
  };
}
