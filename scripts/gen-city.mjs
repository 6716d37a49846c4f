#!/usr/bin/env node
// gen-city.mjs — builds the default offline data for the FICTIONAL training city 临江市 Linjiang.
// Deterministic (seeded mulberry32, no dependencies): running it twice gives byte-identical files.
//   resources/map/training-city.geojson — districts, management grid, river, roads, blocks, stations
//   resources/roster/training-city.csv  — default unit roster (id,name,agency,type,station,lat,lon)
// Geometry is built in local metres (x east, y north, origin = city centre), then projected to WGS84.
// Roads are noded (crossings and T-junctions share a vertex) so joining identical coordinates gives one
// connected routing graph; only bridges cross the river. Usage: node scripts/gen-city.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LON0 = 104.4, LAT0 = 31.13, W = 7000, H = 5500; // half extents in metres (14 km x 11 km)
const MX = 111320 * Math.cos((LAT0 * Math.PI) / 180), MY = 110950; // metres per degree

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20250613);
const rr = (a, b) => a + (b - a) * rnd();
const ri = (a, b) => Math.floor(rr(a, b + 1));
const shuffle = (arr) => { const a = arr.slice(); for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; } return a; };
const range = (a, b, step) => { const out = []; for (let i = 0; a + i * step <= b + 1e-9; i++) out.push(a + i * step); return out; };
const pad = (n, w = 2) => String(n).padStart(w, '0');
const r6 = (v) => Math.round(v * 1e6) / 1e6;
const ll = ([x, y]) => [r6(LON0 + x / MX), r6(LAT0 + y / MY)];
const hyp = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const pairs = (s) => s.trim().split(/\s+/).map((p) => p.split(':')); // "Wenhua:文化" -> [en, zh]
const CN = '一二三四五六七八九十';

// ---- names -------------------------------------------------------------------------------------
const ROAD_NAMES = shuffle(pairs(`Wenhua:文化 Heping:和平 Xinhua:新华 Qingnian:青年 Wuyi:五一 Shengli:胜利 Guangming:光明
  Chaoyang:朝阳 Fuqiang:富强 Minzhu:民主 Tuanjie:团结 Yingbin:迎宾 Yucai:育才 Zhenxing:振兴 Hongqi:红旗 Jinsha:金沙
  Yulin:玉林 Longquan:龙泉 Chang'an:长安 Dongfeng:东风 Wenchang:文昌 Chunxi:春熙 Xingye:兴业 Gongye:工业 Xuefu:学府
  Keji:科技 Chuangxin:创新 Nanhu:南湖 Taoyuan:桃园 Huayuan:花园 Tiyu:体育 Jianguo:建国 Fuxing:复兴 Youyi:友谊`));
const STREET_NAMES = shuffle(pairs(`Guihua:桂花 Wutong:梧桐 Yangliu:杨柳 Huaishu:槐树 Zhulin:竹林 Shiliu:石榴 Yulan:玉兰
  Yinxing:银杏 Dingxiang:丁香 Haitang:海棠 Furong:芙蓉 Zijing:紫荆 Fenglin:枫林 Yinghua:樱花 Hehua:荷花 Lancao:兰草`)
  .flatMap(([en, zh]) => [[`${en} St`, `${zh}街`], [`${en} Ln`, `${zh}巷`]]));
const PLACE = pairs(`Xingfu:幸福 Jinxiu:锦绣 Yangguang:阳光 Jingui:金桂 Cuihu:翠湖 Bishui:碧水 Lanwan:蓝湾 Yujing:御景
  Longhu:龙湖 Huafu:华府 Shuxiang:书香 Hexie:和谐 Kangle:康乐 Anju:安居 Yijing:怡景 Wenxin:温馨 Dongfang:东方 Nanshan:南山
  Beichen:北辰 Zijin:紫金 Yinhe:银河 Fenghuang:凤凰 Qilin:麒麟 Bailu:白鹭 Qingsong:青松 Lijing:丽景 Tianyue:天悦 Jiahe:嘉禾
  Shengshi:盛世 Chunxiao:春晓 Qiushi:秋实 Xincheng:新城 Guanlan:观澜 Wangjiang:望江 Mingzhu:明珠 Shiji:世纪 Taihe:泰和`);
