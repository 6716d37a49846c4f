/**
 * The diagnostics view tells the dispatcher how old field positions are when this console's map
 * draws them. Rostered units report over MQTT as devices do; the view shows how many positions
 * were drawn and their p50 / p99 age, how often the map may draw (limited without a GPU), and
 * "measure from now" starts afresh.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { consoleInBrowser } from '../helpers/e2e-setup';
import { ConsolePage } from './pages/console-page';

const setup = consoleInBrowser({ browser: { locale: 'en' }, fresh: 'test' });

/** Units of resources/roster/training-city.csv. */
const UNITS = ['F-101', 'F-102'];

describe('screen latency in diagnostics', () => {
  it('counts the positions the map drew and their age, and measures afresh on request', async () => {
    const page = await setup.browser.context.newPage();
    const app = new ConsolePage(page, setup.console.url);
    await app.open(setup.console.token);
    await app.setLanguage('en');
    const device = await mqtt.connectAsync(setup.console.brokerUrl);
    const report = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i++)
        for (const id of UNITS)
          await device.publishAsync(`qx/v1/units/${id}/position`, JSON.stringify({ lat: 31.14 + i * 1e-4, lon: 104.4, ts: Date.now() }), { qos: 1 });
    };
    await report(3);

    await page.keyboard.press('d');
    const stat = page.getByTestId('diag-screen-latency');
    await expect.poll(async () => Number(await stat.getAttribute('data-samples')), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await expect(stat.getByText('Field positions on this map', { exact: false }).isVisible()).resolves.toBe(true);
    const p99 = Number(await stat.getAttribute('data-p99'));
    // Published on this machine a moment ago: drawn within seconds, and never before it was sent.
    expect(p99).toBeGreaterThanOrEqual(0);
    expect(p99).toBeLessThan(5_000);
    // How often the map may draw here, and why: this machine's Chromium draws WebGL in software.
    const limit = page.getByTestId('diag-draw-limit');
    await expect(limit.getAttribute('data-auto')).resolves.toBe('true');
    if ((await limit.getAttribute('data-software')) === 'true') {
      await expect(limit.getAttribute('data-per-second')).resolves.toBe('10');
      await expect(limit.textContent()).resolves.toContain('moving units are drawn at most 10 times a second');
    } else {
      await expect(limit.textContent()).resolves.toContain('every batch of positions');
    }
    const results = join(import.meta.dirname, '../../test-results');
    mkdirSync(results, { recursive: true });
    await page.getByTestId('diagnostics').screenshot({ path: join(results, 'diagnostics-latency.png') });

    await stat.getByTestId('diag-latency-reset').click();
    await expect.poll(async () => stat.getAttribute('data-samples')).toBe('0');
    await report(1);
    await expect.poll(async () => Number(await stat.getAttribute('data-samples')), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    await device.endAsync();

    // The dialog is modal: N does not open a new incident's form behind it, and D closes it.
    await page.keyboard.press('n');
    await page.keyboard.press('d');
    await expect.poll(() => page.getByTestId('diagnostics').count()).toBe(0);
    expect(await page.getByTestId('incident-form').count()).toBe(0);
  });
});
