/**
 * An incident's life after the first dispatch, in English: created from the command line, one
 * pick swapped before dispatch (Dispatch sends what is shown), a refusing engine replaced by the
 * next best with R, escalation with E, closing refused while units are assigned (the core's 409
 * shown inline) and allowed once the board has set every unit available.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../helpers/browser';
import type { TestConsole } from '../helpers/console';
import { startFieldConsole, type FieldConsole } from '../helpers/field-console';
import { ConsolePage } from './pages/console-page';
import { guardPage } from './pages/page-guard';

const RESULTS = join(import.meta.dirname, '../../test-results');
const FINAL = new Set(['acknowledged', 'refused', 'no_answer', 'cancelled']);

let field: FieldConsole;
let console_: TestConsole;
let browser: TestBrowser;
/** Units whose simulated device refuses every order. */
const refusing = new Set<string>();

beforeAll(async () => {
  field = await startFieldConsole({ ackDelayMs: 300, enRouteDelayMs: 500, onSceneMs: 10 * 60_000, refuse: (id) => refusing.has(id) }, { height: 1200 });
  ({ console: console_, browser } = field);
});

afterAll(() => field.close());

describe('incident lifecycle', () => {
  it('swaps, replaces a refusal, escalates, and closes only once no unit is assigned', async () => {
    const page = await browser.context.newPage();
    const guard = guardPage(page, console_.url);
    const app = new ConsolePage(page, console_.url);
    await app.open(console_.token);
    await app.setLanguage('en');
    await page.locator('[data-testid="link-status"][data-link="connected"]').waitFor();

    // A mistake on the command line is explained inline; the corrected line creates #1.
    const typo = await app.command('N 31.1445,104.4035 meteor_strike');
    expect(typo).toEqual({ ok: false, error: 'Unknown incident type "meteor_strike"' });
    expect(await app.command('N 31.1445,104.4035 structure_fire')).toEqual({ ok: true, error: '' });
    expect(await page.getByTestId('notice').innerText()).toBe('Incident #1 created');
    await app.recommendation.waitFor();
    await expect.poll(() => app.recommendationRows.count()).toBe(5);
    const incidentId = (await app.incidentPanel.getAttribute('data-incident')) ?? '';

    // Every pick is explained: ETA min:sec, road distance, station.
    const firstEta = await page.getByTestId('rec-eta').first().innerText();
    expect(firstEta).toMatch(/^ETA \d+:\d\d$/);

    // Swap the traffic patrol for the nearest other one: the list is ranked by distance.
    const patrolSlot = page.locator('[data-testid="rec-slot"][data-unit-type="traffic_patrol"]');
    const before = await patrolSlot.getByTestId('rec-row').getAttribute('data-unit');
    await patrolSlot.getByTestId('rec-swap').click();
    await page.getByTestId('unit-chooser').waitFor();
    await expect.poll(() => app.focused()).toBe('chooser-option');
    await page.keyboard.press('Enter');
    const after = await patrolSlot.getByTestId('rec-row').getAttribute('data-unit');
    expect(after).not.toBe(before);
    expect(await patrolSlot.getByTestId('rec-row').getAttribute('data-routed')).toBe('false');
    expect(await patrolSlot.getByTestId('rec-estimate').innerText()).toBe('Estimate');

    // The first engine's device will refuse. Enter (the panel has the focus again) dispatches what is shown.
    const engine = (await page.locator('[data-testid="rec-slot"][data-unit-type="engine"] [data-testid="rec-row"]').first().getAttribute('data-unit')) ?? '';
    refusing.add(engine);
    const shown = await app.recommendedUnits();
    await expect.poll(() => app.focused()).toBe('recommendation');
    await page.keyboard.press('Enter');
    await app.orderRows.nth(4).waitFor();
    expect((await app.orderUnits()).sort()).toEqual([...shown].sort());
    const refusedRow = page.locator(`[data-testid="order-row"][data-unit="${engine}"]`);
    await expect.poll(() => refusedRow.getAttribute('data-state')).toBe('refused');
    expect(await refusedRow.getByTestId('order-state').innerText()).toBe('Refused');
    await refusedRow.getByTestId('next-best').waitFor();

    // R: the next best engine goes in its place, and acknowledges.
    await page.keyboard.press('r');
    await app.orderRows.nth(5).waitFor();
    const replacement = (await app.orderUnits()).find((u) => !shown.includes(u)) ?? '';
    expect(replacement).toMatch(/^F-/);
    await expect.poll(() => page.locator(`[data-testid="order-row"][data-unit="${replacement}"]`).getAttribute('data-state')).toBe('acknowledged');
    expect(await refusedRow.getByTestId('next-best').count()).toBe(0);
    // Each order row tracks sent → acknowledged → en route → on scene → cleared with times.
    await expect
      .poll(() => page.locator(`[data-testid="order-row"][data-unit="${replacement}"] [data-step="en_route"]`).getAttribute('data-done'), { timeout: 15_000 })
      .toBe('true');

    // E: level 2, its units dispatched in one action.
    await page.keyboard.press('e');
    await page.getByTestId('escalation').waitFor();
    expect(await app.incidentPanel.getAttribute('data-level')).toBe('2');
    expect(await page.getByTestId('escalation').innerText()).toMatch(/^Escalated to level 2: \d+ order\(s\) added:/);
    expect(await app.orderRows.count()).toBeGreaterThan(6);
    await page.waitForFunction(
      (final: string[]) => Array.from(document.querySelectorAll('[data-testid="order-row"]')).every((r) => final.includes(r.getAttribute('data-state') ?? '')),
      [...FINAL],
    );

    // Cancel one of the added orders with a reason: the row says cancelled, and why.
    const escalated = page.locator('[data-testid="order-row"][data-state="acknowledged"]').last();
    const cancelledUnit = (await escalated.getAttribute('data-unit')) ?? '';
    await escalated.getByTestId('order-cancel').click();
    await page.getByTestId('cancel-reason').fill('wrong unit type');
    await page.keyboard.press('Enter');
    const cancelledRow = page.locator(`[data-testid="order-row"][data-unit="${cancelledUnit}"]`);
    await expect.poll(() => cancelledRow.getAttribute('data-state')).toBe('cancelled');
    expect(await cancelledRow.innerText()).toContain('wrong unit type');

    // Closing waits for the units: the button says why, and the core refuses with 409.
    expect(await page.getByTestId('close-incident').isDisabled()).toBe(true);
    expect(await page.getByTestId('close-blocked').innerText()).toContain('still assigned');
    const refused = await app.command('C 1 resolved');
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('Refused (409): units still assigned');
    mkdirSync(RESULTS, { recursive: true });
    await page.locator('.qx-col--right').evaluate((el) => el.scrollTo(0, 0));
    await app.screenshot(join(RESULTS, 'incident-en.png'));

    // The board: every unit still on #1 set available (click, then 1 in the status picker).
    await page.keyboard.press('b');
    await app.board.waitFor();
    const snapshot = await console_.core.handlers['session.snapshot']({}, { actor: 'e2e', consoleId: 'e2e', role: 'supervisor' as const });
    const assigned = snapshot.units.filter((u) => u.incidentId === incidentId).map((u) => u.id);
    expect(assigned.length).toBeGreaterThan(5);
    for (const id of assigned) {
      await app.boardUnit(id).click();
      await page.getByTestId('status-picker').waitFor();
      await page.keyboard.press('1');
      await page.getByTestId('status-picker').waitFor({ state: 'detached' });
      await expect.poll(() => app.boardUnit(id).innerText()).not.toContain('#1');
    }
    await page.keyboard.press('b');
    await page.getByTestId('close-blocked').waitFor({ state: 'detached' });

    // C focuses the disposition, Enter closes.
    await page.keyboard.press('c');
    await expect.poll(() => app.focused()).toBe('disposition');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="incident-panel"][data-status="closed"]').waitFor();
    expect(await page.getByTestId('closed-as').innerText()).toBe('Closed: Resolved');
    await expect.poll(async () => (await app.timeline()).some(([t]) => t === 'incident.status')).toBe(true);

    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });
});