const SUFFIX = {
  residential: pairs('Community:小区 Garden:花园 Homes:家园 Court:苑 New_Village:新村 Apartments:公寓'),
  commercial: pairs('Plaza:广场 Mall:商城 Tower:大厦 Shopping_Street:商业街 Centre:中心'),
  industrial: pairs('Industrial_Park:工业园 Logistics_Park:物流园 Tech_Park:科技园'),
  park: pairs('Park:公园 Green:绿地'),
  school: pairs('Primary_School:小学 Middle_School:中学 Experimental_School:实验学校'),
};
const HOSPITALS = pairs('Linjiang_First_People\'s_Hospital:临江市第一人民医院 Linjiang_TCM_Hospital:临江市中医院 Jiangnan_District_Hospital:江南区人民医院 Gaoxin_Hospital:高新医院');
const usedNames = new Set();
let hospitalCount = 0;
function placeName(kind) { // unique [nameEn, name]; falls back to "二期/Phase 2" style names
  if (kind === 'hospital') { const [en, zh] = HOSPITALS[hospitalCount++]; return [en.replace(/_/g, ' '), zh]; }
  for (let tries = 0; ; tries++) {
    const [pe, pz] = PLACE[Math.floor(rnd() * PLACE.length)], [se, sz] = SUFFIX[kind][Math.floor(rnd() * SUFFIX[kind].length)];
    let zh = pz + sz, en = `${pe} ${se.replace(/_/g, ' ')}`;
    if (tries > 40) { let n = 2; while (usedNames.has(`${zh}${CN[n - 1]}期`)) n++; zh += `${CN[n - 1]}期`; en += ` Phase ${n}`; }
    if (!usedNames.has(zh)) { usedNames.add(zh); return [en, zh]; }
  }
}

// ---- river, districts, grid --------------------------------------------------------------------
const riverY = (x) => -1500 + 170 * Math.sin(x / 1900 + 0.7) + 70 * Math.sin(x / 610 + 1.3);
const bankN = (x) => riverY(x) + 260, bankS = (x) => riverY(x) - 260;
const riv = (x0, x1, f = riverY) => range(x0, x1, 100).map((x) => [x, f(x)]);
const districtOf = (x, y) => (y < riverY(x) ? 'jiangnan' : x < -2000 ? 'chengxi' : x < 2800 ? 'chengdong' : 'gaoxin');
const DISTRICTS = [
  ['chengdong', '城东区', 'Chengdong', [[-2000, H], [2800, H], ...riv(-2000, 2800).reverse(), [-2000, H]]],
  ['chengxi', '城西区', 'Chengxi', [[-W, H], [-2000, H], ...riv(-W, -2000).reverse(), [-W, H]]],
  ['jiangnan', '江南区', 'Jiangnan', [...riv(-W, W), [W, -H], [-W, -H], [-W, riverY(-W)]]],
  ['gaoxin', '高新区', 'Gaoxin', [[2800, H], [W, H], ...riv(2800, W).reverse(), [2800, H]]],
];
const ccw = (ring) => { let a = 0; for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1]; return a < 0 ? ring.slice().reverse() : ring; };
const rect = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const poly = (ring, props) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [ccw(ring).map(ll)] } });
const features = DISTRICTS.map(([id, name, nameEn, ring]) => poly(ring, { layer: 'district', id, name, nameEn }));
const GC = 12, GR = 9, cw = (2 * W) / GC, ch = (2 * H) / GR;
for (let r = 1; r <= GR; r++) for (let c = 1; c <= GC; c++) {
  const x0 = -W + (c - 1) * cw, y1 = H - (r - 1) * ch, k = `${pad(r)}-${pad(c)}`;
  features.push(poly(rect(x0, y1 - ch, x0 + cw, y1), { layer: 'grid', id: `G-${k}`, name: `第${k}网格`, nameEn: `Grid ${k}`, district: districtOf(x0 + cw / 2, y1 - ch / 2), community: `C-${pad(Math.ceil(r / 2))}-${pad(Math.ceil(c / 2))}` }));
}
// Communities (社区): blocks of 2 × 2 grid cells, each with its residents' committee (居委会).
const COMMUNITY_NAMES = ['临江', '望江', '滨河', '幸福', '和平', '光明', '新华', '长安', '建设', '胜利', '友谊', '朝阳', '东风', '永安', '兴隆'];
const COMMUNITY_EN = ['Linjiang', 'Wangjiang', 'Binhe', 'Xingfu', 'Heping', 'Guangming', 'Xinhua', "Chang'an", 'Jianshe', 'Shengli', 'Youyi', 'Chaoyang', 'Dongfeng', "Yong'an", 'Xinglong'];
for (let r = 1; r <= Math.ceil(GR / 2); r++) for (let c = 1; c <= GC / 2; c++) {
  const x0 = -W + (c - 1) * 2 * cw, y1 = H - (r - 1) * 2 * ch, y0 = Math.max(-H, y1 - 2 * ch), n = (r - 1) * (GC / 2) + c - 1;
  const zh = `${COMMUNITY_NAMES[n % 15]}${n >= 15 ? CN[Math.floor(n / 15)] : ''}社区`, en = `${COMMUNITY_EN[n % 15]}${n >= 15 ? ` ${Math.floor(n / 15) + 1}` : ''} Community`;
  features.push(poly(rect(x0, y0, x0 + 2 * cw, y1), { layer: 'community', id: `C-${pad(r)}-${pad(c)}`, name: zh, nameEn: en, district: districtOf(x0 + cw, (y0 + y1) / 2) }));
}
const riverProps = { id: 'river-lin', name: '临江', nameEn: 'Lin River' };
features.push(poly([...riv(-7300, 7300, (x) => riverY(x) + 60), ...riv(-7300, 7300, (x) => riverY(x) - 60).reverse(), [-7300, riverY(-7300) + 60]], { layer: 'water', ...riverProps, id: 'water-lin' }));
features.push({ type: 'Feature', properties: { layer: 'river', ...riverProps }, geometry: { type: 'LineString', coordinates: riv(-7300, 7300).map(ll) } });

