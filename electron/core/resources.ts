/**
 * Loads and validates the files the console starts from: catalogs and the roster. A bad file is
 * refused with the file, the row or path, and the reason — never half-loaded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { catalogSchema, rosterRowSchema, type Catalog, type RosterRow } from '../../shared/schemas/catalog.js';
import { describeZodError, parseJsonStrict } from '../../shared/schemas/common.js';
import { buildRoadGraph, type GeoJsonLike, type RoadGraph } from '../../shared/domain/roads.js';

export class ResourceError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ResourceError';
  }
}

const MAX_FILE_BYTES = 32 * 1024 * 1024;

export function readTextFile(file: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    throw new ResourceError(file, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (buf.byteLength > MAX_FILE_BYTES) throw new ResourceError(file, `larger than ${MAX_FILE_BYTES} bytes`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new ResourceError(file, 'not valid UTF-8');
  }
}

export function readJson(file: string): unknown {
  try {
    return parseJsonStrict(readTextFile(file));
  } catch (e) {
    if (e instanceof ResourceError) throw e;
    throw new ResourceError(file, `not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads agencies.json, unit-types.json and incident-types.json from `dir`. */
export function loadCatalog(dir: string): Catalog {
  const raw = {
    agencies: readJson(join(dir, 'agencies.json')),
    unitTypes: readJson(join(dir, 'unit-types.json')),
    incidentTypes: readJson(join(dir, 'incident-types.json')),
  };
  const r = catalogSchema.safeParse(raw);
  if (!r.success) throw new ResourceError(dir, describeZodError(r.error));
  return r.data;
}

/** Parses a roster CSV (header id,name,agency,type,station,lat,lon); checks types against the catalog. */
export function parseRoster(text: string, file: string, catalog: Catalog): RosterRow[] {
  let records: Record<string, string>[];
  try {
    records = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    throw new ResourceError(file, `not valid CSV: ${(e as Error).message}`);
  }
  const required = ['id', 'name', 'agency', 'type', 'station', 'lat', 'lon'];
  const header = records.length ? Object.keys(records[0]) : required;
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) throw new ResourceError(file, `missing column(s) ${missing.join(', ')}`);
  const types = new Map(catalog.unitTypes.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const phones = new Map<string, string>();
  return records.map((rec, i) => {
    const line = i + 2;
    const r = rosterRowSchema.safeParse(rec);
    if (!r.success) throw new ResourceError(file, `line ${line}: ${describeZodError(r.error)}`);
    const t = types.get(r.data.type);
    if (!t) throw new ResourceError(file, `line ${line}: type: unknown unit type "${r.data.type}"`);
    if (t.agency !== r.data.agency) throw new ResourceError(file, `line ${line}: type "${t.id}" belongs to agency "${t.agency}", not "${r.data.agency}"`);
    if (seen.has(r.data.id)) throw new ResourceError(file, `line ${line}: duplicate unit id "${r.data.id}"`);
    seen.add(r.data.id);
    if (r.data.owntracks) {
      if (phones.has(r.data.owntracks)) throw new ResourceError(file, `line ${line}: OwnTracks device "${r.data.owntracks}" is already unit ${phones.get(r.data.owntracks) ?? ''}`);
      phones.set(r.data.owntracks, r.data.id);
    }
    return r.data;
  });
}

export function loadRoster(file: string, catalog: Catalog): RosterRow[] {
  return parseRoster(readTextFile(file), file, catalog);
}

/** The road network of a GeoJSON map (features with properties.layer "road"), for routed ETAs. */
export function loadRoadGraph(file: string): RoadGraph {
  let data: unknown;
  try {
    data = parseJsonStrict(readTextFile(file), 64);
  } catch (e) {
    if (e instanceof ResourceError) throw e;
    throw new ResourceError(file, `not valid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'FeatureCollection')
    throw new ResourceError(file, 'not a GeoJSON FeatureCollection');
  return buildRoadGraph(data as GeoJsonLike);
}
