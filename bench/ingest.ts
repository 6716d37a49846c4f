/**
 * bench/ingest: field positions through a real broker (Mosquitto) into the console, at 1 Hz per
 * unit from N simulated devices. Prints, measured in one run: the raw receive rate of a bare
 * mqtt.js subscriber under the same load (and its publish-to-receive latency: the floor the
 * machine sets), the console's sustained rate, and publish-to-stored (validated, committed to
 * SQLite and pushed) and publish-to-client (received by a WebSocket
 * client of the web host in its own process) latency, p50 and p99, with the load average; then,
 * in a third phase, publish-to-screen: the console's own page in Chromium (SwiftShader,
 * 1280×800) drawing the fleet on its map, as its diagnostics view reports it (device timestamp →
 * the map's draw that includes the position), with the page's frame rate.
 * `npx tsx bench/ingest.ts [units=20000] [seconds=15] [phases=bare,console,screen]`; profile the console's side with
 * `node --cpu-prof --import tsx bench/ingest.ts` (the main process is the bare subscriber, then
 * the console).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import mqtt from 'mqtt';
import { startCore } from '../electron/core/core';
import { chooseGc, runningGc, SINGLE_THREADED_GC_FLAG } from '../electron/node/gc';
import { startWebHost } from '../electron/web/server';
import { tempDir } from '../test/helpers/core';
import { startMosquitto } from '../test/helpers/mosquitto';
import { tempRoot } from '../test/helpers/temp-root';
import { GPU_COMPOSITING, screenPhase } from './ingest-screen';

const UNITS = Number(process.argv[2] ?? 20_000);
const SECONDS = Number(process.argv[3] ?? 15);
const PHASES = new Set((process.argv[4] ?? 'bare,console,screen').split(','));
/**
 * Seconds of load before measuring. All devices start at once, which the console absorbs in about
 * three seconds here (cold code, 20,000 first track samples, a growing heap): what those seconds
 * cost is printed on its own ("catching up"), and the figures are the sustained state after them.
 */
const WARMUP_S = Number(process.env.QX_BENCH_WARMUP_S ?? 5);
/** `QX_BENCH_SERIES=1`: also print publish → stored per second, the core's stalls and long GCs (where the tail is). */
const SERIES = process.env.QX_BENCH_SERIES === '1';
const ROOT = join(import.meta.dirname, '..');