// ---- road lines (metres) -----------------------------------------------------------------------
const roads = [];
const road = (pts, name, nameEn, cls, extra = {}) => roads.push({ pts, props: { name, nameEn, class: cls }, ...extra });
function line(a, b, j = 0) { // straight a->b, a vertex every ~250 m with lateral jitter j (ends exact)
  const d = hyp(a, b), n = Math.max(1, Math.round(d / 250)), ux = (b[0] - a[0]) / d, uy = (b[1] - a[1]) / d;
  return range(0, n, 1).map((i) => { const t = i / n, o = i === 0 || i === n ? 0 : rr(-j, j); return [a[0] + (b[0] - a[0]) * t - uy * o, a[1] + (b[1] - a[1]) * t + ux * o]; });
}
const cat = (...parts) => parts.reduce((acc, p) => acc.concat(acc.length ? p.slice(1) : p), []);
const XS = range(-6800, 6800, 800); // 18 north-south lines, 800 m apart
const YN = [-450, 350, 1150, 1950, 2750, 3550, 4350, 5150], YS = [-5100, -4300, -3500, -2700];
const RX = 4400, RT = 3550, RB = -3500, R = 300, JIT = 8; // ring road: rectangle with rounded corners
const THROUGH = { 7: ['人民路', 'Renmin Rd'], 11: ['建设大道', 'Jianshe Ave'] }; // cross the river on bridges
const PRIMARY_Y = { 1150: ['中山大道', 'Zhongshan Ave'], [-2700]: ['江南大道', 'Jiangnan Ave'] };
const straight = (k) => k in THROUGH || k === 3 || k === 14 || k === 15;
const ox = XS.map((_, k) => (straight(k) ? 0 : ri(-60, 60)));
const oy = Object.fromEntries([...YN, ...YS].map((y) => [y, y in PRIMARY_Y || y === RT || y === RB ? 0 : ri(-50, 50)]));
const corner = (sx, top) => [sx * (RX - R + R * Math.SQRT1_2), top ? RT - R + R * Math.SQRT1_2 : RB + R - R * Math.SQRT1_2];
const arc = (cx, cy, a0, a1) => range(0, 8, 1).map((i) => { const a = ((a0 + ((a1 - a0) * i) / 8) * Math.PI) / 180; return [cx + R * Math.cos(a), cy + R * Math.sin(a)]; });
const ring = cat(line([-RX, 0], [-RX, RT - R]), arc(-RX + R, RT - R, 180, 90), line([-RX + R, RT], [RX - R, RT]), arc(RX - R, RT - R, 90, 0),
  line([RX, RT - R], [RX, RB + R]), arc(RX - R, RB + R, 0, -90), line([RX - R, RB], [-RX + R, RB]), arc(-RX + R, RB + R, 270, 180), line([-RX, RB + R], [-RX, 0]));
