/**
 * Entity import and export: GeoJSON (a FeatureCollection of Point or Polygon features) and CSV
 * (one row per entity; see docs/panorama.md for both formats). Import checks each row on its own
 * and reports the bad ones with their row and reason; the good ones are kept.
 */
import { parse } from 'csv-parse/sync';
import { describeZodError, parseJsonStrict } from '../../../shared/schemas/common.js';
import { entityInputSchema, type EntityInput } from '../../../shared/panorama/api.js';
import { centroid } from '../../../shared/panorama/geometry.js';
import { RELATIONS, type ImportRowError, type PolygonCoords, type Relation } from '../../../shared/panorama/model.js';
import type { EntityRecord } from './events.js';

export interface ParsedRows {
  readonly rows: { row: number; input: EntityInput }[];
  readonly errors: ImportRowError[];
  /** GeoJSON `properties.links`: [{to, relation}] from the row's entity. */
  readonly links: { row: number; to: string; relation: Relation }[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function check(row: number, candidate: unknown, out: ParsedRows): void {
  const r = entityInputSchema.safeParse(candidate);
  if (r.success) out.rows.push({ row, input: r.data });
  else out.errors.push({ row, reason: describeZodError(r.error) });
}

// ── GeoJSON ─────────────────────────────────────────────────────────────────────────────────────

const RESERVED = new Set(['id', 'kind', 'name', 'address', 'personal', 'camera', 'links']);

export function parseGeoJson(text: string): ParsedRows {
  const out: ParsedRows = { rows: [], errors: [], links: [] };
  let doc: unknown;
  try {
    doc = parseJsonStrict(text, 64);
  } catch (e) {
    out.errors.push({ row: 0, reason: `not JSON: ${(e as Error).message}` });
    return out;
  }
  if (!isObj(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    out.errors.push({ row: 0, reason: 'expected a GeoJSON FeatureCollection' });
    return out;
  }
  doc.features.forEach((f: unknown, i: number) => {
    const row = i + 1;
    if (!isObj(f) || f.type !== 'Feature' || !isObj(f.properties) || !isObj(f.geometry)) {
      out.errors.push({ row, reason: 'expected a Feature with properties and a geometry' });
      return;
    }
    const p = f.properties;
    const g = f.geometry;
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) if (!RESERVED.has(k)) props[k] = v;
    if (p.links !== undefined) {
      const ok = Array.isArray(p.links) && p.links.every((l) => isObj(l) && typeof l.to === 'string' && (RELATIONS as readonly unknown[]).includes(l.relation));
      if (!ok) {
        out.errors.push({ row, reason: `links: a list of {to, relation} with relation one of ${RELATIONS.join(', ')}` });
        return;
      }
      for (const l of p.links as { to: string; relation: Relation }[]) out.links.push({ row, to: l.to, relation: l.relation });
    }
    const base = { id: p.id ?? f.id, kind: p.kind, name: p.name, address: p.address, personal: p.personal, camera: p.camera, props };
    if (g.type === 'Point' && Array.isArray(g.coordinates)) {
      const [lon, lat] = g.coordinates as unknown[];
      check(row, { ...base, lat, lon }, out);
    } else if (g.type === 'Polygon' && Array.isArray(g.coordinates)) {
      const area = g.coordinates as PolygonCoords;
      let c: { lat: unknown; lon: unknown } = { lat: undefined, lon: undefined };
      try {
        c = centroid(area);
      } catch {
        /* the schema reports the bad polygon */
      }
      check(row, { ...base, area, ...c }, out);
    } else out.errors.push({ row, reason: `geometry ${String(g.type)}: only Point and Polygon are taken` });
  });
  return out;
}

export function toGeoJson(records: readonly EntityRecord[], withPersonal: boolean, linksOf: (id: string) => { to: string; relation: Relation }[] = () => []): string {
  const features = records.map((r) => ({
    type: 'Feature',
    id: r.id,
    properties: {
      id: r.id,
      kind: r.kind,
      name: r.name,
      ...(r.address ? { address: r.address } : {}),
      ...r.props,
      ...(withPersonal && r.personal ? { personal: r.personal } : {}),
      ...(r.camera ? { camera: r.camera } : {}),
      ...(linksOf(r.id).length ? { links: linksOf(r.id) } : {}),
    },
    geometry: r.area ? { type: 'Polygon', coordinates: r.area } : { type: 'Point', coordinates: [r.lon, r.lat] },
  }));
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────────

/** Fixed columns; any other column is a property (`personal.x` a personal field). */
export const CSV_COLUMNS = ['id', 'kind', 'name', 'lat', 'lon', 'address', 'direction', 'angle', 'range_m', 'stream_kind', 'stream_url', 'area'] as const;

/** A cell as read: its text and whether it was quoted. */
type Cell = readonly [string, boolean];

/** An unquoted cell's value: numbers and true/false typed back; empty cells absent; quoted cells stay text. */
function cellValue([v, quoted]: Cell): string | number | boolean | undefined {
  if (quoted) return v;
  if (v === '') return undefined;
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+(\.\d+)?$/.test(v) && String(Number(v)) === v) return Number(v);
  return v;
}

export function parseCsv(text: string): ParsedRows {
  const out: ParsedRows = { rows: [], errors: [], links: [] };
  let records: { record: Cell[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true, relax_column_count: false, skip_empty_lines: true, info: true, trim: true,
      cast: (value, context): Cell => [value, context.quoting],
    }) as unknown as typeof records;
  } catch (e) {
    out.errors.push({ row: 0, reason: `not CSV: ${(e as Error).message}` });
    return out;
  }
  if (records.length === 0) return out;
  const header = records[0].record.map(([h]) => h);
  for (const need of ['kind', 'name', 'lat', 'lon'])
    if (!header.includes(need)) {
      out.errors.push({ row: 1, reason: `the header has no column "${need}"` });
      return out;
    }
  for (const { record, info } of records.slice(1)) {
    const row = info.lines;
    const get = (c: string): string => record[header.indexOf(c)]?.[0] ?? '';
    const props: Record<string, unknown> = {};
    const personal: Record<string, unknown> = {};
    header.forEach((h, i) => {
      if ((CSV_COLUMNS as readonly string[]).includes(h)) return;
      const v = cellValue(record[i] ?? ['', false]);
      if (v === undefined) return;
      if (h.startsWith('personal.')) personal[h.slice(9)] = v;
      else props[h] = v;
    });
    let area: unknown = undefined;
    if (get('area')) {
      try {
        area = JSON.parse(get('area'));
      } catch {
        out.errors.push({ row, reason: 'area: not JSON polygon coordinates' });
        continue;
      }
    }
    const camera = get('stream_kind')
      ? { direction: Number(get('direction')), angle: Number(get('angle')), rangeM: Number(get('range_m')), streamKind: get('stream_kind'), streamUrl: get('stream_url') }
      : undefined;
    check(
      row,
      {
        ...(get('id') ? { id: get('id') } : {}),
        kind: get('kind'),
        name: get('name'),
        lat: get('lat') === '' ? undefined : Number(get('lat')),
        lon: get('lon') === '' ? undefined : Number(get('lon')),
        address: get('address'),
        props,
        ...(Object.keys(personal).length ? { personal } : {}),
        ...(camera ? { camera } : {}),
        ...(area !== undefined ? { area } : {}),
      },
      out,
    );
  }
  return out;
}

const quote = (v: string | number | boolean | null | undefined): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Text that would read back as a number or true/false is quoted, so it stays text.
  const typed = typeof v === 'string' && cellValue([s, false]) !== s;
  return typed || /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(records: readonly EntityRecord[], withPersonal: boolean): string {
  const propKeys = new Set<string>();
  const personalKeys = new Set<string>();
  for (const r of records) {
    for (const k of Object.keys(r.props)) propKeys.add(k);
    if (withPersonal && r.personal) for (const k of Object.keys(r.personal)) personalKeys.add(`personal.${k}`);
  }
  const extra = [...[...propKeys].sort(), ...[...personalKeys].sort()];
  const lines = [[...CSV_COLUMNS, ...extra].join(',')];
  for (const r of records) {
    const c = r.camera;
    const fixed = [r.id, r.kind, r.name, r.lat, r.lon, r.address, c?.direction, c?.angle, c?.rangeM, c?.streamKind, c?.streamUrl, r.area ? JSON.stringify(r.area) : ''];
    const rest = extra.map((k) => (k.startsWith('personal.') ? r.personal?.[k.slice(9)] : r.props[k]));
    lines.push([...fixed, ...rest].map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}
