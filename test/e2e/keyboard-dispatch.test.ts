/**
 * A structure fire from the call to five acknowledged orders with the keyboard alone: log in,
 * N, type the place and pick it from the list with the arrows, Enter to create, Enter to
 * dispatch; simulated devices acknowledge over MQTT. Then B shows the five units committed on
 * the unit status board, and the incident's timeline lists what happened and who did it. Not
 * one pointer press on the page.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../../electron/sim/simulator';
import type { TestBrowser } from '../helpers/browser';
import type { TestConsole } from '../helpers/console';
import { startFieldConsole, type FieldConsole } from '../helpers/field-console';
import { ConsolePage } from './pages/console-page';
import { guardPage } from './pages/page-guard';

const RESULTS = join(import.meta.dirname, '../../test-results');
/** structure_fire, level 1: engine ×2, ladder, ambulance, traffic patrol. */
const PLAN_UNITS = 5;
const DISPATCHER = '张伟';
/** A block by 城东消防站 (Chengdong fire station), found by typing part of its name. */
const PLACE = { typed: '蓝湾新', name: '蓝湾新村' };

let field: FieldConsole;
let console_: TestConsole;
let sim: Simulator;
let browser: TestBrowser;

beforeAll(async () => {
  field = await startFieldConsole({ ackDelayMs: 300, enRouteDelayMs: 500, onSceneMs: 10 * 60_000 });
  ({ console: console_, sim, browser } = field);
});

afterAll(() => field.close());

describe('keyboard-only dispatch', () => {
  it('takes a structure fire from the call to five acknowledged orders without the mouse', async () => {
    const page = await browser.context.newPage();
    const guard = guardPage(page, console_.url);
    const app = new ConsolePage(page, console_.url);
    await app.countPointerPresses();
    await app.loginByKeyboard(console_.token, DISPATCHER);
    await page.locator('[data-testid="link-status"][data-link="connected"]').waitFor();

    // N: the form opens with the location field focused.
    await page.keyboard.press('n');
    await app.form.waitFor();
    await expect.poll(() => app.focused()).toBe('form-location');
    await page.keyboard.type(PLACE.typed);
    await page.getByTestId('place-list').waitFor();
    // Arrow down the list to the block; Enter takes it (the point moves, the address is filled).
    for (let i = 0; i < 8; i++) {
      const active = await page.locator('[data-testid="place-option"][aria-selected="true"]').innerText();
      if (active.includes(PLACE.name)) break;
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.locator('[data-testid="place-option"][aria-selected="true"]').innerText()).toContain(PLACE.name);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('form-coords').innerText()).toContain('31.144');
    expect(await page.getByTestId('form-address').inputValue()).toBe(PLACE.name);
    // structure_fire is the first type: no change needed. Enter creates the incident.
    expect(await page.getByTestId('form-type').inputValue()).toBe('structure_fire');
    await page.keyboard.press('Enter');

    // The recommendation takes the focus, explained pick by pick; Enter dispatches it.
    await app.recommendation.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'recommendation');
    await expect.poll(() => app.recommendationRows.count()).toBe(PLAN_UNITS);
    expect(await app.missingRows.count()).toBe(0);
    const etas = await page.getByTestId('rec-eta').allInnerTexts();
    expect(etas.every((e) => /预计 \d+:\d\d/.test(e))).toBe(true);
    const picked = await app.recommendedUnits();
    await page.keyboard.press('Enter');

    await app.waitForOrders('acknowledged', PLAN_UNITS);
    expect((await app.orderUnits()).sort()).toEqual([...picked].sort());
    expect(new Set(sim.orders.map((o) => o.orderId)).size).toBe(PLAN_UNITS);
    // The times that matter: call → dispatch and dispatch → acknowledged are measured (the incident's own push,
    // which carries its times, may land just after the orders' pushes).
    await expect.poll(() => page.getByTestId('time-toDispatch').getAttribute('data-pending')).toBe('false');
    await expect.poll(() => page.getByTestId('time-toAck').getAttribute('data-pending')).toBe('false');

    // B: the unit status board, focused; the five units are committed (en route or on scene).
    await page.keyboard.press('b');
    await app.board.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'board-unit');
    for (const id of picked) {
      await expect.poll(() => app.boardUnit(id).getAttribute('data-status'), { timeout: 20_000 }).toMatch(/^(en_route|on_scene)$/);
      expect(await app.boardUnit(id).innerText()).toContain('#1');
    }
    mkdirSync(RESULTS, { recursive: true });
    await app.screenshot(join(RESULTS, 'board-zh.png'));

    // Back to the map: the incident's timeline lists the events with the dispatcher's name.
    await page.keyboard.press('b');
    await page.getByTestId('timeline').waitFor();
    await expect.poll(async () => (await app.timeline()).filter(([t]) => t === 'order.answered').length).toBeGreaterThanOrEqual(PLAN_UNITS);
    const entries = await app.timeline();
    const types = new Set(entries.map(([type]) => type));
    for (const t of ['incident.created', 'incident.dispatched', 'order.sent', 'order.answered']) expect(types.has(t), t).toBe(true);
    for (const t of ['incident.created', 'incident.dispatched']) {
      const e = entries.find(([type]) => type === t);
      expect(e?.[1]).toBe(DISPATCHER);
      expect(e?.[2]).toContain(DISPATCHER);
    }
    expect(entries.find(([type]) => type === 'incident.created')?.[2]).toContain('警情创建');
    expect(entries.find(([type]) => type === 'order.answered')?.[2]).toContain('单位应答');

    expect(await app.pointerPresses()).toBe(0);
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });
});
