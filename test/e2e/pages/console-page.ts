/**
 * Page model of the console: what a dispatcher does, in the words of the domain. Tests never
 * reach into selectors themselves. Waits are on the page's own state (data attributes), never
 * on time.
 */
import type { Locator, Page } from 'playwright-core';
import { UnitListPanel } from './unit-list';

/** The map's home view (renderer/src/map/console-map.ts): the tests click relative to it. */
const HOME = { lon: 104.4, lat: 31.13, zoom: 13 };
const EARTH_RADIUS = 6_378_137;
/** Web Mercator metres per pixel at zoom 0 for 256 px tiles (OpenLayers' default view). */
const RES_Z0 = (2 * Math.PI * EARTH_RADIUS) / 256;

function mercator(lat: number, lon: number): [number, number] {
  const rad = Math.PI / 180;
  return [EARTH_RADIUS * lon * rad, EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (lat * rad) / 2))];
}

export interface NewIncident {
  readonly type: string;
  readonly address?: string;
  readonly summary?: string;
}

export class ConsolePage {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  get map(): Locator {
    return this.page.getByTestId('map');
  }

  get form(): Locator {
    return this.page.getByTestId('incident-form');
  }

  get recommendation(): Locator {
    return this.page.getByTestId('recommendation');
  }

  get recommendationRows(): Locator {
    return this.page.getByTestId('rec-row');
  }

  get missingRows(): Locator {
    return this.page.getByTestId('rec-missing');
  }

  get orderRows(): Locator {
    return this.page.getByTestId('order-row');
  }

  get queueRows(): Locator {
    return this.page.getByTestId('incident-row');
  }

  get unitList(): UnitListPanel {
    return new UnitListPanel(this.page);
  }

  get linkStatus(): Locator {
    return this.page.getByTestId('link-status');
  }

  /** Opens the console with the token in the fragment, as the host prints it, and waits for data. */
  async open(token: string): Promise<void> {
    await this.page.goto(`${this.origin}/#token=${encodeURIComponent(token)}`);
    await this.page.locator('[data-testid="console"][data-loaded="true"]').waitFor();
    // The map has drawn once the basemap's canvas and the units' WebGL canvas are both there.
    await this.page.locator('[data-testid="map"] canvas').first().waitFor();
  }

  async setLanguage(lang: 'zh-CN' | 'en'): Promise<void> {
    await this.page.getByTestId(`lang-${lang}`).click();
    await this.page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  /** Pixel inside the map element of a WGS 84 point, while the map shows its home view. */
  async pixelOf(lat: number, lon: number): Promise<{ x: number; y: number }> {
    const box = await this.map.boundingBox();
    if (!box) throw new Error('the map is not visible');
    const res = RES_Z0 / 2 ** HOME.zoom;
    const [cx, cy] = mercator(HOME.lat, HOME.lon);
    const [px, py] = mercator(lat, lon);
    return { x: box.width / 2 + (px - cx) / res, y: box.height / 2 - (py - cy) / res };
  }

  /** Clicks the map at (x, y) within it, fills the new-incident form and submits with Enter. */
  async createIncidentAt(x: number, y: number, incident: NewIncident): Promise<void> {
    await this.map.click({ position: { x, y } });
    await this.form.waitFor();
    await this.page.getByTestId('form-type').selectOption(incident.type);
    if (incident.summary) await this.page.getByTestId('form-summary').fill(incident.summary);
    const address = this.page.getByTestId('form-address');
    await address.fill(incident.address ?? '');
    await address.press('Enter');
    await this.recommendation.waitFor();
  }

  async dispatch(): Promise<void> {
    await this.page.getByTestId('dispatch').click();
    await this.orderRows.first().waitFor();
  }

  async orderStates(): Promise<string[]> {
    return this.orderRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state') ?? ''));
  }

  /** The state labels as the dispatcher reads them. */
  async orderStateTexts(): Promise<string[]> {
    return this.orderRows.getByTestId('order-state').allInnerTexts();
  }

  /** Resolves when there are `count` order rows and every one is in `state`. */
  async waitForOrders(state: string, count: number, timeoutMs = 30_000): Promise<void> {
    await this.page.waitForFunction(
      ([s, n]) => {
        const rows = Array.from(document.querySelectorAll('[data-testid="order-row"]'));
        return rows.length === n && rows.every((r) => r.getAttribute('data-state') === s);
      },
      [state, count] as const,
      { timeout: timeoutMs },
    );
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  // ── Keyboard-first helpers: no mouse involved ──────────────────────────────────────────────

  /**
   * Counts pointer and mouse presses on the page from now on, to prove a flow was done by
   * keyboard alone (a key's Enter on a button fires a click, but never a pointer press).
   */
  async countPointerPresses(): Promise<void> {
    await this.page.addInitScript(() => {
      const w = window as unknown as { qxPointerPresses: number };
      w.qxPointerPresses = 0;
      for (const type of ['pointerdown', 'mousedown', 'wheel', 'contextmenu'])
        window.addEventListener(type, () => (w.qxPointerPresses += 1), { capture: true });
    });
  }

  async pointerPresses(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { qxPointerPresses?: number }).qxPointerPresses ?? -1);
  }

