/**
 * Risk warnings end to end, in a real browser against a real console. A field sensor publishes a
 * reading over its alarm line over MQTT, as a gauge would: the dispatcher sees the warning in the
 * list (severity, source, place) and on the map, hears the tone, shows it on the map by keyboard
 * and acknowledges it by name; a citizen report shows in the intake list. A CAP alert imported
 * from a file is listed as a polygon warning, a repeat and a broken file are refused with their
 * reason, and the field link's details open from the header. Chinese once, English once; the page
 * makes no request outside the console's own origin.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { consoleInBrowser } from '../helpers/e2e-setup';
import { capXml, closureAlert } from '../../electron/sim/drill-engine';
import { ConsolePage } from './pages/console-page';
import { guardPage } from './pages/page-guard';

const RESULTS = join(import.meta.dirname, '../../test-results');
const CAP_DIR = join(import.meta.dirname, '../fixtures/cap');
/** Sensors in resources/sensors/training-city.csv, which the console loads by default. */
const SENSORS = 22;

/** The NWS thunderstorm example (CAP 1.2 appendix A.2) still in force: expiring two hours from now. */
function currentThunderstorm(): string {
  const xml = readFileSync(join(CAP_DIR, 'cap12-appendix-a2-thunderstorm.xml'), 'utf8');
  const expires = `${new Date(Date.now() + 2 * 3_600_000).toISOString().slice(0, 19)}+00:00`;
  const out = xml.replace(/<expires>[^<]+<\/expires>/, `<expires>${expires}</expires>`);
  if (out === xml) throw new Error('the fixture has no <expires> to move');
  return out;
}

const setup = consoleInBrowser({ fresh: 'test' });

