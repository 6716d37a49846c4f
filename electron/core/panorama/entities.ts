/**
 * The entity desk: people, places, things and organisations and their links. Every change is an
 * event; the desk keeps the spatial index in step and turns rows into views for the caller's role
 * (residents who need help, and every personal field, only for roles with `personal`).
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type ApiInput, type CallContext } from '../../../shared/api.js';
import { can, type Role } from '../../../shared/roles.js';
import { centroid } from '../../../shared/panorama/geometry.js';
import type { CameraInput, EntityInput } from '../../../shared/panorama/api.js';
import {
  ENTITY_CLASS_OF,
  PERSONAL_KINDS,
  type CameraInfo,
  type EntityKind,
  type EntityLinkView,
  type EntityProps,
  type EntityView,
  type PolygonCoords,
  type Relation,
} from '../../../shared/panorama/model.js';
import type { Author } from '../store/events.js';
import { statements, type Statements } from '../store/statements.js';
import type { Store } from '../store/store.js';
import type { EntityRecord } from './events.js';
import { EntityIndex } from './spatial.js';

interface EntityRow {
  id: string;
  kind: EntityKind;
  name: string;
  lat: number;
  lon: number;
  area: string | null;
  address: string;
  props: string;
  personal: string | null;
  camera: string | null;
  updated_at: number;
  updated_by: string;
}

const parse = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

export function rowToRecord(r: EntityRow): EntityRecord {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    lat: r.lat,
    lon: r.lon,
    area: parse(r.area) as PolygonCoords | null,
    address: r.address,
    props: parse(r.props) as EntityProps,
    personal: parse(r.personal) as EntityProps | null,
    camera: parse(r.camera) as CameraInput | null,
  };
}

/** Builds a record from API input: an area's point is always its centroid (so every format agrees). */
export function recordFrom(input: EntityInput, id: string): EntityRecord {
  const area = input.area ?? null;
  const at = area ? centroid(area) : { lat: input.lat, lon: input.lon };
  return {
    id,
    kind: input.kind,
    name: input.name,
    lat: at.lat,
    lon: at.lon,
    area,
    address: input.address ?? '',
    props: input.props ?? {},
    personal: input.personal ?? null,
    camera: input.kind === 'camera' ? (input.camera ?? null) : null,
  };
}

export const mayKnow = (role: Role, kind: EntityKind): boolean => !PERSONAL_KINDS.has(kind) || can(role, 'personal');

export class EntityDesk {
  readonly index = new EntityIndex();
  private readonly sql: Statements;

  constructor(
    private readonly store: Store,
    private readonly cameraInfo: (id: string, cam: CameraInput) => CameraInfo,
    private readonly emit: (id: string, entity: EntityView | null) => void,
  ) {
    this.sql = statements(store.db);
    this.reindex();
  }

  /** Rebuilds the index from the table (at start, after a rebuild of the projections). */
  reindex(): void {
    this.index.clear();
    this.index.load(this.rows('SELECT * FROM entities').map(rowToRecord));
  }

  get count(): number {
    return this.index.size;
  }

  record(id: string): EntityRecord | undefined {
    const r = this.sql.stmt('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
    return r ? rowToRecord(r) : undefined;
  }

  /** The caller's view of one entity in one read (no check of who may know it). */
  viewOf(id: string, role: Role): EntityView | undefined {
    const r = this.sql.stmt('SELECT * FROM entities WHERE id = ?').get(id) as EntityRow | undefined;
    return r ? this.view(rowToRecord(r), role, { at: r.updated_at, by: r.updated_by }) : undefined;
  }

  /** Records as stored, by ids (order kept, missing skipped). */
  records(ids: readonly string[]): EntityRecord[] {
    return ids.flatMap((id) => {
      const r = this.record(id);
      return r ? [r] : [];
    });
  }

  all(): EntityRecord[] {
    return this.rows('SELECT * FROM entities ORDER BY id').map(rowToRecord);
  }

  view(r: EntityRecord, role: Role, updated?: { at: number; by: string }): EntityView {
    const meta = updated ?? (this.sql.stmt('SELECT updated_at AS at, updated_by AS by FROM entities WHERE id = ?').get(r.id) as { at: number; by: string } | undefined) ?? { at: 0, by: '' };
    return {
      id: r.id,
      kind: r.kind,
      class: ENTITY_CLASS_OF[r.kind],
      name: r.name,
      lat: r.lat,
      lon: r.lon,
      area: r.area,
      address: r.address,
      props: r.props,
      personal: can(role, 'personal') ? r.personal : null,
      camera: r.camera ? this.cameraInfo(r.id, r.camera) : null,
      updatedAt: meta.at,
      updatedBy: meta.by,
    };
  }

