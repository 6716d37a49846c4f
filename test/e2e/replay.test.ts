/**
 * Replay on the live console (the header's Replay button): the console's state at any instant of its log, by
 * keyboard. An incident another system created over REST shows with its type and address at the end of the
 * timeline and not at its start; the console's keys rest while the replay is open; Escape closes it.
 */
import { describe, expect, it } from 'vitest';
import { consoleInBrowser } from '../helpers/e2e-setup';
import { ConsolePage } from './pages/console-page';
import { guardPage } from './pages/page-guard';

const setup = consoleInBrowser();

describe('replay', () => {
  it('shows the console at any instant of its log by keyboard, keeps the console keys at rest, and closes on Escape', async () => {
    const created = await fetch(`${setup.console.url}/api/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${setup.console.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'structure_fire', lat: 31.13, lon: 104.4, address: '人民路 88 号' }),
    });
    expect(created.status).toBe(201);

    const page = await setup.browser.context.newPage();
    const guard = guardPage(page, setup.console.url);
    const app = new ConsolePage(page, setup.console.url);
    await app.open(setup.console.token);
    await app.setLanguage('en');
    await page.getByTestId('replay-button').click();
    await page.getByTestId('replay').waitFor();
    const incidents = page.getByTestId('replay-incidents');
    // The timeline has the keyboard, at the log's last instant: the incident as it stands.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'replay-slider');
    await expect.poll(() => incidents.innerText()).toMatch(/#1 Structure fire 人民路 88 号 · New/);

    // Home: the log's first instant, the roster loaded and no incident yet.
    await page.keyboard.press('Home');
    await expect.poll(() => incidents.locator('li').count()).toBe(0);
    // N would open a new incident's form on the console: behind the replay it does nothing.
    await page.keyboard.press('n');
    await page.keyboard.press('End');
    await expect.poll(() => incidents.innerText()).toMatch(/#1 Structure fire/);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('replay').count()).toBe(0);
    expect(await page.getByTestId('incident-form').count()).toBe(0);
    // The console's keys are back: N opens the form now.
    await page.keyboard.press('n');
    await page.getByTestId('incident-form').waitFor();
    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });
});
