/**
 * A drill in the browser: a console started with --drill shows the DRILL banner, runs the river
 * flood from the banner at ×10, the dispatcher turns the first call into an incident on the map and
 * dispatches it from the UI, simulated crews answer and drive, and the after-action report opens
 * and prints to PDF.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queries } from '../../electron/core/store/queries';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { startConsole, type TestConsole } from '../helpers/console';
import { ConsolePage } from './pages/console-page';
import { guardPage } from './pages/page-guard';
import { WallPage } from './pages/wall-page';

const DOCS = join(import.meta.dirname, '../../docs');
const RESULTS = join(import.meta.dirname, '../../test-results');
/** 康乐小区 (B-155), where the flood's first calls come from. */
const KANGLE = { lat: 31.12169, lon: 104.38977 };
const WALL_TOKEN = 'wall-token-drill-1';

let console_: TestConsole;
let browser: TestBrowser;

beforeAll(async () => {
  console_ = await startConsole(['--drill', '--wall-token', WALL_TOKEN]);
  browser = await launchBrowser({ locale: 'en' });
});
afterAll(async () => {
  await browser.close();
  await console_.close();
});

describe('drill in the console', () => {
  it('shows the DRILL banner on a wall screen, without the controls the read-only wall may not use', async () => {
    const page = await browser.context.newPage();
    const wall = new WallPage(page, console_.url);
    await wall.open('map', WALL_TOKEN);
    const banner = page.getByTestId('drill-banner');
    expect(await banner.locator('.qx-drill-banner__mark').innerText()).toBe('演练 / DRILL');
    for (const id of ['drill-start', 'drill-scenario', 'drill-replay', 'drill-report']) expect(await page.getByTestId(id).count(), id).toBe(0);
    await page.close();
  });

  it('runs the flood at ×10, dispatches from the UI and opens and prints the after-action report', async () => {
    const page = await browser.context.newPage();
    const guard = guardPage(page, console_.url);
    const app = new ConsolePage(page, console_.url);
    await app.open(console_.token);
    await app.setLanguage('en');

    const banner = page.getByTestId('drill-banner');
    expect(await banner.locator('.qx-drill-banner__mark').innerText()).toBe('演练 / DRILL');

    await page.getByTestId('drill-scenario').selectOption('river-flood');
    await page.getByTestId('drill-start').click();
    await expect.poll(() => page.getByTestId('drill-title').innerText()).toBe('Lin River flood · evacuation of Kangle Community');
    await page.getByTestId('drill-speed-10').click();
    await page.locator('[data-testid="drill-speed-10"][aria-pressed="true"]').waitFor();

    // The first call reaches the reports intake (2 scenario minutes: 12 s at ×10); the dispatcher
    // pauses the drill while working on it, as an instructor would let a trainee catch up.
    await page.locator('[data-testid="tab-reports"] .qx-badge').waitFor({ timeout: 60_000 });
    await page.getByTestId('drill-pause').click();
    await page.locator('[data-testid="drill-pause"][aria-pressed="true"]').waitFor();
    const at = await app.pixelOf(KANGLE.lat, KANGLE.lon);
    await app.createIncidentAt(at.x, at.y, { type: 'flood', address: 'Kangle Community, building 2' });
    const planned = await app.recommendationRows.count();
    expect(planned).toBeGreaterThanOrEqual(3);
    await app.dispatch();
    await page.getByTestId('drill-speed-10').click();
    await page.locator('[data-testid="drill-pause"][aria-pressed="false"]').waitFor();
    // Every crew answers (a drill may make one refuse): no order is left waiting.
    await page.waitForFunction(
      (n) => {
        const states = Array.from(document.querySelectorAll('[data-testid="order-row"]')).map((r) => r.getAttribute('data-state'));
        return states.length >= n && states.every((s) => s !== 'queued' && s !== 'sent');
      },
      planned,
      { timeout: 60_000 },
    );
    const states = await app.orderStates();
    expect(states.filter((s) => s === 'acknowledged').length, states.join()).toBeGreaterThanOrEqual(planned - 1);

    mkdirSync(DOCS, { recursive: true });
    await app.screenshot(join(DOCS, 'drill-en.png'));

    // Crews drive the roads to the compound: wait for the first on scene (the console's own record).
    const queries = new Queries(console_.core.store.db);
    await expect.poll(() => queries.incidents(0)[0]?.times.firstOnSceneAt ?? null, { timeout: 90_000, interval: 500 }).not.toBeNull();

    await page.getByTestId('drill-stop').click();
    await page.getByTestId('drill-start').waitFor();
    await page.getByTestId('drill-report').click();
    const aar = page.getByTestId('aar');
    await aar.waitFor();
    await expect.poll(() => page.getByTestId('aar-title').innerText()).toContain('Lin River flood');
    const rows = page.getByTestId('aar-incidents').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Kangle Community, building 2');
    expect(await page.getByTestId('aar-expectations').locator('tr').count()).toBe(4);
    await expect.poll(() => page.locator('[data-testid="aar-map"] polyline').count()).toBeGreaterThanOrEqual(planned - 1);

    await app.screenshot(join(DOCS, 'drill-report-en.png'));
    // What the PDF holds: the print styles (black on white, only the report).
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(RESULTS, 'after-action-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'after-action.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(20_000);

    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  }, 240_000);
});