// The console (and the bare subscriber, in the same process) runs with the garbage collector
// `npm start` chooses on this machine (electron/node/gc.ts): a flag only a command line can give.
const GC = chooseGc(process.env, availableParallelism());
if (GC.mode === 'single' && runningGc(process.execArgv) !== 'single') {
  const again = spawnSync(process.execPath, [SINGLE_THREADED_GC_FLAG, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}
// The run's databases (tens of MB each phase) and the broker's files, removed at the end.
const removeTemp = tempRoot('qx-bench-');

const pct = (xs: ArrayLike<number>, p: number): number => {
  if (xs.length === 0) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/**
 * Latencies (ms) in a buffer sized once: the bench records in the console's own process, and
 * arrays grown (and copied by the collector) 20,000 times a second would be the bench's load on it.
 */
class Samples {
  private readonly xs: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.xs = new Float64Array(capacity);
  }
  add(x: number): void {
    if (this.length < this.xs.length) this.xs[this.length++] = x;
  }
  pct(p: number): number {
    return pct(this.xs.subarray(0, this.length), p);
  }
}

/** Runs the load generator; resolves once it is connected (`begin` called then), with a promise of its end. */
async function load(url: string, begin: () => void): Promise<{ done: Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/ingest-load.ts'), url, String(UNITS), String(SECONDS + WARMUP_S)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  begin();
  return { done: new Promise((resolve) => child.once('exit', () => resolve())) };
}

/** When the load generator started sending (the last `begin`). */
let loadStartedAt = 0;

/** Counts messages received in the measurement window: from WARMUP_S after `begin` (the load's start). */
function windowCounter(): { begin: () => void; measuring: () => boolean; hit: (n?: number) => void; rate: () => number } {
  let start = Infinity;
  let n = 0;
  return {
    begin: () => {
      loadStartedAt = Date.now();
      start = loadStartedAt + WARMUP_S * 1000;
    },
    measuring: () => Date.now() >= start,
    hit: (k = 1) => {
      if (Date.now() >= start) n += k;
    },
    rate: () => n / SECONDS,
  };
}

/** The machine's load average (1, 5, 15 min): the benches share it with other work. */
const loadavg = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const mosq = await startMosquitto();
console.log(`bench/ingest: ${UNITS} units at 1 Hz (${UNITS} msg/s offered) through Mosquitto, ${SECONDS} s measured after ${WARMUP_S} s warm-up`);
console.log(`  the console's garbage collector: ${runningGc(process.execArgv)} (${GC.reason}; as npm start)`);

// Phase 1: a bare mqtt.js subscriber, nothing else.
if (PHASES.has('bare')) {
  const bare = await mqtt.connectAsync(mosq.url, { clientId: 'qx-bench-bare' });
  await bare.subscribeAsync('qx/v1/units/+/position', { qos: 0 });
  const c = windowCounter();
  // Latency of every 10th message (reading its ts costs a JSON.parse the bare rate should not pay).
  const seen: number[] = [];
  let k = 0;
  bare.on('message', (_topic, payload) => {
    c.hit();
    if (++k % 10 === 0 && c.measuring()) seen.push(Date.now() - (JSON.parse(payload.toString()) as { ts: number }).ts);
  });
  await (await load(mosq.url, c.begin)).done;
  await bare.endAsync();
  console.log(`bare mqtt.js subscriber:    ${c.rate().toFixed(0)} msg/s, publish → received p50 ${pct(seen, 50)} ms, p99 ${pct(seen, 99)} ms (1 in 10 sampled)  [load ${loadavg()}]`);
  (globalThis as { bareRate?: number }).bareRate = c.rate();
}

/**
 * `QX_BENCH_SERIES=1`: where the tail is. Prints, when the bench ends, publish → stored per second, the
 * API calls the console served (count, total and longest time) and its event-loop delay. Returns the
 * recorder of each pushed batch.
 */
function diagnose(core: Awaited<ReturnType<typeof startCore>>): (now: number, list: readonly { positionTs: number | null }[]) => void {
  const t0 = Date.now();
  const series: number[][] = [];
  const calls = new Map<string, { n: number; ms: number; max: number }>();
  const call = core.call.bind(core);
  core.call = async (...args: Parameters<typeof call>) => {
    const t = performance.now();
    try {
      return await call(...args);
    } finally {
      const c = calls.get(args[0]) ?? { n: 0, ms: 0, max: 0 };
      const d = performance.now() - t;
      calls.set(args[0], { n: c.n + 1, ms: c.ms + d, max: Math.max(c.max, d) });
    }
  };
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  // Stalls of the core's event loop over 50 ms, and garbage collections over 10 ms, with when (s from the start).
  const stalls: string[] = [];
  let tick = performance.now();
  const ticker = setInterval(() => {
    const t = performance.now();
    if (t - tick > 60) stalls.push(`${((Date.now() - t0) / 1000).toFixed(1)}s +${(t - tick - 10).toFixed(0)}ms`);
    tick = t;
  }, 10);
  ticker.unref();
  const gcs: string[] = [];
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.duration > 10) gcs.push(`${((Date.now() - t0) / 1000).toFixed(1)}s ${(e as { detail?: { kind?: number } }).detail?.kind === 4 ? 'major' : 'minor'} ${e.duration.toFixed(0)}ms`);
  });
  gc.observe({ entryTypes: ['gc'] });
  process.once('beforeExit', () => {
    gc.disconnect();
    console.log(`  (the load started at ${((loadStartedAt - t0) / 1000).toFixed(1)} s, measured from ${((loadStartedAt - t0) / 1000 + WARMUP_S).toFixed(1)} s)`);
    console.log(`  event-loop stalls over 50 ms: ${stalls.join(', ') || 'none'}`);
    console.log(`  garbage collections over 10 ms: ${gcs.join(', ') || 'none'}`);
    series.forEach((xs, s) => console.log(`  s${s}: n ${xs.length} p50 ${pct(xs, 50)} p99 ${pct(xs, 99)} max ${pct(xs, 100)}`));
    calls.forEach((c, k) => console.log(`  call ${k}: n ${c.n} total ${c.ms.toFixed(0)} ms max ${c.max.toFixed(0)} ms`));
    const ms = (ns: number): string => (ns / 1e6).toFixed(1);
    console.log(`core event-loop delay: p50 ${ms(loop.percentile(50))} ms, p99 ${ms(loop.percentile(99))} ms, max ${ms(loop.max)} ms`);
  });
  return (now, list) => (series[Math.floor((now - t0) / 1000)] ??= []).push(...list.map((u) => now - (u.positionTs ?? now)));
}