road(ring, '环城路', 'Huancheng Rd', 'ring', { through: true });
let nameIx = 0;
const nextName = () => ROAD_NAMES[nameIx++];
XS.forEach((x0, k) => {
  const x = x0 + ox[k];
  if (THROUGH[k]) return road(line([x, H - 50], [x, -H + 50]), ...THROUGH[k], 'primary', { through: true });
  const [en, zh] = nextName();
  if (k === 3 || k === 14) { // outside the ring only, joined to the ring at its corners
    const s = Math.sign(x);
    road([corner(s, true), ...line([x, RT + R], [x, H - 50], JIT)], `${zh}路`, `${en} Rd`, 'secondary');
    road([...line([x, -H + 50], [x, RB - R], JIT), corner(s, false)], `${zh}南路`, `${en} South Rd`, 'secondary');
    return;
  }
  if (k === 15) road(line([x, bankN(x)], [x, H - 50]), '高新大道', 'Gaoxin Ave', 'primary');
  else road(line([x, bankN(x)], [x, H - 50], JIT), `${zh}路`, `${en} Rd`, 'secondary');
  road(line([x, bankS(x)], [x, -H + 50], JIT), `${k === 15 ? '高新' : zh}南路`, `${k === 15 ? 'Gaoxin' : en} South Rd`, 'secondary');
});
for (const y0 of [...YN, ...YS]) {
  const y = y0 + oy[y0];
  if (PRIMARY_Y[y0]) { road(line([-W + 50, y], [W - 50, y]), ...PRIMARY_Y[y0], 'primary'); continue; }
  const [en, zh] = nextName();
  if (y0 === RT || y0 === RB) {
    road([...line([-W + 50, y], [-RX - R, y], JIT), corner(-1, y0 === RT)], `${zh}路`, `${en} Rd`, 'secondary');
    road([corner(1, y0 === RT), ...line([RX + R, y], [W - 50, y], JIT)], `${zh}路`, `${en} Rd`, 'secondary');
  } else road(line([-W + 50, y], [W - 50, y], JIT), `${zh}路`, `${en} Rd`, 'secondary');
}
road(riv(-W, W, bankN), '滨江路', 'Binjiang Rd', 'secondary', { bank: 'N' });
road(riv(-W, W, bankS), '滨江南路', 'Binjiang South Rd', 'secondary', { bank: 'S' });

