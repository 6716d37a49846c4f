/**
 * Keyboard-first: a dispatcher can take a call without the mouse. N opens the form at the map
 * centre, Enter creates the incident, Enter again (the recommendation has focus) dispatches,
 * and Escape closes the panel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../helpers/browser';
import type { TestConsole } from '../helpers/console';
import { startFieldConsole, type FieldConsole } from '../helpers/field-console';
import { ConsolePage } from './pages/console-page';
import { guardPage } from './pages/page-guard';

let field: FieldConsole;
let console_: TestConsole;
let browser: TestBrowser;

beforeAll(async () => {
  field = await startFieldConsole({ ackDelayMs: 200 });
  ({ console: console_, browser } = field);
});

afterAll(() => field.close());

describe('keyboard', () => {
  it('takes a medical call with N, Enter, Enter', async () => {
    const page = await browser.context.newPage();
    const guard = guardPage(page, console_.url);
    const app = new ConsolePage(page, console_.url);
    await app.open(console_.token);

    await page.keyboard.press('n');
    await app.form.waitFor();
    // The form opens at the map centre with the type list focused.
    expect(await page.getByTestId('form-coords').innerText()).toContain('31.13000, 104.40000');
    await page.getByTestId('form-type').selectOption('medical');
    // Enter on the focused type list submits the form (a select has no implicit submission).
    await page.keyboard.press('Enter');

    await app.recommendation.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'recommendation');
    expect(await app.recommendationRows.count()).toBe(1);
    await page.keyboard.press('Enter');

    await app.waitForOrders('acknowledged', 1);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="side-panel"][data-panel="idle"]').waitFor();

    // The queue keeps the incident; a click brings its orders back.
    await app.queueRows.first().click();
    await app.waitForOrders('acknowledged', 1);
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });
});
