/**
 * The panorama service: offline maps, entities and links, around-a-point, the management grid,
 * geofences, cameras, the wall and statistics, behind the API of shared/panorama/api.ts. The core
 * creates it, awaits start(), spreads `handlers` into its own and feeds it every push (units
 * batches drive grid coverage and geofences).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { ApiError, type ApiHandlers, type Push } from '../../../shared/api.js';
import type { PanoramaApiName } from '../../../shared/panorama/api.js';
import type { IncidentView, UnitView } from '../../../shared/model.js';
import { can, type Role } from '../../../shared/roles.js';
import type { CountRow, ImportRowError, Relation, YoyRow } from '../../../shared/panorama/model.js';
import { incidentStats, type Occurrence } from '../../../shared/panorama/stats.js';
import type { Author } from '../store/events.js';
import type { Store } from '../store/store.js';
import type { WarningService } from '../warnings/warnings.js';
import { AroundDesk } from './around.js';
import { cameraInfo } from './cameras.js';
import { EntityDesk, mayKnow, recordFrom } from './entities.js';
import { parseCsv, parseGeoJson, toCsv, toGeoJson, type ParsedRows } from './entity-io.js';
import { GeofenceDesk } from './geofence.js';
import { GridDesk, loadCells } from './grid.js';
import { MapRegistry } from './maps/registry.js';
import { MapFileError } from './maps/source.js';
import { UrlSigner } from './signer.js';
import { WallDesk } from './wall.js';

export type PanoramaHandlers = Pick<ApiHandlers, PanoramaApiName>;

export interface PanoramaConfig {
  readonly store: Store;
  readonly consoleId: string;
  readonly now: () => number;
  readonly push: (p: Push) => void;
  readonly warnings: WarningService;
  readonly incident: (id: string) => IncidentView | undefined;
  readonly unit: (id: string) => UnitView | undefined;
  /** Case statistics for the wall, from the case desk (null without one). */
  readonly caseStats?: (from: number, to: number) => { byCategory: CountRow[]; yoy: YoyRow[] } | null;
  readonly units: () => UnitView[];
  /** The basemap GeoJSON (grid cells come from its `grid` layer). */
  readonly basemap: string;
  /** Default entities (GeoJSON), loaded once into an empty store. */
  readonly defaultEntities?: string;
  /** --map files, opened at start. */
  readonly maps?: readonly string[];
  /** --online-tiles URL template. */
  readonly onlineTiles?: string;
  /** Minutes east of UTC for days, weeks and months (default 480, China Standard Time). */
  readonly tzOffsetMin?: number;
}

export class PanoramaService {
  readonly signer: UrlSigner;
  readonly maps: MapRegistry;
  readonly entities: EntityDesk;
  readonly grid: GridDesk;
  readonly geofences: GeofenceDesk;
  readonly wall: WallDesk;
  readonly around: AroundDesk;
  readonly handlers: PanoramaHandlers;
  private readonly system: Author;
  private readonly tz: number;

  constructor(private readonly cfg: PanoramaConfig) {
    const { store, push } = cfg;
    this.system = { actor: 'system', consoleId: cfg.consoleId };
    this.tz = cfg.tzOffsetMin ?? 480;
    this.signer = new UrlSigner(cfg.now);
    this.maps = new MapRegistry(this.signer, cfg.onlineTiles ?? null);
    this.entities = new EntityDesk(store, (id, cam) => cameraInfo(this.signer, id, cam), (id, entity) => push({ kind: 'entity', id, entity }));
    this.grid = new GridDesk(store, existsSync(cfg.basemap) ? loadCells(cfg.basemap) : [], this.tz, (cellId, day, by) => push({ kind: 'coverage', cellId, day, by }));
    this.geofences = new GeofenceDesk(store, cfg.warnings, cfg.consoleId);
    this.wall = new WallDesk(store, this.entities.index, cfg.incident, (focus) => push({ kind: 'wall', focus }));
    this.around = new AroundDesk({
      store,
      entities: this.entities,
      grid: this.grid,
      incident: cfg.incident,
      report: (id) => cfg.warnings.queries.report(id),
      unit: cfg.unit,
      openWarnings: () => cfg.warnings.queries.warnings(),
    });
    this.handlers = this.makeHandlers();
  }