  /** The login screen by keyboard: token (focused), Tab, name, Enter. */
  async loginByKeyboard(token: string, name: string): Promise<void> {
    await this.page.goto(this.origin);
    await this.page.getByTestId('login').waitFor();
    await this.page.keyboard.type(token);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Enter');
    await this.page.locator('[data-testid="console"][data-loaded="true"]').waitFor();
    await this.page.locator('[data-testid="map"] canvas').first().waitFor();
  }

  /** Runs one line on the command line (opened with ":"), and waits for it to close or complain. */
  async command(line: string): Promise<{ ok: boolean; error: string }> {
    await this.page.keyboard.press(':');
    const input = this.page.getByTestId('command-input');
    await input.waitFor();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction(
      () => !document.querySelector('[data-testid="command-line"]') || document.querySelector('[data-testid="command-input"]')?.getAttribute('aria-invalid') === 'true',
    );
    if (!(await input.isVisible())) return { ok: true, error: '' };
    const error = await this.page.getByTestId('command-error').innerText();
    await this.page.keyboard.press('Escape');
    await this.page.getByTestId('command-line').waitFor({ state: 'detached' });
    return { ok: false, error };
  }

  /** Which element has the focus, by test id. */
  async focused(): Promise<string | null> {
    return this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  }

  get incidentPanel(): Locator {
    return this.page.getByTestId('incident-panel');
  }

  get board(): Locator {
    return this.page.getByTestId('unit-board');
  }

  boardUnit(unitId: string): Locator {
    return this.page.locator(`[data-testid="board-unit"][data-unit="${unitId}"]`);
  }

  /** The unit ids of the recommendation as shown. */
  async recommendedUnits(): Promise<string[]> {
    return this.recommendationRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit') ?? ''));
  }

  async orderUnits(): Promise<string[]> {
    return this.orderRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit') ?? ''));
  }

  /** Timeline entries as [type, actor, text]. */
  async timeline(): Promise<[string, string, string][]> {
    return this.page
      .getByTestId('timeline-entry')
      .evaluateAll((rows) => rows.map((r): [string, string, string] => [r.getAttribute('data-type') ?? '', r.getAttribute('data-actor') ?? '', (r as HTMLElement).innerText]));
  }

  // ── Risk warnings, citizen reports, field link (warnings.test.ts) ──────────────────────────

  get warningRows(): Locator {
    return this.page.getByTestId('warning-row');
  }

  warningRow(source: string): Locator {
    return this.page.locator(`[data-testid="warning-row"][data-source="${source}"]`);
  }

  get reportRows(): Locator {
    return this.page.getByTestId('report-row');
  }

  /** How many features a risk layer of the map draws (sensor, warning, report). */
  async mapFeatures(layer: 'sensor' | 'warning' | 'report'): Promise<number> {
    return Number((await this.map.getAttribute(`data-${layer}-features`)) ?? '0');
  }

  async waitForMapFeatures(layer: 'sensor' | 'warning' | 'report', count: number): Promise<void> {
    await this.page.locator(`[data-testid="map"][data-${layer}-features="${count}"]`).waitFor();
  }

  /** The warnings tab by its shortcut; the focus lands on the first warning. */
  async openWarningsByKey(): Promise<void> {
    await this.page.keyboard.press('w');
    await this.page.getByTestId('warnings-panel').waitFor();
  }

  /** Chooses a CAP file in the warnings panel and waits for the outcome shown under the button. */
  async importCap(name: string, xml: string | Buffer): Promise<{ state: string; text: string }> {
    const before = await this.page.getByTestId('cap-result').count();
    if (before) await this.page.evaluate(() => document.querySelector('[data-testid="cap-result"]')?.removeAttribute('data-state'));
    await this.page.getByTestId('cap-file').setInputFiles({ name, mimeType: 'application/xml', buffer: Buffer.from(xml) });
    const result = this.page.locator('[data-testid="cap-result"]:is([data-state="done"], [data-state="ignored"], [data-state="refused"])');
    await result.waitFor();
    return { state: (await result.getAttribute('data-state')) ?? '', text: await result.innerText() };
  }

  /** How many warning tones the console asked for (the tone switch counts them). */
  async tonesSounded(): Promise<number> {
    return Number((await this.page.getByTestId('sound-toggle').getAttribute('data-sounded')) ?? '0');
  }
}
