/** The panorama's event payloads (merged into EventPayloads in store/events.ts). */
import type { CameraInput } from '../../../shared/panorama/api.js';
import type { EntityKind, EntityProps, PolygonCoords, Relation } from '../../../shared/panorama/model.js';
import type { WarningSeverity } from '../../../shared/model.js';

/** An entity as stored and as recorded: the whole record, so a replay needs nothing else. */
export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  lat: number;
  lon: number;
  area: PolygonCoords | null;
  address: string;
  props: EntityProps;
  personal: EntityProps | null;
  camera: CameraInput | null;
}

export interface GeofenceRecord {
  id: string;
  name: string;
  area: PolygonCoords;
  trigger: 'enter' | 'leave';
  severity: WarningSeverity;
  agencies: string[];
  unitIds: string[];
  active: boolean;
}

export interface PanoramaEventPayloads {
  /** An entity created or changed (UI, import, default data): its whole new record. */
  'entity.saved': EntityRecord;
  'entity.deleted': { id: string };
  'entity.linked': { from: string; to: string; relation: Relation };
  'entity.unlinked': { from: string; to: string; relation: Relation };
  'grid.assigned': { cellId: string; workerIds: string[] };
  'geofence.saved': GeofenceRecord;
  'geofence.deleted': { id: string };
  'wall.shown': { incidentId: string | null; lat: number; lon: number; zoom: number; cameraIds: string[] };
  'map.opened': { id: string; path: string };
  'map.closed': { id: string };
}
