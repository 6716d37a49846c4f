/** The gazetteer: names from the basemap's GeoJSON, the search behind the location field, "lat,lon". */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorOf, locateAddress, parseLatLon, placesFromGeoJson, searchPlaces } from '../../../shared/domain/places';

const city = JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/map/training-city.geojson'), 'utf8')) as unknown;
const places = placesFromGeoJson(city);

const tiny = {
  features: [
    { properties: { layer: 'road', id: 'R-1', name: '人民路', nameEn: 'Renmin Rd' }, geometry: { type: 'LineString', coordinates: [[104.0, 31.0], [104.2, 31.0]] } },
    { properties: { layer: 'road', id: 'R-2', name: '人民路', nameEn: 'Renmin Rd' }, geometry: { type: 'LineString', coordinates: [[105.0, 31.0], [105.2, 31.0]] } },
    { properties: { layer: 'block', id: 'B-1', name: '人民公园', nameEn: "People's Park" }, geometry: { type: 'Polygon', coordinates: [[[104, 31], [104.2, 31], [104.2, 31.2], [104, 31.2], [104, 31]]] } },
    { properties: { layer: 'station', id: 'ST-1', name: '人民医院急救站', nameEn: "People's Hospital EMS Station", agency: 'ems' }, geometry: { type: 'Point', coordinates: [104.1, 31.1] } },
    { properties: { layer: 'grid', id: 'G-1', name: '' }, geometry: { type: 'Point', coordinates: [104.1, 31.1] } },
    { properties: { layer: 'unknown', id: 'U-1', name: '人民' }, geometry: { type: 'Point', coordinates: [104.1, 31.1] } },
  ],
};

describe('places', () => {
  it('takes named features of known layers once per name, with a representative point', () => {
    const list = placesFromGeoJson(tiny);
    expect(list.map((p) => p.id)).toEqual(['R-1', 'B-1', 'ST-1']);
    expect(list[0]).toMatchObject({ kind: 'road', lat: 31, lon: 104.1 });
    expect(list[1].lat).toBeCloseTo(31.1);
    expect(list[1].lon).toBeCloseTo(104.1);
    expect(list[2]).toMatchObject({ kind: 'station', agency: 'ems', en: "People's Hospital EMS Station" });
    expect(placesFromGeoJson(null)).toEqual([]);
    expect(anchorOf({ type: 'GeometryCollection', coordinates: [] })).toBeNull();
  });

  it('finds places by Chinese or English name, best matches and stations first', () => {
    const list = placesFromGeoJson(tiny);
    expect(searchPlaces(list, '人民').map((p) => p.id)).toEqual(['ST-1', 'B-1', 'R-1']);
    expect(searchPlaces(list, '人民路').map((p) => p.id)).toEqual(['R-1']);
    expect(searchPlaces(list, 'renmin').map((p) => p.id)).toEqual(['R-1']);
    expect(searchPlaces(list, 'park').map((p) => p.id)).toEqual(['B-1']);
    expect(searchPlaces(list, 'PEOPLE').map((p) => p.id)).toEqual(['ST-1', 'B-1']);
    expect(searchPlaces(list, '  ')).toEqual([]);
    expect(searchPlaces(list, 'nowhere')).toEqual([]);
  });

  it('searches the training city', () => {
    expect(places.length).toBeGreaterThan(500);
    const [mall] = searchPlaces(places, '望江商城');
    expect(mall).toMatchObject({ kind: 'block', en: 'Wangjiang Mall' });
    expect(searchPlaces(places, 'chengdong fire')[0]).toMatchObject({ kind: 'station', zh: '城东消防站' });
    expect(searchPlaces(places, '消防站', 20).every((p) => p.kind === 'station')).toBe(true);
    expect(searchPlaces(places, 'rd', 3)).toHaveLength(3);
  });

  it('reads lat,lon as dispatchers type it', () => {
    expect(parseLatLon('31.13,104.40')).toEqual({ lat: 31.13, lon: 104.4 });
    expect(parseLatLon(' 31.13 , 104.40 ')).toEqual({ lat: 31.13, lon: 104.4 });
    expect(parseLatLon('31.13 104.4')).toEqual({ lat: 31.13, lon: 104.4 });
    expect(parseLatLon('31.13，104.40')).toEqual({ lat: 31.13, lon: 104.4 });
    expect(parseLatLon('104.40,31.13')).toEqual({ lat: 31.13, lon: 104.4 });
    expect(parseLatLon('-33.9,151.2')).toEqual({ lat: -33.9, lon: 151.2 });
    expect(parseLatLon('200,300')).toBeNull();
    expect(parseLatLon('望江商城')).toBeNull();
    expect(parseLatLon('31.13')).toBeNull();
    expect(parseLatLon('31.13,104.40,5')).toBeNull();
  });
});

describe('locateAddress', () => {
  const named = (address: string): string | null | undefined => {
    const r = locateAddress(places, address);
    return r === null ? undefined : (r.place?.zh ?? null);
  };

  it('finds the known place an address names, the most specific first', () => {
    expect(named('幸福花园3栋2单元')).toBe('幸福花园');
    expect(named('朝阳南路88号')).toBe('朝阳南路');
    expect(named('Building 3, Xingfu Garden')).toBe('幸福花园');
    const r = locateAddress(places, '幸福花园3栋2单元');
    const block = places.find((p) => p.kind === 'block' && p.zh === '幸福花园');
    expect(r).toMatchObject({ lat: block?.lat, lon: block?.lon });
  });

  it('takes coordinates as written, and gives up on a place it does not know', () => {
    expect(locateAddress(places, '31.13, 104.40')).toEqual({ lat: 31.13, lon: 104.4, place: null });
    expect(named('火星基地一号')).toBeUndefined();
    expect(named('  ')).toBeUndefined();
  });
});