// ---- cells between roads: residential streets and blocks ---------------------------------------
const cells = [];
const hN = YN.map((y) => y + oy[y]), hS = YS.map((y) => y + oy[y]);
for (let k = 0; k < XS.length - 1; k++) {
  const x0 = XS[k] + ox[k], x1 = XS[k + 1] + ox[k + 1], xr = range(x0, x1, 25);
  cells.push({ x0, x1, y0: Math.max(...xr.map(bankN)), y1: hN[0], bank: true });
  cells.push({ x0, x1, y0: hS[hS.length - 1], y1: Math.min(...xr.map(bankS)), bank: true });
  for (const h of [hN, hS]) for (let j = 0; j < h.length - 1; j++) cells.push({ x0, x1, y0: h[j], y1: h[j + 1] });
}
const parts = [];
let streetIx = 0;
for (const c of cells) {
  if (c.bank || rnd() > 0.15) { parts.push([c.x0 + 50, c.y0 + 50, c.x1 - 50, c.y1 - 50]); continue; }
  const [en, zh] = STREET_NAMES[streetIx++ % STREET_NAMES.length];
  if (rnd() < 0.5) { // north-south street splitting the cell
    const xm = (c.x0 + c.x1) / 2 + rr(-80, 80);
    road(line([xm, c.y0], [xm, c.y1], 4), zh, en, 'residential');
    parts.push([c.x0 + 50, c.y0 + 50, xm - 30, c.y1 - 50], [xm + 30, c.y0 + 50, c.x1 - 50, c.y1 - 50]);
  } else {
    const ym = (c.y0 + c.y1) / 2 + rr(-80, 80);
    road(line([c.x0, ym], [c.x1, ym], 4), zh, en, 'residential');
    parts.push([c.x0 + 50, c.y0 + 50, c.x1 - 50, ym - 30], [c.x0 + 50, ym + 30, c.x1 - 50, c.y1 - 50]);
  }
}
const CORNERS = [[-RX, RT], [RX, RT], [-RX, RB], [RX, RB]];
const blocks = [];
function kindAt(x, y) {
  const d = districtOf(x, y), u = rnd();
  if (u < 0.07) return 'park';
  if (u < 0.13) return 'school';
  if (u < 0.16 && hospitalCount < HOSPITALS.length) return 'hospital';
  const ind = d === 'gaoxin' ? 0.45 : y < -4000 ? 0.3 : 0.04, com = d === 'chengdong' && Math.abs(x) < 2500 ? 0.35 : 0.12;
  return u < 0.16 + ind ? 'industrial' : u < 0.16 + ind + com ? 'commercial' : 'residential';
}
for (const [x0, y0, x1, y1] of parts) {
  if (x1 - x0 < 120 || y1 - y0 < 120 || rnd() < 0.12) continue;
  const u = rnd(), wide = x1 - x0 >= y1 - y0; // 1, 2 (along the long side) or 2x2 compounds
  const sx = u > 0.7 || (u > 0.35 && wide) ? 2 : 1, sy = u > 0.7 || (u > 0.35 && !wide) ? 2 : 1;
  const bw = (x1 - x0 - 40 * (sx - 1)) / sx, bh = (y1 - y0 - 40 * (sy - 1)) / sy;
  for (let i = 0; i < sx; i++) for (let j = 0; j < sy; j++) {
    const bx = x0 + i * (bw + 40), by = y0 + j * (bh + 40);
    const b = [bx + rr(0, 15), by + rr(0, 15), bx + bw - rr(0, 15), by + bh - rr(0, 15)];
    if (CORNERS.some((p) => hyp(p, [Math.max(b[0], Math.min(p[0], b[2])), Math.max(b[1], Math.min(p[1], b[3]))]) < 330)) continue;
    const kind = kindAt((b[0] + b[2]) / 2, (b[1] + b[3]) / 2), [nameEn, name] = placeName(kind);
    blocks.push(poly(rect(...b), { layer: 'block', id: `B-${pad(blocks.length + 1, 3)}`, name, nameEn, kind }));
  }
}
const BX = [-W, -RX, XS[7], XS[11], RX, W]; // riverside parks between the bridges
for (const [side, f0, f1, zh, en] of [['N', 90, 215, '滨江公园', 'Binjiang Park'], ['S', -215, -90, '江南滨江公园', 'Jiangnan Riverside Park']]) {
  for (let i = 0; i < BX.length - 1; i++) {
    const a = Math.ceil((BX[i] + 60) / 100) * 100, b = Math.floor((BX[i + 1] - 60) / 100) * 100;
    const ring = [...riv(a, b, (x) => riverY(x) + f0), ...riv(a, b, (x) => riverY(x) + f1).reverse(), [a, riverY(a) + f0]];
    blocks.push(poly(ring, { layer: 'block', id: `B-${side}${i + 1}`, name: `${zh}${CN[i]}段`, nameEn: `${en} Section ${i + 1}`, kind: 'park' }));
  }
}