  /** Loads default data into an empty store and opens the maps. Throws MapFileError for a bad --map. */
  async start(): Promise<void> {
    if (this.cfg.defaultEntities && this.entities.count === 0 && existsSync(this.cfg.defaultEntities)) this.importDefaults(this.cfg.defaultEntities);
    this.grid.assignDefaults(this.cfg.units().filter((u) => u.agency === 'grid'), this.system);
    if (existsSync(this.cfg.basemap)) await this.maps.open(this.cfg.basemap, 'default');
    for (const f of this.cfg.maps ?? []) await this.maps.open(f, 'start');
    const opened = this.cfg.store.db.prepare('SELECT path FROM maps_opened ORDER BY opened_at').pluck().all() as string[];
    for (const path of opened) await this.maps.open(path, 'ui').catch((e: unknown) => console.warn(`[panorama] map ${path} not reopened: ${(e as Error).message}`));
  }

  /** Every push of the core: unit batches drive coverage and geofences. */
  observe(p: Push): void {
    let list: readonly UnitView[];
    if (p.kind === 'units') list = p.units;
    else if (p.kind === 'positions') list = p.positions.flatMap((q) => this.cfg.unit(q.id) ?? []);
    else return;
    if (list.length === 0) return;
    this.grid.positions(list);
    this.geofences.positions(list);
  }

  close(): void {
    this.maps.closeAll();
  }

  /** Incident created times and types from the event log (not the projection). */
  occurrences(): Occurrence[] {
    return (this.cfg.store.db.prepare(`SELECT json_extract(payload, '$.type') AS type, at FROM events WHERE type = 'incident.created'`).all() as Occurrence[]);
  }

  private importDefaults(file: string): void {
    const parsed = parseGeoJson(readFileSync(file, 'utf8'));
    this.cfg.store.tx(() => this.saveRows(parsed, this.system));
    if (parsed.errors.length) console.warn(`[panorama] ${file}: ${parsed.errors.length} rows skipped, first: row ${parsed.errors[0].row}: ${parsed.errors[0].reason}`);
  }

  /** Saves the good rows of an import and then their links (inside the caller's transaction). */
  private saveRows(parsed: ParsedRows, who: Author & { role?: Role }): { created: number; updated: number; errors: ImportRowError[]; saved: string[] } {
    const e = this.entities;
    const role = who.role ?? 'supervisor';
    const errors = [...parsed.errors];
    let created = 0;
    let updated = 0;
    const saved: string[] = [];
    const idOfRow = new Map<number, string>();
    for (const { row, input } of parsed.rows) {
      if (!mayKnow(role, input.kind)) {
        errors.push({ row, reason: `the ${role} role may not import ${input.kind}` });
        continue;
      }
      const id = input.id ?? `E-${randomUUID()}`;
      if (e.record(id)) updated++;
      else created++;
      e.save(recordFrom(input, id), who);
      saved.push(id);
      idOfRow.set(row, id);
    }
    for (const l of parsed.links) {
      const from = idOfRow.get(l.row);
      if (!from) continue;
      if (!e.record(l.to)) errors.push({ row: l.row, reason: `links: no entity ${l.to}` });
      else if (from !== l.to) this.cfg.store.append('entity.linked', { from, to: l.to, relation: l.relation }, who);
    }
    return { created, updated, errors, saved };
  }

