/**
 * Recommendation latency on the training city: `npx tsx bench/recommend.ts`.
 * Builds the road graph, scatters 1,000 and 10,000 available units (roster type mix, fresh
 * positions) over the city, and times structure_fire recommendations at ~500 random points.
 * Every figure printed is measured in this run.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { DEFAULT_RECOMMEND_OPTIONS, recommend, type RecommendOptions } from '../shared/domain/recommend.js';
import { buildRoadGraph, type GeoJsonLike } from '../shared/domain/roads.js';
import { UnitIndex } from '../shared/domain/unit-index.js';
import type { UnitView } from '../shared/model.js';
import { catalogSchema } from '../shared/schemas/catalog.js';

const root = new URL('../resources/', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const catalog = catalogSchema.parse({
  agencies: readJson('catalog/agencies.json'),
  unitTypes: readJson('catalog/unit-types.json'),
  incidentTypes: readJson('catalog/incident-types.json'),
});
const map = readJson('map/training-city.geojson') as GeoJsonLike & { bbox: [number, number, number, number] };
const [minLon, minLat, maxLon, maxLat] = map.bbox;

// The roster's mix of unit types and their stations, so rare types (ladders) stay rare.
const roster = readFileSync(new URL('roster/training-city.csv', root), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const typeMix = roster.map(([, , agency, type, station]) => ({ agency: agency as UnitView['agency'], type, station }));

let seed = 20_240_601;
const rand = (): number => ((seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
const randomPoint = (): { lat: number; lon: number } => ({ lat: minLat + rand() * (maxLat - minLat), lon: minLon + rand() * (maxLon - minLon) });
const NOW = Date.now();

function units(n: number): UnitView[] {
  return Array.from({ length: n }, (_, i) => {
    const t = typeMix[Math.floor(rand() * typeMix.length)];
    return {
      id: `B-${i}`, name: `Bench ${i}`, agency: t.agency, type: t.type, station: t.station, registered: true, status: 'available',
      statusSince: NOW, ...randomPoint(), heading: null, speed: null, positionTs: NOW - Math.floor(rand() * 30_000), incidentId: null,
    };
  });
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number): string => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)].toFixed(3);
  return `p50 ${q(0.5)} ms  p99 ${q(0.99)} ms  max ${s[s.length - 1].toFixed(3)} ms`;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

// Tail latencies are sensitive to other load on the machine: say what it was.
console.log(`machine: ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const builds = Array.from({ length: 6 }, () => time(() => buildRoadGraph(map)));
const roads = buildRoadGraph(map);
console.log(`road graph: ${roads.nodeCount} nodes, ${roads.segA.length} segments; build ${builds[0].toFixed(1)} ms cold, ${stats(builds.slice(1))} warm`);

const opts: RecommendOptions = { ...DEFAULT_RECOMMEND_OPTIONS, roads };
const INCIDENTS = 500;
for (const n of [1_000, 10_000]) {
  const fleet = units(n);
  const index = new UnitIndex();
  const load = time(() => fleet.forEach((u) => index.upsert(u)));
  // One 1 Hz tick: every unit reports a position ~10 m away.
  const moved = fleet.map((u) => ({ ...u, lat: (u.lat ?? 0) + (rand() - 0.5) * 2e-4, lon: (u.lon ?? 0) + (rand() - 0.5) * 2e-4 }));
  const tick = time(() => moved.forEach((u) => index.upsert(u)));
  console.log(`\n${n} units: index load ${load.toFixed(2)} ms, one position tick (all units) ${tick.toFixed(2)} ms`);

  for (const level of [1, 3]) {
    const points = Array.from({ length: INCIDENTS }, randomPoint);
    const run = (withIndex: boolean): { ms: number[]; routed: number; picks: number } => {
      const ms: number[] = [];
      let routed = 0, picks = 0;
      for (const at of points) {
        const req = { incidentId: 'bench', incidentType: 'structure_fire', level, at, now: NOW, ...(withIndex ? { index } : { units: moved }) };
        const t0 = performance.now();
        const rec = recommend(catalog, req, opts);
        ms.push(performance.now() - t0);
        for (const p of rec.slots.flatMap((sl) => sl.picks)) {
          picks++;
          if (p.routed) routed++;
        }
      }
      return { ms, routed, picks };
    };
    run(true); // warm-up: let the JIT settle before measuring
    const indexed = run(true);
    const scanned = run(false);
    console.log(`  structure_fire level ${level}, ${INCIDENTS} incidents, index + routed ETA: ${stats(indexed.ms)}  (${indexed.routed}/${indexed.picks} picks routed)`);
    console.log(`  structure_fire level ${level}, ${INCIDENTS} incidents, full scan + routed ETA: ${stats(scanned.ms)}`);
  }

  // Routing re-ranks only the straight-line nearest count × 3 + 4: how often does routing every
  // unit of the type pick anything better?
  let same = 0, worstLossS = 0;
  const CHECKS = 100;
  for (let i = 0; i < CHECKS; i++) {
    const req = { incidentId: 'bench', incidentType: 'structure_fire', at: randomPoint(), now: NOW, index };
    const fast = recommend(catalog, req, opts).slots;
    const full = recommend(catalog, req, { ...opts, extraCandidates: n }).slots;
    const total = (slots: typeof fast): number => slots.reduce((sum, sl) => sum + sl.picks.reduce((t, p) => t + p.etaS, 0), 0);
    if (JSON.stringify(fast) === JSON.stringify(full)) same++;
    worstLossS = Math.max(worstLossS, total(fast) - total(full));
  }
  console.log(`  candidates: same picks as routing every unit in ${same}/${CHECKS} incidents; worst loss ${worstLossS} s of summed ETA`);
}