/** The console (core + web host serving the built renderer) for UNITS roster units at the broker. */
async function startConsole(): Promise<{ core: Awaited<ReturnType<typeof startCore>>; web: Awaited<ReturnType<typeof startWebHost>>; begin: () => void; rate: () => number; stored: Samples; catchingUp: () => string }> {
  const data = tempDir('qx-bench-');
  const roster = join(data, 'roster.csv');
  writeFileSync(roster, ['id,name,agency,type,station,lat,lon', ...Array.from({ length: UNITS }, (_, i) => `B-${i},巡逻车 ${i},police,patrol,S,31.1,104.4`)].join('\n'));
  const core = await startCore({ dataDir: data, resourcesDir: join(ROOT, 'resources'), rosterFile: roster, brokerUrl: mosq.url, consoleId: 'bench', fieldThread: process.env.QX_FIELD_THREAD !== '0' });
  await core.connected();
  const web = await startWebHost({ core, token: 'bench-token-1', host: '127.0.0.1', port: 0, rendererDir: join(ROOT, 'dist', 'renderer') });
  const stored = new Samples(UNITS * (SECONDS + 2));
  // Each second of the warm-up on its own: the console catching up with devices that all started at once.
  const warming = Array.from({ length: WARMUP_S }, () => new Samples(UNITS * 2));
  const c = windowCounter();
  const series = SERIES ? diagnose(core) : null;
  core.subscribe((p) => {
    const list = p.kind === 'units' ? p.units : p.kind === 'positions' ? p.positions : null;
    if (!list) return;
    const now = Date.now();
    c.hit(list.length);
    const into = c.measuring() ? stored : loadStartedAt > 0 ? warming[Math.floor((now - loadStartedAt) / 1000)] : undefined;
    if (into) for (const u of list) if (u.positionTs) into.add(now - u.positionTs);
    series?.(now, list);
  });
  const catchingUp = (): string => warming.map((w) => `${w.pct(99)}`).join(', ');
  return { core, web, begin: c.begin, rate: () => c.rate(), stored, catchingUp };
}

// Phase 2: the console (core + web host + one WebSocket client) under the same load.
if (PHASES.has('console')) {
  const { core, web, begin, rate, stored, catchingUp } = await startConsole();
  // The screen's side runs in its own process, as the renderer does.
  const viewer = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/ingest-client.ts'), `${web.url.replace('http', 'ws')}/ws`, 'bench-token-1', String(WARMUP_S), String(SECONDS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  viewer.stdout.on('data', (b: Buffer) => (out += b.toString()));
  await new Promise<void>((resolve) => viewer.stdout.once('data', () => resolve()));
  const viewed = new Promise<void>((resolve) => viewer.once('exit', () => resolve()));
  await (await load(mosq.url, begin)).done;
  await viewed;
  const seen = JSON.parse(out.trim().split('\n').pop() ?? '{}') as { n: number; p50: number; p99: number };
  const bare = (globalThis as { bareRate?: number }).bareRate ?? NaN;
  console.log(`console (stored + pushed):  ${rate().toFixed(0)} msg/s  = ${(rate() / bare).toFixed(2)} × the bare subscriber  [load ${loadavg()}]`);
  console.log(`publish → stored + pushed:  p50 ${stored.pct(50)} ms, p99 ${stored.pct(99)} ms  (${stored.length} samples)`);
  console.log(`  while catching up (the warm-up, all devices started at once), p99 by second: ${catchingUp()} ms`);
  console.log(`publish → WebSocket client (own process): p50 ${seen.p50} ms, p99 ${seen.p99} ms  (${seen.n} samples)`);
  console.log(`rejected: ${core.diagnostics.view().rejectedTotal}`);
  await web.close();
  await core.close();
}

// Phase 3: the console's own page in Chromium, drawing the fleet on its map.
if (PHASES.has('screen')) {
  const { core, web, begin, rate, stored, catchingUp } = await startConsole();
  const screen = await screenPhase(web.url, 'bench-token-1', WARMUP_S, () => load(mosq.url, begin));
  const bare = (globalThis as { bareRate?: number }).bareRate ?? NaN;
  console.log(`console with its page open: ${rate().toFixed(0)} msg/s  = ${(rate() / bare).toFixed(2)} × the bare subscriber  [load ${loadavg()}]`);
  console.log(`publish → stored + pushed:  p50 ${stored.pct(50)} ms, p99 ${stored.pct(99)} ms  (${stored.length} samples)`);
  console.log(`  while catching up (the warm-up, all devices started at once), p99 by second: ${catchingUp()} ms`);
  console.log(
    `publish → screen (Chromium, ${GPU_COMPOSITING ? 'GPU compositing on SwiftShader' : 'software compositing'}, the map's draw; diagnostics view, whole run): p50 ${screen.p50} ms, p99 ${screen.p99} ms  (${screen.samples} positions drawn; ${screen.draws} draws/s, ${screen.drawLimit}; page's main-thread delay p99 ${screen.delayP99.toFixed(0)} ms, max ${screen.delayMax.toFixed(0)} ms)`,
  );
  console.log(`  of which publish → received by the page: p50 ${screen.receivedP50} ms, p99 ${screen.receivedP99} ms`);
  await web.close();
  await core.close();
}
await mosq.stop();
removeTemp();