// ---- noding: T-junction snapping, crossings, vertex merge -------------------------------------
function nearestOnSeg(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1], L = dx * dx + dy * dy;
  const t = L ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L)) : 0, q = [a[0] + dx * t, a[1] + dy * t];
  return [hyp(p, q), q];
}
for (const r of roads) for (const end of [0, r.pts.length - 1]) {
  let best = null;
  for (const s of roads) if (s !== r) for (let i = 0; i < s.pts.length - 1; i++) {
    const [d, q] = nearestOnSeg(r.pts[end], s.pts[i], s.pts[i + 1]);
    if (d < 30 && (!best || d < best.d)) best = { d, q, s, i };
  }
  if (best) { r.pts[end] = best.q; best.s.pts.splice(best.i + 1, 0, best.q); }
}
function cross(a, b, c, d) {
  const rx = b[0] - a[0], ry = b[1] - a[1], sx = d[0] - c[0], sy = d[1] - c[1], den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-9) return null;
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den, u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den, e = 1e-9;
  return t >= -e && t <= 1 + e && u >= -e && u <= 1 + e ? { t, u, p: [a[0] + rx * t, a[1] + ry * t] } : null;
}
const bbox = (pts) => [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
const adds = roads.map(() => []), boxes = roads.map((r) => bbox(r.pts));
for (let a = 0; a < roads.length; a++) for (let b = a + 1; b < roads.length; b++) {
  const A = boxes[a], B = boxes[b];
  if (A[0] > B[2] + 1 || B[0] > A[2] + 1 || A[1] > B[3] + 1 || B[1] > A[3] + 1) continue;
  const P = roads[a].pts, Q = roads[b].pts;
  for (let i = 0; i < P.length - 1; i++) for (let j = 0; j < Q.length - 1; j++) {
    const x = cross(P[i], P[i + 1], Q[j], Q[j + 1]);
    if (x) { adds[a].push({ i, t: x.t, p: x.p }); adds[b].push({ i: j, t: x.u, p: x.p }); }
  }
}
roads.forEach((r, n) => {
  const out = [];
  r.pts.forEach((p, i) => { out.push(p); out.push(...adds[n].filter((x) => x.i === i).sort((x, y) => x.t - y.t).map((x) => x.p)); });
  r.pts = out;
});
const hash = new Map(); // merge vertices closer than 1 m into one shared coordinate
const canon = (p) => {
  const gx = Math.floor(p[0] / 2), gy = Math.floor(p[1] / 2);
  for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (const q of hash.get(`${gx + dx},${gy + dy}`) ?? []) if (hyp(p, q) < 1) return q;
  const key = `${gx},${gy}`; hash.set(key, [...(hash.get(key) ?? []), p]); return p;
};
for (const r of roads) r.pts = r.pts.map(canon).filter((p, i, a) => i === 0 || p !== a[i - 1]);

// ---- split through roads into bridges, emit roads ----------------------------------------------
const bankSet = new Set(roads.filter((r) => r.bank).flatMap((r) => r.pts));
const bankOf = (p) => roads.find((r) => r.bank && r.pts.includes(p))?.bank;
const finalRoads = [], bridges = [];
for (const r of roads) {
  if (!r.through) { finalRoads.push(r); continue; }
  let pts = r.pts, idx = pts.map((p, i) => (bankSet.has(p) ? i : -1)).filter((i) => i >= 0);
  if (pts[0] === pts[pts.length - 1]) { const k = idx[idx.length - 1]; pts = pts.slice(k).concat(pts.slice(1, k + 1)); idx = pts.map((p, i) => (bankSet.has(p) ? i : -1)).filter((i) => i >= 0); }
  const cuts = [...new Set([0, ...idx, pts.length - 1])].sort((a, b) => a - b);
  for (let i = 0; i < cuts.length - 1; i++) {
    const seg = pts.slice(cuts[i], cuts[i + 1] + 1), b0 = bankOf(seg[0]), b1 = bankOf(seg[seg.length - 1]);
    if (seg.length < 2) continue;
    if (b0 && b1 && b0 !== b1) bridges.push({ pts: seg, props: { ...r.props } });
    else finalRoads.push({ pts: seg, props: { ...r.props } });
  }
}
bridges.sort((a, b) => a.pts[0][0] - b.pts[0][0]).forEach((b, i) => { b.props.name = `临江${CN[i]}桥`; b.props.nameEn = `Linjiang Bridge ${i + 1}`; b.props.bridge = true; finalRoads.push(b); });
const SPEED = { ring: 80, primary: 60, secondary: 50, residential: 30 };
const roadFeatures = finalRoads.map((r, i) => {
  const { bridge, ...p } = r.props;
  return { type: 'Feature', properties: { layer: 'road', id: `R-${pad(i + 1, 3)}`, ...p, speedKmh: SPEED[p.class], oneway: false, ...(bridge ? { bridge } : {}) }, geometry: { type: 'LineString', coordinates: r.pts.map(ll) } };
});
// connectivity check on the rounded coordinates (what a routing graph would see)
const adj = new Map(), key = (c) => c.join(',');
for (const f of roadFeatures) f.geometry.coordinates.forEach((c, i, a) => {
  if (!adj.has(key(c))) adj.set(key(c), new Set());
  if (i) { adj.get(key(c)).add(key(a[i - 1])); adj.get(key(a[i - 1])).add(key(c)); }
});
const seen = new Set([adj.keys().next().value]), stack = [...seen];
while (stack.length) for (const n of adj.get(stack.pop())) if (!seen.has(n)) { seen.add(n); stack.push(n); }
if (seen.size !== adj.size) throw new Error(`road graph not connected: ${seen.size}/${adj.size} vertices reachable`);

// ---- stations (on a mid-block road vertex nearest the target) and roster -----------------------
const uses = new Map();
for (const r of finalRoads) r.pts.forEach((p, i) => uses.set(p, (uses.get(p) ?? 0) + (i === 0 || i === r.pts.length - 1 ? 2 : 1)));
const midVerts = [...uses].filter(([, n]) => n === 1).map(([p]) => p), allVerts = [...uses.keys()];
const nearest = (t, list) => list.reduce((best, p) => (hyp(p, t) < hyp(best, t) ? p : best));
const STATIONS = [ // [agency, id suffix, zh, en, target x, y, units: [type, count]...]
  ['fire', 'chengdong', '城东消防站', 'Chengdong Fire Station', 800, 1600, [['engine', 3], ['ladder', 1], ['hazmat', 1]]],
  ['fire', 'chengxi', '城西消防站', 'Chengxi Fire Station', -4000, 1900, [['engine', 2], ['rescue', 1], ['water_rescue', 1]]],
  ['fire', 'jiangnan', '江南消防站', 'Jiangnan Fire Station', -600, -3000, [['engine', 3], ['rescue', 1], ['water_rescue', 1]]],
  ['fire', 'gaoxin', '高新消防站', 'Gaoxin Fire Station', 5300, 2300, [['engine', 2], ['ladder', 1], ['hazmat', 1]]],
  ['ems', 'center', '市急救中心', 'City EMS Centre', 200, 400, [['ambulance', 5]]],
  ['ems', 'renmin', '人民医院急救站', 'People\'s Hospital EMS Station', -2600, 2700, [['ambulance', 4]]],
  ['ems', 'jiangnan', '江南急救站', 'Jiangnan EMS Station', 2600, -3100, [['ambulance', 3]]],
  ['police', 'chengdong', '城东派出所', 'Chengdong Police Station', 1800, 2600, [['patrol', 5]]],
  ['police', 'chengxi', '城西派出所', 'Chengxi Police Station', -3200, 400, [['patrol', 5]]],
  ['police', 'jiangnan', '江南派出所', 'Jiangnan Police Station', -2200, -4100, [['patrol', 5]]],
  ['police', 'gaoxin', '高新派出所', 'Gaoxin Police Station', 5800, 800, [['patrol', 5]]],
  ['police', 'binjiang', '滨江派出所', 'Binjiang Police Station', 600, -700, [['patrol', 5]]],
  ['traffic', 'brigade1', '交警一大队', 'Traffic Police Brigade 1', -1000, 3600, [['traffic_patrol', 5], ['tow', 2]]],
  ['traffic', 'brigade2', '交警二大队', 'Traffic Police Brigade 2', 3500, -2400, [['traffic_patrol', 5], ['tow', 1]]],
  ['urban', 'chengdong', '城东城管中队', 'Chengdong Urban Management Squad', 2600, 800, [['urban_patrol', 4]]],
  ['urban', 'jiangnan', '江南城管中队', 'Jiangnan Urban Management Squad', -4500, -3000, [['urban_patrol', 4]]],
  ['emergency', 'bureau', '市应急管理局', 'City Emergency Management Bureau', -400, 1900, [['emergency_team', 6]]],
  ['resources', 'jiangnan', '江南自然资源所', 'Jiangnan Natural Resources Office', 1200, -4600, [['geo_survey', 3]]],
  ['grid', 'chengdong', '城东社区网格站', 'Chengdong Community Grid Station', 1200, 300, [['grid_worker', 12]]],
  ['grid', 'chengxi', '城西社区网格站', 'Chengxi Community Grid Station', -5000, 2800, [['grid_worker', 12]]],
  ['grid', 'jiangnan', '江南社区网格站', 'Jiangnan Community Grid Station', 0, -4000, [['grid_worker', 12]]],
  ['grid', 'gaoxin', '高新社区网格站', 'Gaoxin Community Grid Station', 5600, 3800, [['grid_worker', 12]]],
];
const PREFIX = { fire: 'F', ems: 'E', police: 'P', traffic: 'T', urban: 'U', emergency: 'M', resources: 'R', grid: 'G' };
const BASE = { fire: 101, ems: 201, police: 301, traffic: 401, urban: 501, emergency: 601, resources: 701, grid: 801 };
const LABEL = { engine: '水罐车', ladder: '云梯车', rescue: '抢险救援车', hazmat: '危化品处置车', water_rescue: '水域救援车', patrol: '巡逻车',
  traffic_patrol: '巡逻车', tow: '清障车', urban_patrol: '巡查车', emergency_team: '救援队', geo_survey: '地灾调查组', grid_worker: '网格员' };
const stationFeatures = [], rows = ['id,name,agency,type,station,lat,lon'], count = { ...BASE };
for (const [agency, suffix, name, nameEn, tx, ty, units] of STATIONS) {
  const id = `ST-${agency}-${suffix}`, at = nearest([tx, ty], midVerts);
  stationFeatures.push({ type: 'Feature', properties: { layer: 'station', id, name, nameEn, agency }, geometry: { type: 'Point', coordinates: ll(at) } });
  let n = 0;
  for (const [type, k] of units) for (let i = 1; i <= k; i++, n++) {
    let pos;
    if (type === 'grid_worker') { const a = rr(0, 2 * Math.PI), d = 1000 * Math.sqrt(rnd()); pos = nearest([at[0] + d * Math.cos(a), at[1] + d * Math.sin(a)], allVerts); }
    else pos = [at[0] + (10 + 4 * n) * Math.cos(n * 2.4), at[1] + (10 + 4 * n) * Math.sin(n * 2.4)];
    const label = agency === 'ems' ? `120 急救车 ${count.ems - BASE.ems + 1}` : `${name} ${LABEL[type]}${type === 'grid_worker' ? pad(i) : i}`;
    const [lon, lat] = ll(pos);
    rows.push([`${PREFIX[agency]}-${count[agency]++}`, label, agency, type, id, lat.toFixed(6), lon.toFixed(6)].join(','));
  }
}

// ---- write -------------------------------------------------------------------------------------
const all = [...features, ...blocks, ...roadFeatures, ...stationFeatures];
const [lo0, la0] = ll([-W, -H]), [lo1, la1] = ll([W, H]);
const geojson = `{"type":"FeatureCollection","name":"临江市 Linjiang (training city)","bbox":[${lo0},${la0},${lo1},${la1}],"features":[\n${all.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
const write = (rel, text) => { const f = join(ROOT, rel); mkdirSync(dirname(f), { recursive: true }); writeFileSync(f, text); };
write('resources/map/training-city.geojson', geojson);
write('resources/roster/training-city.csv', rows.join('\n') + '\n');
const byLayer = all.reduce((m, f) => ({ ...m, [f.properties.layer]: (m[f.properties.layer] ?? 0) + 1 }), {});
console.log(`training city: ${JSON.stringify(byLayer)}; ${adj.size} road vertices (connected); ${rows.length - 1} units`);
