/**
 * bench/ingest, phase 3: the console's own page in Chromium (SwiftShader, 1280×800, headless)
 * while the load runs. Publish-to-screen is what the page's diagnostics view reports (device
 * timestamp → the map's draw that includes the position): after the warm-up the bench presses
 * its "measure from now", at the end it reads the figures. The page's responsiveness over the
 * same span is the lateness of a 50 ms timer (its main thread's delay), not a frame count: a
 * requestAnimationFrame counter would make the page produce 60 frames a second by itself.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsolePage } from '../test/e2e/pages/console-page';
import { launchBrowser } from '../test/helpers/browser';

/**
 * This machine has no GPU. Chromium then draws WebGL with SwiftShader and, by default, also composites
 * the page with it; compositing in software instead (`--disable-gpu-compositing`, what the README
 * recommends for consoles without a GPU) halves the CPU a frame costs. `QX_BENCH_GPU_COMPOSITING=1`
 * measures Chromium's default.
 */
export const GPU_COMPOSITING = process.env.QX_BENCH_GPU_COMPOSITING === '1';
/** `QX_BENCH_CHROMIUM_ARGS="--flag …"`: more Chromium switches for the screen phase (to try a deployment's). */
const EXTRA_ARGS = (process.env.QX_BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);
/**
 * `QX_BENCH_DRAW_RATE=batch|N|auto`: the map's draw rate on this page (`localStorage['qx.map.drawRate']`,
 * README "Configuration"); by default the console's own choice (auto: ten a second on software WebGL).
 */
const DRAW_RATE = process.env.QX_BENCH_DRAW_RATE;
/** `QX_BENCH_PROFILE=page.cpuprofile`: the page's CPU profile over the measured span (open it in DevTools). */
const PROFILE = process.env.QX_BENCH_PROFILE;
/** `QX_BENCH_TRACE=trace.json`: a 4 s Chromium trace (timeline, compositor, GPU) early in the measured span. */
const TRACE = process.env.QX_BENCH_TRACE;
/** `QX_BENCH_SERIES=1`: also list the page's long animation frames (over 100 ms) with the scripts in them. */
const SERIES = process.env.QX_BENCH_SERIES === '1';
/** `QX_BENCH_SHOT=page.png`: a screenshot of the page under the load, 5 s into the measured span (it costs a frame or two). */
const SHOT = process.env.QX_BENCH_SHOT;

export interface ScreenFigures {
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  /** The same positions when the page received them (before waiting for a frame). */
  readonly receivedP50: number;
  readonly receivedP99: number;
  /** How often the map drew its units. */
  readonly draws: number;
  /** The map's limit on draws a second ('one per batch' when none) and whether it drew in software. */
  readonly drawLimit: string;
  /** The page's main-thread delay (a 50 ms timer's lateness), p99 and max, ms. */
  readonly delayP99: number;
  readonly delayMax: number;
}

export async function screenPhase(origin: string, token: string, warmupS: number, run: () => Promise<{ done: Promise<void> }>): Promise<ScreenFigures> {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  const browser = await launchBrowser({ width: 1280, height: 800, args: [...(GPU_COMPOSITING ? [] : ['--disable-gpu-compositing']), ...EXTRA_ARGS] });
  try {
    const page = await browser.context.newPage();
    if (DRAW_RATE) await page.addInitScript(`localStorage.setItem('qx.map.drawRate', ${JSON.stringify(DRAW_RATE)})`);
    const console_ = new ConsolePage(page, origin);
    await console_.open(token);
    // The page's first key press opens the audio device for the warning tone: a one-off task of 0.2–0.4 s
    // in headless Chromium (no sound card). Made here, before the load, so the measurement's own key
    // press ('d' below) does not freeze the page at the start of the measured span; the next task is after it.
    await page.keyboard.press('Shift');
    await page.evaluate('new Promise((resolve) => setTimeout(resolve, 0))');
    const { done } = await run();
    // The main thread's delay after the warm-up, until the load ends: how late a 50 ms timer fires.
    // A string: tsx would wrap a named function in a helper the page does not have.
    await page.evaluate(
      `window.qxDelays = []; setTimeout(() => { let due = performance.now() + 50; const tick = () => { const now = performance.now(); window.qxDelays.push(Math.max(0, now - due)); due = now + 50; setTimeout(tick, 50); }; setTimeout(tick, 50); }, ${warmupS * 1000});`,
    );
    if (SERIES) {
      await page.evaluate(`window.qxLoaf = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.duration > 100) window.qxLoaf.push([Math.round(e.startTime), Math.round(e.duration), Math.round(e.blockingDuration), Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0), e.scripts.map((s) => s.invoker + ' ' + Math.round(s.duration)).join('; ')]); }).observe({ type: 'long-animation-frame', buffered: false });`);
    }
    await page.waitForTimeout(warmupS * 1000);
    const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const trace = TRACE ? await page.context().newCDPSession(page) : null;
    const traceEvents: unknown[] = [];
    if (trace) {
      trace.on('Tracing.dataCollected', (e) => traceEvents.push(...(e.value as unknown[])));
      await trace.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,cc,viz,gpu,blink', transferMode: 'ReportEvents' });
      setTimeout(() => void trace.send('Tracing.end'), 4000);
    }
    await page.keyboard.press('d');
    await page.getByTestId('diag-latency-reset').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('diagnostics').waitFor({ state: 'detached' });
    if (SHOT) {
      await page.waitForTimeout(5000);
      await page.screenshot({ path: SHOT });
    }
    await done;
    const delays = (await page.evaluate<number[]>('window.qxDelays')).sort((a, b) => a - b);
    if (SERIES) {
      const loaf = await page.evaluate<[number, number, number, number, string][]>('window.qxLoaf');
      console.log(`  page's long animation frames (start ms, duration, blocking, rendering; scripts): ${loaf.map((l) => `${l[0]} ${l[1]}/${l[2]}/${l[3]} [${l[4]}]`).join(' | ') || 'none'}`);
    }
    if (trace && TRACE) {
      writeFileSync(TRACE, JSON.stringify({ traceEvents }));
      console.log(`page trace: ${TRACE}`);
    }
    if (cdp && PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(PROFILE, JSON.stringify(profile));
      console.log(`page profile: ${PROFILE}`);
    }
    await page.keyboard.press('d');
    const stat = page.getByTestId('diag-screen-latency');
    await stat.waitFor();
    const attr = async (name: string): Promise<number> => Number(await stat.getAttribute(name));
    const limit = page.getByTestId('diag-draw-limit');
    const perSecond = await limit.getAttribute('data-per-second');
    const software = (await limit.getAttribute('data-software')) === 'true';
    return {
      samples: await attr('data-samples'),
      p50: await attr('data-p50'),
      p99: await attr('data-p99'),
      receivedP50: await attr('data-received-p50'),
      receivedP99: await attr('data-received-p99'),
      draws: await attr('data-draws-per-second'),
      drawLimit: `${perSecond ? `at most ${perSecond}/s` : 'one per batch'}, ${software ? 'software WebGL' : 'GPU'}`,
      delayP99: delays[Math.min(delays.length - 1, Math.floor(delays.length * 0.99))] ?? NaN,
      delayMax: delays[delays.length - 1] ?? NaN,
    };
  } finally {
    await browser.close();
  }
}
