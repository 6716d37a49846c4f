/**
 * Around a point on many entities: `panorama.around` (radius 500 m) at random points of the
 * training city, on the default data (~4,000 entities) and on 100,000 random ones, through the
 * service's handler (spatial index + the few store reads for what it returns).
 * Run: npx tsx bench/panorama.ts
 */
import { fillEntities, percentile, seeded, CITY_BBOX } from '../test/helpers/many-entities';
import { ctxOf, testPanorama } from '../test/helpers/panorama';

async function run(label: string, n: number | 'defaults'): Promise<void> {
  const t0 = performance.now();
  const p = await testPanorama({ defaults: n === 'defaults' });
  if (n !== 'defaults') fillEntities(p, n);
  const loadMs = performance.now() - t0;
  const rnd = seeded(3);
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < 520; i++) {
    const lat = CITY_BBOX[1] + rnd() * (CITY_BBOX[3] - CITY_BBOX[1]);
    const lon = CITY_BBOX[0] + rnd() * (CITY_BBOX[2] - CITY_BBOX[0]);
    const t = performance.now();
    const a = await p.service.handlers['panorama.around']({ lat, lon, radiusM: 500 }, ctxOf('dispatcher'));
    if (i >= 20) {
      times.push(performance.now() - t);
      found += a.hydrants.length + a.cameras.length + a.places.length + a.hazards.length + a.vulnerable.length;
    }
  }
  times.sort((a, b) => a - b);
  const f = (v: number): string => v.toFixed(2);
  console.log(
    `${label}: ${p.service.entities.count} entities (loaded in ${(loadMs / 1000).toFixed(1)} s); 500 queries: p50 ${f(percentile(times, 0.5))} ms, p95 ${f(percentile(times, 0.95))} ms, p99 ${f(percentile(times, 0.99))} ms, max ${f(times[times.length - 1])} ms; ${(found / times.length).toFixed(0)} entities returned per query`,
  );
}

await run('default data', 'defaults');
await run('random', 100_000);