describe('risk warnings', () => {
  it('zh: a water level over its alarm line is listed, mapped, sounded, shown and acknowledged by name', async () => {
    const page = await setup.browser.context.newPage();
    const guard = guardPage(page, setup.console.url);
    const app = new ConsolePage(page, setup.console.url);
    await app.loginByKeyboard(setup.console.token, '张伟');
    await page.locator('[data-testid="link-status"][data-link="connected"]').waitFor();
    await app.waitForMapFeatures('sensor', SENSORS);
    expect(await app.mapFeatures('warning')).toBe(0);

    // A gauge on the river reports 5.8 m: over WL-01's alarm line (5.5 m).
    const gauge = await mqtt.connectAsync(setup.console.brokerUrl);
    await gauge.publishAsync('qx/v1/sensors/WL-01/reading', JSON.stringify({ kind: 'water_level', value: 5.8, unit: 'm', ts: Date.now() }), { qos: 1 });
    await app.waitForMapFeatures('warning', 1);
    await page.locator('[data-testid="warnings-badge"][data-severity="severe"]').waitFor();
    expect(await page.getByTestId('warnings-badge').innerText()).toBe('1');

    // W opens the list with the focus on the warning; Enter shows it on the map.
    await app.openWarningsByKey();
    const row = app.warningRow('sensor');
    expect(await app.warningRows.count()).toBe(1);
    expect(await row.getAttribute('data-severity')).toBe('severe');
    expect(await row.getByTestId('warning-severity').innerText()).toBe('严重');
    expect(await row.getByTestId('warning-source').innerText()).toBe('传感器');
    expect(await row.getByTestId('warning-title').innerText()).toContain('临江 滨江一段水位站');
    expect(await row.getByTestId('warning-where').innerText()).toBe('位置 31.11544, 104.35697');
    expect(await app.focused()).toBe('warning-show');
    await expect.poll(() => app.tonesSounded()).toBe(1);
    const id = await row.getAttribute('data-warning');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="map"][data-focused-warning="${id}"]`).waitFor();
    // The sensor's square turned to its alarm colour with the warning.
    await expect.poll(() => setup.console.core.warnings.sensors.list().find((s) => s.id === 'WL-01')?.level).toBe('alarm');

    // A acknowledges: the name and time replace the button, the badge goes.
    await page.keyboard.press('a');
    await row.getByTestId('warning-acked').waitFor();
    expect(await row.getByTestId('warning-acked').innerText()).toMatch(/^已确认 · 张伟 · \d\d:\d\d$/);
    await page.getByTestId('warnings-badge').waitFor({ state: 'detached' });
    expect(setup.console.core.warnings.activeWarnings().warnings[0]?.acknowledgedBy).toBe('张伟');

    // A citizen calls the hotline: the report is in the intake list (I) and on the map.
    await gauge.publishAsync(
      'qx/v1/reports/hotline',
      JSON.stringify({ reportId: 'h-0001', category: 'flood', text: '滨江路地下通道积水过膝，有车辆熄火', lat: 31.1172, lon: 104.3601, address: '滨江路地下通道', ts: Date.now() }),
      { qos: 1 },
    );
    await gauge.endAsync();
    await app.waitForMapFeatures('report', 1);
    await page.keyboard.press('i');
    await app.reportRows.first().waitFor();
    expect(await app.reportRows.first().innerText()).toMatch(/热线电话[\s\S]*内涝积水[\s\S]*滨江路地下通道积水过膝/);

    await page.keyboard.press('w');
    await app.warningRows.first().waitFor();
    mkdirSync(RESULTS, { recursive: true });
    await app.screenshot(join(RESULTS, 'warnings-zh.png'));

    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });

  it('en: a CAP file is imported as a polygon warning; a repeat and a broken file are refused with the reason', async () => {
    const page = await setup.browser.context.newPage();
    const guard = guardPage(page, setup.console.url);
    const app = new ConsolePage(page, setup.console.url);
    await app.open(setup.console.token);
    await app.setLanguage('en');
    await page.getByTestId('tab-warnings').click();
    await page.getByTestId('warnings-empty').waitFor();

    const xml = currentThunderstorm();
    expect(await app.importCap('thunderstorm.xml', xml)).toEqual({ state: 'done', text: 'Imported: 1 warning(s) raised or updated' });
    const row = app.warningRow('cap');
    await row.waitFor();
    expect(await row.getAttribute('data-severity')).toBe('severe');
    expect(await row.getByTestId('warning-severity').innerText()).toBe('Severe');
    expect(await row.getByTestId('warning-source').innerText()).toBe('CAP alert');
    expect(await row.getByTestId('warning-title').innerText()).toBe('SEVERE THUNDERSTORM WARNING');
    expect(await row.getByTestId('warning-where').innerText()).toMatch(/^Area around 38\.\d{5}, -119\.\d{5}$/);
    expect(await row.getByTestId('warning-expires').innerText()).toMatch(/^Expires (\d\d-\d\d )?\d\d:\d\d$/);
    expect(await row.getByTestId('warning-closes-roads').count()).toBe(0); // weather does not close roads
    await app.waitForMapFeatures('warning', 1);
    const area = setup.console.core.warnings.activeWarnings().warnings[0]?.area;
    expect(area?.type).toBe('Polygon');

    // The same message again changes nothing; a file that is not valid CAP is refused.
    expect(await app.importCap('thunderstorm.xml', xml)).toEqual({ state: 'ignored', text: 'Not applied: this message was already received' });
    const broken = await app.importCap('broken.xml', readFileSync(join(CAP_DIR, 'invalid-missing-identifier.xml')));
    expect(broken.state).toBe('refused');
    expect(broken.text).toMatch(/^CAP file refused: .*identifier/);
    expect(await app.warningRows.count()).toBe(1);

    // Clicking the warning fits the map to its polygon.
    await row.getByTestId('warning-show').click();
    await page.locator(`[data-testid="map"][data-focused-warning="${await row.getAttribute('data-warning')}"]`).waitFor();

    // A road closure (CAP Transport / Avoid) is marked as one: routed ETAs drive round it.
    const bridge = { lat: 31.11681, lon: 104.388456 };
    const closure = capXml('e2e', 0, closureAlert({ place: bridge, radiusM: 200, name: { zh: '城东桥封闭', en: 'Chengdong Bridge closed' } }), bridge, Date.now(), { category: 'Transport', responseType: 'Avoid' });
    expect((await app.importCap('closure.xml', closure)).state).toBe('done');
    const closed = page.locator('[data-testid="warning-row"]').filter({ has: page.getByTestId('warning-closes-roads') });
    await closed.waitFor();
    expect(await closed.getByTestId('warning-closes-roads').innerText()).toBe('Roads closed');
    expect(await closed.getByTestId('warning-title').innerText()).toBe('【演练】道路封闭：城东桥封闭');
    expect(await app.warningRows.count()).toBe(2);

    // The field link's details, from the header, by keyboard.
    await app.linkStatus.focus();
    await page.keyboard.press('Enter');
    const details = page.getByTestId('link-details');
    await details.waitFor();
    expect(await details.getByTestId('link-broker').innerText()).toContain(setup.console.brokerUrl);
    expect(await details.innerText()).toMatch(/Field link details[\s\S]*Protocol[\s\S]*MQTT[\s\S]*Encryption[\s\S]*Orders waiting \(outbox\)\s+0/);
    mkdirSync(RESULTS, { recursive: true });
    await app.screenshot(join(RESULTS, 'warnings-en.png'));
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });
    expect(await app.focused()).toBe('link-status');

    expect(guard.foreign).toEqual([]);
    expect(guard.errors).toEqual([]);
  });
});