  private makeHandlers(): PanoramaHandlers {
    const { store, now } = this.cfg;
    const e = this.entities;
    return {
      'maps.list': async () => ({ maps: this.maps.list() }),
      'maps.open': async ({ path }, ctx) => {
        try {
          const info = await this.maps.open(path, 'ui');
          if (info.source === 'ui') store.tx(() => store.append('map.opened', { id: info.id, path }, ctx));
          return info;
        } catch (err) {
          if (err instanceof MapFileError) throw new ApiError('bad_request', err.message);
          throw err;
        }
      },
      'maps.close': async ({ mapId }, ctx) => {
        if (this.maps.sourceOf(mapId) !== 'ui') throw new ApiError('not_found', `no map ${mapId} opened from the console`);
        this.maps.close(mapId);
        store.tx(() => store.append('map.closed', { id: mapId }, ctx));
        return { ok: true };
      },
      'entities.list': async (input, ctx) => e.list(input, ctx.role),
      'entities.get': async ({ id }, ctx) => ({ entity: e.mustView(id, ctx.role), links: e.links(id, ctx.role) }),
      'entities.create': async (input, ctx) => e.create(input, ctx),
      'entities.update': async (input, ctx) => e.update(input, ctx),
      'entities.delete': async ({ id }, ctx) => {
        e.delete(id, ctx);
        return { ok: true };
      },
      'entities.link': async ({ from, to, relation }, ctx) => {
        e.link(from, to, relation, ctx, true);
        return { ok: true };
      },
      'entities.unlink': async ({ from, to, relation }, ctx) => {
        e.link(from, to, relation, ctx, false);
        return { ok: true };
      },
      'entities.import': async ({ format, text }, ctx) => {
        const parsed = format === 'geojson' ? parseGeoJson(text) : parseCsv(text);
        const r = store.tx(() => this.saveRows(parsed, ctx));
        for (const id of r.saved) e.changed(id, ctx.role);
        return { created: r.created, updated: r.updated, errors: r.errors.sort((a, b) => a.row - b.row) };
      },
      'entities.export': async ({ format, kinds, bbox }, ctx) => {
        const withPersonal = can(ctx.role, 'personal');
        const ks = kinds ? new Set(kinds) : null;
        const ids = bbox ? new Set(e.index.inBox(bbox).map((i) => i.id)) : null;
        const records = e.all().filter((r) => mayKnow(ctx.role, r.kind) && (!ks || ks.has(r.kind)) && (!ids || ids.has(r.id)));
        const linksOf = (id: string): { to: string; relation: Relation }[] =>
          e.links(id, ctx.role).filter((l) => l.direction === 'out' && l.other !== null).map((l) => ({ to: l.to, relation: l.relation }));
        return { text: format === 'geojson' ? toGeoJson(records, withPersonal, linksOf) : toCsv(records, withPersonal), count: records.length };
      },
      'panorama.around': async (input, ctx) => this.around.around(input, ctx),
      'grid.cells': async () => ({ cells: this.grid.list() }),
      'grid.assign': async ({ cellId, workerIds }, ctx) => this.grid.assign(cellId, workerIds, ctx),
      'grid.coverage': async ({ day }) => {
        const d = day ?? this.grid.today(now());
        return { day: d, cells: this.grid.coverage(d) };
      },
      'geofences.list': async () => ({ geofences: this.geofences.list() }),
      'geofences.save': async (input, ctx) => this.geofences.save(input, ctx),
      'geofences.delete': async ({ id }, ctx) => {
        this.geofences.delete(id, ctx);
        return { ok: true };
      },
      'cameras.feed': async ({ cameraId }) => {
        const r = e.record(cameraId);
        if (!r?.camera) throw new ApiError('not_found', `no camera ${cameraId}`);
        return cameraInfo(this.signer, cameraId, r.camera);
      },
      'wall.show': async (input, ctx) => this.wall.show(input, ctx),
      'wall.state': async () => ({ focus: this.wall.focus(), displays: this.wall.displays() }),
      'wall.setLayout': async ({ displayId, layout }) => ({ displays: this.wall.setLayout(displayId, layout) }),
      'stats.summary': async ({ from, to, tzOffsetMin }) => {
        const t = to ?? now();
        const tz = tzOffsetMin ?? this.tz;
        const f = from ?? t - 365 * 86_400_000;
        return { from: f, to: t, ...incidentStats(this.occurrences(), f, t, tz), cases: this.cfg.caseStats?.(f, t) ?? null, computedAt: now() };
      },
    };
  }
}
