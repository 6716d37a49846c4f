/**
 * The dispatcher's core loop, end to end in a real browser against a real console: click the
 * map, create a structure fire, read the recommendation, dispatch, and watch simulated field
 * devices acknowledge every order over MQTT. Once in Chinese, once in English. The page may
 * make no request outside the console's own origin.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../electron/sim/simulator';
import type { TestBrowser } from '../helpers/browser';
import type { TestConsole } from '../helpers/console';
import { startFieldConsole, type FieldConsole } from '../helpers/field-console';
import { ConsolePage } from './pages/console-page';
import { guardPage, type PageGuard } from './pages/page-guard';

const RESULTS = join(import.meta.dirname, '../../test-results');
/** A block south-west of 城东消防站: engines and a ladder are a few hundred metres away. */
const FIRE_AT = { lat: 31.1445, lon: 104.4035 };
/** structure_fire, level 1: engine ×2, ladder, ambulance, traffic patrol. */
const PLAN_UNITS = 5;

let field: FieldConsole;
let console_: TestConsole;
let sim: Simulator;
let browser: TestBrowser;

beforeEach(async () => {
  field = await startFieldConsole({ ackDelayMs: 300 });
  ({ console: console_, sim, browser } = field);
});

afterEach(() => field.close());

const cases = [
  { lang: 'zh-CN', acknowledged: '已确认', dispatch: '调派', screenshot: 'console-zh.png' },
  { lang: 'en', acknowledged: 'Acknowledged', dispatch: 'Dispatch', screenshot: 'console-en.png' },
] as const;

describe.each(cases)('dispatch a structure fire ($lang)', ({ lang, acknowledged, dispatch, screenshot }) => {
  it('creates the incident from the map, dispatches the plan and shows every acknowledgement', async () => {
    const page = await browser.context.newPage();
    const guard: PageGuard = guardPage(page, console_.url);
    const app = new ConsolePage(page, console_.url);

    await app.open(console_.token);
    // Chinese is the default; English is chosen with the header's switch, as a dispatcher would.
    if (lang === 'en') await app.setLanguage('en');
    await page.locator('[data-testid="link-status"][data-link="connected"]').waitFor();

    const at = await app.pixelOf(FIRE_AT.lat, FIRE_AT.lon);
    await app.createIncidentAt(at.x, at.y, { type: 'structure_fire', address: lang === 'en' ? '12 Wangjiang Rd' : '望江路12号' });

    await expect.poll(() => app.recommendationRows.count()).toBe(PLAN_UNITS);
    expect(await app.missingRows.count()).toBe(0);
    expect(await app.queueRows.count()).toBe(1);
    expect(await page.getByTestId('dispatch').innerText()).toContain(dispatch);

    await app.dispatch();
    await app.waitForOrders('acknowledged', PLAN_UNITS);
    expect(await app.orderStates()).toEqual(Array<string>(PLAN_UNITS).fill('acknowledged'));
    expect(await app.orderStateTexts()).toEqual(Array<string>(PLAN_UNITS).fill(acknowledged));
    // The devices heard each order exactly once per unit.
    expect(new Set(sim.orders.map((o) => o.orderId)).size).toBe(PLAN_UNITS);

    mkdirSync(RESULTS, { recursive: true });
    await app.screenshot(join(RESULTS, screenshot));

    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });
});
