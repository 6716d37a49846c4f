#!/usr/bin/env node
// Generates the training city's default panorama data (deterministic: a seeded generator over the
// basemap): resources/panorama/training-city.geojson — hydrants along the roads, cameras at
// junctions, schools, hospitals, shelters, residential compounds with building managers and
// residents who need assistance, companies with hazardous-material stores, key areas, stations and
// community committees, with links between them (properties.links). Run: node scripts/gen-panorama.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const map = JSON.parse(readFileSync(join(ROOT, 'resources/map/training-city.geojson'), 'utf8'));
let seed = 20261129;
const rnd = () => { seed = (seed + 0x6d2b79f5) | 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pick = (a) => a[Math.floor(rnd() * a.length)];
const pad = (n, w = 4) => String(n).padStart(w, '0');
const round = (v) => Math.round(v * 1e6) / 1e6;
const M_LAT = 111_320, M_LON = 111_320 * Math.cos((31.13 * Math.PI) / 180);
const dist = (a, b) => Math.hypot((a[0] - b[0]) * M_LON, (a[1] - b[1]) * M_LAT);
const centroid = (ring) => { const n = ring.length - 1; return [ring.slice(0, n).reduce((t, p) => t + p[0], 0) / n, ring.slice(0, n).reduce((t, p) => t + p[1], 0) / n]; };
const byLayer = (l) => map.features.filter((f) => f.properties.layer === l);
const out = [];
const add = (id, kind, name, geometry, props = {}, extra = {}) => out.push({ type: 'Feature', id, properties: { id, kind, name, ...props, ...extra }, geometry });
const point = (p) => ({ type: 'Point', coordinates: [round(p[0]), round(p[1])] });
const polygon = (ring) => ({ type: 'Polygon', coordinates: [ring.map((p) => [round(p[0]), round(p[1])])] });

// Hydrants every ~120 m along each road, 10 m to its side.
let h = 0;
for (const r of byLayer('road')) {
  const pts = r.geometry.coordinates;
  let next = 60, acc = 0;
  for (let i = 0; i + 1 < pts.length; i++) {
    const [a, b] = [pts[i], pts[i + 1]], d = dist(a, b);
    for (; next <= acc + d; next += 150) {
      const t = (next - acc) / d, nx = (-(b[1] - a[1]) * M_LAT) / d, ny = ((b[0] - a[0]) * M_LON) / d;
      const p = [a[0] + (b[0] - a[0]) * t + (nx * 10) / M_LON, a[1] + (b[1] - a[1]) * t + (ny * 10) / M_LAT];
      add(`HY-${pad(++h)}`, 'hydrant', `${r.properties.name} 消火栓 ${h}`, point(p), { road: r.properties.id, pressure_mpa: Math.round((0.2 + rnd() * 0.3) * 100) / 100, diameter_mm: pick([100, 100, 150]) }, { address: r.properties.name });
    }
    acc += d;
  }
}

// Cameras at junctions: road vertices shared by two or more roads.
const seen = new Map();
for (const r of byLayer('road')) for (const p of r.geometry.coordinates) {
  const k = `${p[0].toFixed(5)},${p[1].toFixed(5)}`;
  const e = seen.get(k) ?? { p, roads: new Set() };
  e.roads.add(r.properties.name);
  seen.set(k, e);
}
let c = 0;
for (const { p, roads } of seen.values()) {
  if (roads.size < 2) continue;
  const names = [...roads].slice(0, 2);
  c++;
  add(`CAM-${pad(c)}`, 'camera', `${names.join('/')} 路口 ${c}`, point(p), { owner: 'public_security' }, {
    address: `${names[0]}与${names[1]}交叉口`,
    camera: { direction: Math.floor(rnd() * 8) * 45, angle: 90, rangeM: 150, streamKind: 'snapshot', streamUrl: `http://10.20.${Math.floor(c / 250)}.${(c % 250) + 1}/snapshot.jpg` },
  });
}

// Places from the blocks.
const blocks = byLayer('block');
const ring = (f) => f.geometry.coordinates[0];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const NEEDS = ['wheelchair', 'bedridden', 'oxygen', 'visual', 'hearing', 'elderly_alone', 'dialysis'];
let v = 0, m = 0;
for (const b of blocks) {
  const { id, name, kind } = b.properties;
  const ctr = centroid(ring(b));
  if (kind === 'school') add(`SCH-${id}`, 'school', name, polygon(ring(b)), { pupils: 300 + Math.floor(rnd() * 1500) }, { address: name });
  else if (kind === 'hospital') add(`HOS-${id}`, 'hospital', name, polygon(ring(b)), { beds: 200 + Math.floor(rnd() * 800), emergency: true }, { address: name });
  else if (kind === 'park') add(`SHL-${id}`, 'shelter', `${name} 应急避难场所`, polygon(ring(b)), { capacity: 1000 + Math.floor(rnd() * 9000) }, { address: name });
  else if (kind === 'commercial' && rnd() < 0.2) add(`KEY-${id}`, 'key_area', `${name} 人员密集场所`, polygon(ring(b)), { risk: 'crowd' }, { address: name });
  else if (kind === 'industrial') {
    const co = `CO-${id}`;
    add(co, 'company', `${name} 企业`, point(ctr), { staff: 20 + Math.floor(rnd() * 500) }, { address: name });
    if (rnd() < 0.35) add(`HZ-${id}`, 'hazmat_store', `${name} 危化品仓库`, point([ctr[0] + 0.0005, ctr[1]]), { substance: pick(['液氯', '液化石油气', '硫酸', '甲醇', '汽油']), tonnes: Math.round(rnd() * 50 * 10) / 10, un_number: pick(['1017', '1075', '1830', '1230', '1203']) }, { address: name, links: [{ to: co, relation: 'belongs_to' }] });
  } else if (kind === 'residential') {
    const cp = `CP-${id}`;
    add(cp, 'compound', name, polygon(ring(b)), { buildings: 4 + Math.floor(rnd() * 20), built: 1980 + Math.floor(rnd() * 40), old: rnd() < 0.4 }, { address: name });
    m++;
    add(`BM-${pad(m)}`, 'building_manager', `${pick(SURNAMES)}经理`, point([ctr[0] + 0.0002, ctr[1] + 0.0002]), {}, { address: name, personal: { phone: `139${pad(Math.floor(rnd() * 1e8), 8)}` }, links: [{ to: cp, relation: 'manages' }] });
    for (let k = Math.floor(rnd() * 4); k > 0; k--) {
      v++;
      const p = [ctr[0] + (rnd() - 0.5) * 0.002, ctr[1] + (rnd() - 0.5) * 0.002];
      const bld = 1 + Math.floor(rnd() * 12), floor = 1 + Math.floor(rnd() * 7);
      add(`VR-${pad(v)}`, 'vulnerable_resident', `${pick(SURNAMES)}某某`, point(p), { need: pick(NEEDS) }, {
        address: `${name} ${bld} 栋 ${floor} 楼`,
        personal: { phone: `138${pad(Math.floor(rnd() * 1e8), 8)}`, age: 60 + Math.floor(rnd() * 35), contact_person: `${pick(SURNAMES)}先生` },
        links: [{ to: cp, relation: 'lives_in' }],
      });
    }
  }
}

// Stations and community committees.
for (const s of byLayer('station')) add(`ST-${s.properties.id}`, 'station', s.properties.name, point(s.geometry.coordinates), { agency: s.properties.agency }, { address: s.properties.name });
for (const cm of byLayer('community')) add(`CC-${cm.properties.id}`, 'community_committee', `${cm.properties.name}居委会`, point(centroid(ring(cm))), { community: cm.properties.id }, { address: cm.properties.name });

// A low-lying flood-prone strip along the river (a key area; also a good closed-zone geofence).
const river = byLayer('river')[0].geometry.coordinates.filter((_, i) => i % 5 === 0);
const strip = [...river.map((p) => [p[0], p[1] + 0.004]), ...river.slice().reverse().map((p) => [p[0], p[1] + 0.0025])];
add('KEY-FLOOD-1', 'key_area', '临江北岸低洼易涝区', polygon([...strip, strip[0]]), { risk: 'flood' }, { address: '临江北岸' });

const text = `{"type":"FeatureCollection","name":"临江市 panorama (training data)","features":[\n${out.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
mkdirSync(join(ROOT, 'resources/panorama'), { recursive: true });
writeFileSync(join(ROOT, 'resources/panorama/training-city.geojson'), text);
const counts = out.reduce((t, f) => ({ ...t, [f.properties.kind]: (t[f.properties.kind] ?? 0) + 1 }), {});
console.log(`panorama: ${out.length} entities ${JSON.stringify(counts)}`);
