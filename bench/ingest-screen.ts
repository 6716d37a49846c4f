/**
 * bench/ingest, phase 3: the console's own page in Chromium (SwiftShader, 1280×800, headless)
 * while the load runs. Publish-to-screen is what the page's diagnostics view reports (device
 * timestamp → the map's draw that includes the position): after the warm-up the bench presses
 * its "measure from now", at the end it reads the figures. The page's frame rate is counted with
 * requestAnimationFrame over the same span.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ConsolePage } from '../test/e2e/pages/console-page';
import { launchBrowser } from '../test/helpers/browser';

export interface ScreenFigures {
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly fps: number;
}

export async function screenPhase(origin: string, token: string, warmupS: number, run: () => Promise<{ done: Promise<void> }>): Promise<ScreenFigures> {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  const browser = await launchBrowser({ width: 1280, height: 800 });
  try {
    const page = await browser.context.newPage();
    const console_ = new ConsolePage(page, origin);
    await console_.open(token);
    const { done } = await run();
    // Frames counted after the warm-up, until the load ends.
    // A string: tsx would wrap a named function in a helper the page does not have.
    await page.evaluate(`window.qxFrames = 0; setTimeout(() => { const tick = () => { window.qxFrames++; requestAnimationFrame(tick); }; requestAnimationFrame(tick); }, ${warmupS * 1000});`);
    await page.waitForTimeout(warmupS * 1000);
    const started = Date.now();
    await page.keyboard.press('d');
    await page.getByTestId('diag-latency-reset').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('diagnostics').waitFor({ state: 'detached' });
    await done;
    const frames = Number(await page.evaluate('window.qxFrames'));
    const fps = frames / ((Date.now() - started) / 1000);
    await page.keyboard.press('d');
    const stat = page.getByTestId('diag-screen-latency');
    await stat.waitFor();
    const attr = async (name: string): Promise<number> => Number(await stat.getAttribute(name));
    return { samples: await attr('data-samples'), p50: await attr('data-p50'), p99: await attr('data-p99'), fps };
  } finally {
    await browser.close();
  }
}
