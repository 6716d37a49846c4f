/**
 * Loads the case desk's catalogs (resources/cases/categories.json, bodies.json) and the city's
 * districts and grid cells (communities) from the map, checking every cross reference. A bad
 * file stops the console with the file and the reason (ResourceError), like the other catalogs.
 */
import { join } from 'node:path';
import { bodyFileSchema, categoryFileSchema, resolveCasesCatalog, type CaseCatalog } from '../../../shared/cases/catalog.js';
import type { CityAreas, NamedArea } from '../../../shared/cases/areas.js';
import type { LonLat } from '../../../shared/model.js';
import { placesFromGeoJson, type Place } from '../../../shared/domain/places.js';
import { describeZodError, parseJsonStrict } from '../../../shared/schemas/common.js';
import { readJson, readTextFile, ResourceError } from '../resources.js';

interface MapFeature {
  properties?: { layer?: unknown; id?: unknown; name?: unknown; nameEn?: unknown; district?: unknown };
  geometry?: { type?: unknown; coordinates?: unknown };
}

/** Districts and grid cells (layer "district" / "grid", Polygon) of a GeoJSON city map, and its named places (the gazetteer). */
export function loadCityAreas(file: string): { areas: CityAreas; districts: { id: string; zh: string; en: string }[]; places: Place[] } {
  let data: unknown;
  try {
    data = parseJsonStrict(readTextFile(file), 64);
  } catch (e) {
    if (e instanceof ResourceError) throw e;
    throw new ResourceError(file, `not valid JSON: ${(e as Error).message}`);
  }
  const features = (data as { features?: unknown }).features;
  if (!Array.isArray(features)) throw new ResourceError(file, 'not a GeoJSON FeatureCollection');
  const districts: NamedArea[] = [];
  const communities: NamedArea[] = [];
  const names: { id: string; zh: string; en: string }[] = [];
  for (const f of features as MapFeature[]) {
    const p = f.properties ?? {};
    if ((p.layer !== 'district' && p.layer !== 'grid') || f.geometry?.type !== 'Polygon' || typeof p.id !== 'string') continue;
    const ring = (f.geometry.coordinates as LonLat[][])[0];
    if (p.layer === 'district') {
      districts.push({ id: p.id, ring });
      names.push({ id: p.id, zh: typeof p.name === 'string' ? p.name : p.id, en: typeof p.nameEn === 'string' ? p.nameEn : p.id });
    } else communities.push({ id: p.id, ring, district: typeof p.district === 'string' ? p.district : undefined });
  }
  return { areas: { districts, communities }, districts: names, places: placesFromGeoJson(data) };
}

export function loadCaseCatalog(resourcesDir: string, mapFile: string): { catalog: CaseCatalog; areas: CityAreas; places: Place[] } {
  const { areas, districts, places } = loadCityAreas(mapFile);
  const catFile = join(resourcesDir, 'cases', 'categories.json');
  const bodyFile = join(resourcesDir, 'cases', 'bodies.json');
  const cats = categoryFileSchema.safeParse(readJson(catFile));
  if (!cats.success) throw new ResourceError(catFile, describeZodError(cats.error));
  const bodies = bodyFileSchema.safeParse(readJson(bodyFile));
  if (!bodies.success) throw new ResourceError(bodyFile, describeZodError(bodies.error));
  try {
    return { catalog: resolveCasesCatalog(cats.data, bodies.data, districts, new Set(areas.communities.map((c) => c.id))), areas, places };
  } catch (e) {
    throw new ResourceError(join(resourcesDir, 'cases'), (e as Error).message);
  }
}
