import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog, parseRoster, ResourceError } from '../../../../electron/core/resources';

const catalogDir = join(import.meta.dirname, '../../../../resources/catalog');
const catalog = loadCatalog(catalogDir);
const HEADER = 'id,name,agency,type,station,lat,lon';

describe('catalog', () => {
  it('loads the shipped catalog with every required incident type', () => {
    expect(catalog.agencies.map((a) => a.id).sort()).toEqual(['emergency', 'ems', 'fire', 'grid', 'police', 'resources', 'traffic', 'urban']);
    for (const t of ['structure_fire', 'vehicle_fire', 'traffic_collision', 'medical', 'hazmat', 'flood', 'landslide', 'public_order', 'crowd_event'])
      expect(catalog.incidentTypes.some((it) => it.id === t)).toBe(true);
    const fire = catalog.incidentTypes.find((t) => t.id === 'structure_fire');
    expect(fire?.plan[0].slots).toEqual([
      { unitType: 'engine', count: 2 },
      { unitType: 'ladder', count: 1 },
      { unitType: 'ambulance', count: 1 },
      { unitType: 'traffic_patrol', count: 1 },
    ]);
  });

  it('refuses a catalog whose plan names an unknown unit type, saying where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qx-cat-'));
    for (const f of ['agencies.json', 'unit-types.json']) writeFileSync(join(dir, f), JSON.stringify(loadJson(f)));
    writeFileSync(
      join(dir, 'incident-types.json'),
      JSON.stringify([{ id: 'x', name: { zh: '甲', en: 'X' }, priority: 1, plan: [{ level: 1, slots: [{ unitType: 'hovercraft', count: 1 }] }] }]),
    );
    expect(() => loadCatalog(dir)).toThrow(/incidentTypes\.0\.plan\.0\.slots\.0\.unitType: unknown unit type "hovercraft"/);
  });

  it('refuses a catalog file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qx-cat-'));
    writeFileSync(join(dir, 'agencies.json'), '[{');
    expect(() => loadCatalog(dir)).toThrow(ResourceError);
  });
});

describe('roster', () => {
  it('parses rows and checks them against the catalog', () => {
    const rows = parseRoster(`${HEADER}\nF-1,水罐车1,fire,engine,ST-1,31.1,104.4\n`, 'r.csv', catalog);
    expect(rows).toEqual([{ id: 'F-1', name: '水罐车1', agency: 'fire', type: 'engine', station: 'ST-1', lat: 31.1, lon: 104.4 }]);
  });

  it('maps an optional owntracks column to the unit, refusing a phone on two units', () => {
    const text = `${HEADER},owntracks\nP-1,巡逻车1,police,patrol,S,31,104,li.wei/iphone\nP-2,巡逻车2,police,patrol,S,31,104,\n`;
    expect(parseRoster(text, 'r.csv', catalog).map((r) => [r.id, r.owntracks])).toEqual([['P-1', 'li.wei/iphone'], ['P-2', undefined]]);
    const twice = `${HEADER},owntracks\nP-1,a,police,patrol,S,31,104,li.wei/iphone\nP-2,b,police,patrol,S,31,104,li.wei/iphone\n`;
    expect(() => parseRoster(twice, 'r.csv', catalog)).toThrow('line 3: OwnTracks device "li.wei/iphone" is already unit P-1');
    expect(() => parseRoster(`${HEADER},owntracks\nP-1,a,police,patrol,S,31,104,no-slash\n`, 'r.csv', catalog)).toThrow(/line 2: owntracks: must be \{user\}\/\{device\}/);
  });

  it.each([
    ['a missing column', 'id,name,agency,type,lat,lon\nF-1,a,fire,engine,31,104\n', /missing column\(s\) station/],
    ['a bad latitude', `${HEADER}\nF-1,a,fire,engine,S,95,104\n`, /line 2: lat/],
    ['an unknown agency', `${HEADER}\nF-1,a,navy,engine,S,31,104\n`, /line 2: agency/],
    ['a type of another agency', `${HEADER}\nF-1,a,ems,engine,S,31,104\n`, /line 2: type "engine" belongs to agency "fire"/],
    ['a duplicate id', `${HEADER}\nF-1,a,fire,engine,S,31,104\nF-1,b,fire,engine,S,31,104\n`, /line 3: duplicate unit id/],
    ['an id unsafe for topics', `${HEADER}\nF/1,a,fire,engine,S,31,104\n`, /line 2: id/],
  ])('refuses %s with the line and reason', (_n, text, reason) => {
    expect(() => parseRoster(text, 'r.csv', catalog)).toThrow(reason);
  });
});

function loadJson(f: string): unknown {
  return JSON.parse(readFileSync(join(catalogDir, f), 'utf8')) as unknown;
}