  /** The view for `role`, or not_found when it may not know of it. */
  mustView(id: string, role: Role): EntityView {
    const r = this.record(id);
    if (!r || !mayKnow(role, r.kind)) throw new ApiError('not_found', `no entity ${id}`);
    return this.view(r, role);
  }

  list(input: ApiInput<'entities.list'>, role: Role): { entities: EntityView[]; truncated: boolean } {
    const limit = input.limit ?? 5000;
    const kinds = input.kinds ? new Set(input.kinds) : undefined;
    let ids: string[];
    if (input.bbox) ids = this.index.inBox(input.bbox, kinds).map((i) => i.id).sort();
    else ids = (this.sql.stmt('SELECT id FROM entities ORDER BY id').pluck().all() as string[]);
    const q = input.q?.toLowerCase();
    const out: EntityView[] = [];
    for (const r of this.records(ids)) {
      if (kinds && !kinds.has(r.kind)) continue;
      if (!mayKnow(role, r.kind)) continue;
      if (q && !r.name.toLowerCase().includes(q) && !r.address.toLowerCase().includes(q)) continue;
      if (out.length === limit) return { entities: out, truncated: true };
      out.push(this.view(r, role));
    }
    return { entities: out, truncated: false };
  }

  links(id: string, role: Role): EntityLinkView[] {
    const rows = this.sql.stmt('SELECT from_id AS "from", to_id AS "to", relation FROM entity_links WHERE from_id = ? OR to_id = ? ORDER BY at').all(id, id) as {
      from: string;
      to: string;
      relation: Relation;
    }[];
    return rows.map((l) => {
      const otherId = l.from === id ? l.to : l.from;
      const o = this.record(otherId);
      return { ...l, direction: l.from === id ? 'out' : 'in', other: o && mayKnow(role, o.kind) ? this.view(o, role) : null };
    });
  }

  /** Writes a record (create or replace) as one event; the caller's transaction if any. */
  save(record: EntityRecord, who: Author): void {
    this.store.append('entity.saved', record, who);
    this.index.upsert(record);
  }

  create(input: EntityInput, ctx: CallContext): EntityView {
    const id = input.id ?? `E-${randomUUID()}`;
    if (input.id && this.record(input.id)) throw new ApiError('conflict', `entity ${input.id} exists`);
    const rec = recordFrom(input, id);
    this.store.tx(() => this.save(rec, ctx));
    return this.changed(id, ctx.role);
  }

  update(input: ApiInput<'entities.update'>, ctx: CallContext): EntityView {
    const old = this.record(input.id);
    if (!old || !mayKnow(ctx.role, old.kind)) throw new ApiError('not_found', `no entity ${input.id}`);
    const { id, ...patch } = input;
    const merged: EntityInput = {
      kind: patch.kind ?? old.kind,
      name: patch.name ?? old.name,
      lat: patch.lat ?? old.lat,
      lon: patch.lon ?? old.lon,
      area: patch.area === undefined ? (old.area as EntityInput['area']) : patch.area,
      address: patch.address ?? old.address,
      props: patch.props ?? old.props,
      personal: patch.personal === undefined ? old.personal : patch.personal,
      camera: patch.camera === undefined ? old.camera : patch.camera,
    };
    // A caller who cannot see personal fields cannot wipe them by leaving them out either.
    if (!can(ctx.role, 'personal')) merged.personal = old.personal;
    this.store.tx(() => this.save(recordFrom(merged, id), ctx));
    return this.changed(id, ctx.role);
  }

  delete(id: string, ctx: CallContext): void {
    const old = this.record(id);
    if (!old || !mayKnow(ctx.role, old.kind)) throw new ApiError('not_found', `no entity ${id}`);
    this.store.tx(() => this.store.append('entity.deleted', { id }, ctx));
    this.index.remove(id);
    if (!PERSONAL_KINDS.has(old.kind)) this.emit(id, null);
  }

  link(from: string, to: string, relation: Relation, ctx: CallContext, linked: boolean): void {
    for (const id of [from, to]) {
      const r = this.record(id);
      if (!r || !mayKnow(ctx.role, r.kind)) throw new ApiError('not_found', `no entity ${id}`);
    }
    if (from === to) throw new ApiError('bad_request', 'an entity cannot be linked to itself');
    this.store.tx(() => this.store.append(linked ? 'entity.linked' : 'entity.unlinked', { from, to, relation }, ctx));
  }

  /** Pushes the saved entity (views are per role: the push carries the redacted one) and returns the caller's view. */
  changed(id: string, role: Role): EntityView {
    const r = this.record(id);
    if (!r) throw new ApiError('internal', `entity ${id} vanished`);
    // Residents are not pushed: a push reaches every client, whatever its role.
    if (!PERSONAL_KINDS.has(r.kind)) this.emit(id, this.view(r, 'wall'));
    return this.view(r, role);
  }

  private rows(sql: string): EntityRow[] {
    return this.sql.stmt(sql).all() as EntityRow[];
  }
}
