/**
 * The panorama's part of the app API (imported into shared/api.ts). Stable: only additive changes.
 *
 *   maps.list        {}                                   → {maps: MapInfo[]}      every map the console serves
 *   maps.open        {path}                               → MapInfo                a .mbtiles/.pmtiles/.geojson on the console's machine
 *   maps.close       {mapId}                              → {ok}                   only maps opened from the UI
 *   entities.list    {bbox?, kinds?, q?, limit?}          → {entities, truncated}  bbox [w,s,e,n]; q: name/address substring
 *   entities.get     {id}                                 → {entity, links}
 *   entities.create  EntityInput                          → EntityView
 *   entities.update  {id, …EntityInput fields}            → EntityView             the given fields replace the old ones
 *   entities.delete  {id}                                 → {ok}                   its links go with it
 *   entities.link    {from, to, relation}                 → {ok}
 *   entities.unlink  {from, to, relation}                 → {ok}
 *   entities.import  {format: geojson|csv, text}          → {created, updated, errors: [{row, reason}]}  good rows are kept
 *   entities.export  {format, kinds?, bbox?}              → {text, count}
 *   panorama.around  {incidentId} | {lat, lon}, radiusM?  → AroundView             hazards, hydrants, cameras, residents, past incidents, cell…
 *   grid.cells       {}                                   → {cells: GridCellView[]}
 *   grid.assign      {cellId, workerIds}                  → GridCellView           (supervise)
 *   grid.coverage    {day?}                               → {day, cells: CellCoverage[]}   day 'YYYY-MM-DD' (console's local day), default today
 *   geofences.list   {}                                   → {geofences}
 *   geofences.save   GeofenceInput (id to replace)        → GeofenceView           (supervise)
 *   geofences.delete {id}                                 → {ok}                   (supervise)
 *   cameras.feed     {cameraId}                           → CameraInfo             a fresh signed feed path
 *   wall.show        {incidentId} | {lat, lon}, zoom?     → WallFocus              also pushed as {kind:'wall', focus}
 *   wall.state       {}                                   → {focus, displays}      displays: Electron only, [] on the web host
 *   wall.setLayout   {displayId, layout|null}             → {displays}             remembered in the user data dir
 *   stats.summary    {from?, to?, tzOffsetMin?}           → StatsSummary           from the event log
 *
 * Pushes: {kind:'wall', focus} (wall clients follow it), {kind:'entity', entity|null, id} (created,
 * changed, or deleted: entity null), {kind:'coverage', cellId, visited} when a cell is first
 * visited today. `incidents.create` is unchanged; the incident panel calls panorama.around
 * {incidentId} right after it.
 *
 * HTTP (web host; the same paths through app:// in Electron): `GET /api/maps` (bearer token)
 * lists maps; `GET tiles/{mapId}/{z}/{x}/{y}?k=…` serves tiles and `GET media/cameras/{id}/…?sig=…`
 * camera feeds — both take the signed key the API returned (img/video elements cannot send a
 * bearer header), so only pages that got them through the API can load them.
 */
import { z } from 'zod';
import { idSchema, latSchema, lonSchema, uuidSchema } from '../schemas/common.js';
import { WARNING_SEVERITIES } from '../model.js';
import {
  ENTITY_KINDS,
  RELATIONS,
  STREAM_KINDS,
  WALL_LAYOUTS,
  type AroundView,
  type CameraInfo,
  type CellCoverage,
  type CountRow,
  type EntityLinkView,
  type EntityView,
  type GeofenceView,
  type GridCellView,
  type ImportRowError,
  type MapInfo,
  type TrendPoint,
  type WallDisplayView,
  type WallFocus,
  type YoyRow,
} from './model.js';

export * from './model.js';

const lonLat = z.tuple([lonSchema, latSchema]);
/** A closed ring of at least 4 positions; at most 2,000. */
const ring = z
  .array(lonLat)
  .min(4)
  .max(2000)
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], 'a ring must be closed (first position = last)');
export const polygonSchema = z.array(ring).min(1).max(20);
export const bboxSchema = z
  .tuple([lonSchema, latSchema, lonSchema, latSchema])
  .refine(([w, s, e, n]) => w <= e && s <= n, 'bbox is [west, south, east, north]');

const propValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);
const props = z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, 'property names: letters, digits, _'), propValue).refine((r) => Object.keys(r).length <= 50, 'at most 50 properties');

export const cameraInputSchema = z
  .object({
    direction: z.number().min(0).max(360),
    angle: z.number().min(1).max(360),
    rangeM: z.number().min(1).max(5000),
    streamKind: z.enum(STREAM_KINDS),
    /** http(s):// for HLS/MJPEG/snapshot, http(s)/ws(s) for a WebRTC signalling page; LAN addresses allowed. */
    streamUrl: z.string().max(1000).regex(/^(https?|wss?):\/\//, 'stream URLs are http(s):// or ws(s)://'),
  })
  .strict();
export type CameraInput = z.infer<typeof cameraInputSchema>;

const entityFields = {
  kind: z.enum(ENTITY_KINDS),
  name: z.string().trim().min(1).max(200),
  lat: latSchema,
  lon: lonSchema,
  area: polygonSchema.nullable().optional(),
  address: z.string().max(200).optional(),
  props: props.optional(),
  personal: props.nullable().optional(),
  camera: cameraInputSchema.nullable().optional(),
};

export const entityInputSchema = z.object({ id: idSchema.optional(), ...entityFields }).strict();
export type EntityInput = z.infer<typeof entityInputSchema>;

export const entityUpdateSchema = z
  .object({
    id: idSchema,
    kind: entityFields.kind.optional(),
    name: entityFields.name.optional(),
    lat: latSchema.optional(),
    lon: lonSchema.optional(),
    area: entityFields.area,
    address: entityFields.address,
    props: entityFields.props,
    personal: entityFields.personal,
    camera: entityFields.camera,
  })
  .strict();

const linkInput = z.object({ from: idSchema, to: idSchema, relation: z.enum(RELATIONS) }).strict();
const pointOrIncident = {
  incidentId: uuidSchema.optional(),
  lat: latSchema.optional(),
  lon: lonSchema.optional(),
};
const needsPoint = (v: { incidentId?: string; lat?: number; lon?: number }): boolean =>
  v.incidentId !== undefined || (v.lat !== undefined && v.lon !== undefined);
const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');

export const geofenceInputSchema = z
  .object({
    id: idSchema.optional(),
    name: z.string().trim().min(1).max(200),
    area: polygonSchema,
    trigger: z.enum(['enter', 'leave']).default('enter'),
    severity: z.enum(WARNING_SEVERITIES).default('severe'),
    agencies: z.array(idSchema).max(20).default([]),
    unitIds: z.array(idSchema).max(500).default([]),
    active: z.boolean().default(true),
  })
  .strict();
export type GeofenceInput = z.infer<typeof geofenceInputSchema>;

/** A file on the console's machine: absolute, no NUL, one of the map extensions. */
export const mapPathSchema = z
  .string()
  .min(2)
  .max(1000)
  .refine((p) => !p.includes('\0'), 'no NUL in paths')
  .refine((p) => /\.(mbtiles|pmtiles|geojson|json)$/i.test(p), 'a map is a .mbtiles, .pmtiles or .geojson file');

export const panoramaInputs = {
  'maps.list': z.object({}).strict(),
  'maps.open': z.object({ path: mapPathSchema }).strict(),
  'maps.close': z.object({ mapId: idSchema }).strict(),
  'entities.list': z
    .object({
      bbox: bboxSchema.optional(),
      kinds: z.array(z.enum(ENTITY_KINDS)).max(ENTITY_KINDS.length).optional(),
      q: z.string().trim().min(1).max(100).optional(),
      limit: z.number().int().min(1).max(20_000).optional(),
    })
    .strict(),
  'entities.get': z.object({ id: idSchema }).strict(),
  'entities.create': entityInputSchema,
  'entities.update': entityUpdateSchema,
  'entities.delete': z.object({ id: idSchema }).strict(),
  'entities.link': linkInput,
  'entities.unlink': linkInput,
  'entities.import': z.object({ format: z.enum(['geojson', 'csv']), text: z.string().min(1).max(8 * 1024 * 1024) }).strict(),
  'entities.export': z
    .object({ format: z.enum(['geojson', 'csv']), kinds: z.array(z.enum(ENTITY_KINDS)).optional(), bbox: bboxSchema.optional() })
    .strict(),
  'panorama.around': z
    .object({ ...pointOrIncident, radiusM: z.number().min(10).max(5000).optional() })
    .strict()
    .refine(needsPoint, 'give incidentId, or lat and lon'),
  'grid.cells': z.object({}).strict(),
  'grid.assign': z.object({ cellId: idSchema, workerIds: z.array(idSchema).max(20) }).strict(),
  'grid.coverage': z.object({ day: dayKey.optional() }).strict(),
  'geofences.list': z.object({}).strict(),
  'geofences.save': geofenceInputSchema,
  'geofences.delete': z.object({ id: idSchema }).strict(),
  'cameras.feed': z.object({ cameraId: idSchema }).strict(),
  'wall.show': z
    .object({ ...pointOrIncident, zoom: z.number().min(1).max(22).optional() })
    .strict()
    .refine(needsPoint, 'give incidentId, or lat and lon'),
  'wall.state': z.object({}).strict(),
  'wall.setLayout': z.object({ displayId: z.string().regex(/^[0-9]{1,20}$/), layout: z.enum(WALL_LAYOUTS).nullable() }).strict(),
  'stats.summary': z
    .object({
      from: z.number().int().optional(),
      to: z.number().int().optional(),
      /** Minutes east of UTC for day/week/month buckets; default 480 (China Standard Time). */
      tzOffsetMin: z.number().int().min(-720).max(840).optional(),
    })
    .strict(),
} as const;

export type PanoramaApiName = keyof typeof panoramaInputs;

export interface StatsSummary {
  readonly from: number;
  readonly to: number;
  /** Incidents created in [from, to). */
  readonly total: number;
  readonly byType: readonly CountRow[];
  /** Categories of shared/panorama/stats.ts (fire, traffic, medical, hazmat, disaster, public_order). */
  readonly byCategory: readonly CountRow[];
  /** The 12 weeks and 12 months up to `to`, oldest first. */
  readonly weekly: readonly TrendPoint[];
  readonly monthly: readonly TrendPoint[];
  /** Year to date (to `to`) against the same span a year earlier, total first then per category. */
  readonly yoy: readonly YoyRow[];
  /** Categories with no incident type behind them in this catalog (e.g. criminal): no data, not zero. */
  readonly noData: readonly string[];
  /** Case statistics come from the case desk (another module); null until it provides them. */
  readonly cases: { readonly byCategory: readonly CountRow[]; readonly yoy: readonly YoyRow[] } | null;
  readonly computedAt: number;
}

export interface PanoramaResults {
  'maps.list': { maps: readonly MapInfo[] };
  'maps.open': MapInfo;
  'maps.close': { ok: true };
  'entities.list': { entities: readonly EntityView[]; truncated: boolean };
  'entities.get': { entity: EntityView; links: readonly EntityLinkView[] };
  'entities.create': EntityView;
  'entities.update': EntityView;
  'entities.delete': { ok: true };
  'entities.link': { ok: true };
  'entities.unlink': { ok: true };
  'entities.import': { created: number; updated: number; errors: readonly ImportRowError[] };
  'entities.export': { text: string; count: number };
  'panorama.around': AroundView;
  'grid.cells': { cells: readonly GridCellView[] };
  'grid.assign': GridCellView;
  'grid.coverage': { day: string; cells: readonly CellCoverage[] };
  'geofences.list': { geofences: readonly GeofenceView[] };
  'geofences.save': GeofenceView;
  'geofences.delete': { ok: true };
  'cameras.feed': CameraInfo;
  'wall.show': WallFocus;
  'wall.state': { focus: WallFocus | null; displays: readonly WallDisplayView[] };
  'wall.setLayout': { displays: readonly WallDisplayView[] };
  'stats.summary': StatsSummary;
}

/** Pushes the panorama adds to the Push union. */
export type PanoramaPush =
  | { readonly kind: 'wall'; readonly focus: WallFocus }
  | { readonly kind: 'entity'; readonly id: string; readonly entity: EntityView | null }
  | { readonly kind: 'coverage'; readonly cellId: string; readonly day: string; readonly by: string };
