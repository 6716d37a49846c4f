/**
 * The panorama's vocabulary: entities (places, things, organisations, people in roles) and their
 * links, offline maps, the management grid, geofences, cameras, the wall and statistics. Shared by
 * the core and the renderer; the API that carries these is in ./api.ts.
 */
import type { IncidentView, LonLat, ReportView, UnitView, WarningSeverity } from '../model.js';

// ── Entities ────────────────────────────────────────────────────────────────────────────────────

export const ENTITY_CLASSES = ['place', 'thing', 'organisation', 'person'] as const;
export type EntityClass = (typeof ENTITY_CLASSES)[number];

/** Every kind belongs to one class (ENTITY_CLASS_OF). */
export const ENTITY_KINDS = [
  // places
  'building',
  'compound',
  'key_area',
  'school',
  'hospital',
  'shelter',
  // things
  'hydrant',
  'sensor',
  'camera',
  'vehicle',
  'hazmat_store',
  // organisations
  'agency',
  'station',
  'company',
  'community_committee',
  // people in roles
  'grid_worker',
  'building_manager',
  'vulnerable_resident',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const ENTITY_CLASS_OF: Readonly<Record<EntityKind, EntityClass>> = {
  building: 'place',
  compound: 'place',
  key_area: 'place',
  school: 'place',
  hospital: 'place',
  shelter: 'place',
  hydrant: 'thing',
  sensor: 'thing',
  camera: 'thing',
  vehicle: 'thing',
  hazmat_store: 'thing',
  agency: 'organisation',
  station: 'organisation',
  company: 'organisation',
  community_committee: 'organisation',
  grid_worker: 'person',
  building_manager: 'person',
  vulnerable_resident: 'person',
};

/**
 * Kinds whose records are about a private person: their `personal` fields (and, for residents,
 * the whole record) reach only roles with the `personal` permission (shared/roles.ts).
 */
export const PERSONAL_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(['vulnerable_resident']);

/** Kinds that are hazards for "around a point". */
export const HAZARD_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(['hazmat_store', 'key_area']);

export const RELATIONS = [
  'manages', // person/organisation → place or thing
  'lives_in', // resident → compound/building
  'located_in', // thing/place → place
  'belongs_to', // person/thing → organisation
  'watches', // camera → place
  'stores', // hazmat store → company
  'covers', // grid worker / station → place
  'related',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const STREAM_KINDS = ['hls', 'mjpeg', 'webrtc', 'snapshot'] as const;
export type StreamKind = (typeof STREAM_KINDS)[number];

/** A camera's field of view: direction (degrees from north, clockwise), opening angle, range. */
export interface CameraFov {
  readonly direction: number;
  readonly angle: number;
  readonly rangeM: number;
}

/** What the renderer needs to show a camera: its view and where to get its picture. */
export interface CameraInfo extends CameraFov {
  readonly streamKind: StreamKind;
  /**
   * Same-origin path of the feed through the console (relative, e.g.
   * `media/cameras/CAM-0001/stream?sig=…`): MJPEG stream, snapshot image or HLS playlist. Null
   * for WebRTC or when the caller may not see it; then `external` says why / where.
   */
  readonly feedPath: string | null;
  /** For WebRTC: the signalling page to open outside the console (never loaded in the renderer). */
  readonly external: string | null;
}

/** Free-form attributes of an entity (from imports): flat values only. */
export type EntityProps = Readonly<Record<string, string | number | boolean | null>>;

/** A polygon area (compound, key area): GeoJSON Polygon coordinates, outer ring first. */
export type PolygonCoords = readonly (readonly LonLat[])[];

export interface EntityView {
  readonly id: string;
  readonly kind: EntityKind;
  readonly class: EntityClass;
  readonly name: string;
  /** Its point (a polygon's centroid for areas). */
  readonly lat: number;
  readonly lon: number;
  /** Outline for areas (compounds, key areas, shelters with a yard); null for points. */
  readonly area: PolygonCoords | null;
  readonly address: string;
  readonly props: EntityProps;
  /**
   * Personal fields (phone, needs, date of birth…): only for roles with `personal`; null
   * otherwise or when there are none.
   */
  readonly personal: EntityProps | null;
  /** Cameras only. */
  readonly camera: CameraInfo | null;
  readonly updatedAt: number;
  readonly updatedBy: string;
}

export interface EntityLinkView {
  readonly from: string;
  readonly to: string;
  readonly relation: Relation;
  /** The entity at the other end (as the caller may see it); null if it was deleted or is hidden. */
  readonly other: EntityView | null;
  /** 'out': this entity is `from`; 'in': it is `to`. */
  readonly direction: 'out' | 'in';
}

export interface ImportRowError {
  /** 1-based: GeoJSON feature index + 1, or CSV line number (header is line 1). */
  readonly row: number;
  readonly reason: string;
}

// ── Offline maps ────────────────────────────────────────────────────────────────────────────────

export const MAP_FORMATS = ['mbtiles', 'pmtiles', 'geojson', 'xyz'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];

/** png/jpg/webp: raster tiles; pbf: Mapbox vector tiles; geojson: a vector layer as a whole file. */
export const TILE_TYPES = ['png', 'jpg', 'webp', 'pbf', 'geojson'] as const;
export type TileType = (typeof TILE_TYPES)[number];

export interface MapInfo {
  /** Stable for the file: derived from its name (`training-city`, `linjiang-2026`). */
  readonly id: string;
  readonly name: string;
  readonly format: MapFormat;
  readonly type: TileType;
  /** [west, south, east, north], WGS 84; null if the file does not say. */
  readonly bounds: readonly [number, number, number, number] | null;
  readonly minZoom: number;
  readonly maxZoom: number;
  readonly attribution: string;
  /**
   * Same-origin URL template for tiles, relative to the page (`tiles/{mapId}/{z}/{x}/{y}?k=…`,
   * XYZ numbering, y from the top) — or for `geojson` the URL of the whole file; for `xyz` the
   * configured online template itself.
   */
  readonly url: string;
  /** Where it came from: the default install, --map at start, opened from the UI, --online-tiles. */
  readonly source: 'start' | 'ui' | 'default' | 'online';
}

// ── Around a point ──────────────────────────────────────────────────────────────────────────────

export interface NearEntity {
  readonly entity: EntityView;
  /** Straight-line distance, metres. */
  readonly distanceM: number;
}

export interface GridCellView {
  readonly id: string;
  readonly name: string;
  readonly district: string | null;
  readonly area: PolygonCoords;
  /** Unit ids (roster grid workers) assigned to the cell. */
  readonly workerIds: readonly string[];
}

export interface AroundView {
  readonly lat: number;
  readonly lon: number;
  readonly radiusM: number;
  /** Hazard entities (hazmat stores, key areas) within the radius, nearest first. */
  readonly hazards: readonly NearEntity[];
  readonly hydrants: readonly NearEntity[];
  /** Nearest cameras, each with its feed; `sees` is true when the point is inside its field of view. */
  readonly cameras: readonly (NearEntity & { readonly sees: boolean })[];
  /** Residents who need assistance: full records only for roles with `personal`, else only the count. */
  readonly vulnerable: readonly NearEntity[];
  readonly vulnerableCount: number;
  /** Other places near (schools, hospitals, shelters, compounds, buildings), nearest first. */
  readonly places: readonly NearEntity[];
  /** Past incidents within the radius (or at the same address), newest first. */
  readonly incidents: readonly (IncidentView & { readonly distanceM: number })[];
  /** Citizen reports / cases within the radius, newest first (the case desk may extend this). */
  readonly reports: readonly (ReportView & { readonly distanceM: number })[];
  readonly cell: GridCellView | null;
  /** The cell's grid workers as live units (position, status). */
  readonly gridWorkers: readonly UnitView[];
  /** Open warnings whose area contains or is within the radius of the point. */
  readonly warningIds: readonly string[];
  /** How long the query took in the core, ms. */
  readonly tookMs: number;
}

// ── Grid ────────────────────────────────────────────────────────────────────────────────────────

export interface CellCoverage {
  readonly cellId: string;
  /** Some assigned or other grid worker was inside the cell on this day. */
  readonly visited: boolean;
  /** Position reports inside the cell that day. */
  readonly reports: number;
  readonly firstAt: number | null;
  readonly lastAt: number | null;
  /** Who was there (unit ids). */
  readonly by: readonly string[];
}

// ── Geofences ───────────────────────────────────────────────────────────────────────────────────

/** Who a rule watches: units of these agencies (empty: every unit), or named unit ids. */
export interface GeofenceView {
  readonly id: string;
  readonly name: string;
  readonly area: PolygonCoords;
  /** `enter`: warn when a watched unit enters (a closed flood zone); `leave`: when it leaves (a patrol area). */
  readonly trigger: 'enter' | 'leave';
  readonly severity: WarningSeverity;
  readonly agencies: readonly string[];
  readonly unitIds: readonly string[];
  readonly active: boolean;
  readonly updatedAt: number;
}

// ── Wall ────────────────────────────────────────────────────────────────────────────────────────

export const WALL_LAYOUTS = ['map', 'kpi', 'cameras', 'incidents'] as const;
export type WallLayout = (typeof WALL_LAYOUTS)[number];

/** What the wall should show now: an incident, or a point, with its zoom. */
export interface WallFocus {
  readonly incidentId: string | null;
  readonly lat: number;
  readonly lon: number;
  readonly zoom: number;
  /** Cameras to tile on a camera wall (nearest to the focus). */
  readonly cameraIds: readonly string[];
  readonly at: number;
  readonly by: string;
}

export interface WallDisplayView {
  readonly id: string;
  readonly label: string;
  readonly bounds: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly primary: boolean;
  /** null: this display shows the workstation, not a wall layout. */
  readonly layout: WallLayout | null;
}

// ── Statistics ──────────────────────────────────────────────────────────────────────────────────

export interface CountRow {
  readonly key: string;
  readonly count: number;
}

export interface TrendPoint {
  /** Start of the bucket (local midnight of the Monday / first of the month), epoch ms. */
  readonly start: number;
  readonly count: number;
}

export interface YoyRow {
  readonly key: string;
  readonly current: number;
  readonly previous: number;
  /** (current − previous) / previous × 100, rounded to 1 decimal; null when previous is 0. */
  readonly changePct: number | null;
}
