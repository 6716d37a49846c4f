/**
 * The unit list with a city-sized fleet: 3,000 units in three agencies. Only the lines in view
 * are in the document (a list of 20,000 laid out and painted made every frame of the page slow),
 * yet a dispatcher scrolls to any unit, sees the heading of the agency in view, finds a unit by
 * typing and selects it (with the mouse, or Enter for the first match).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { startConsole, type TestConsole } from '../helpers/console';
import { tempDir } from '../helpers/core';
import { ConsolePage } from './pages/console-page';
import { guardPage } from './pages/page-guard';

const AGENCIES = ['fire', 'ems', 'police'] as const;
const TYPES = { fire: 'engine', ems: 'ambulance', police: 'patrol' } as const;
const PER_AGENCY = 1000;
/** The list follows a scroll in the next frame; on software WebGL a frame of 3,000 units can take a while. */
const POLL = { timeout: 10_000 };

let console_: TestConsole;
let browser: TestBrowser;

beforeAll(async () => {
  const roster = join(tempDir('qx-unit-list-'), 'roster.csv');
  const lines = AGENCIES.flatMap((a) =>
    Array.from({ length: PER_AGENCY }, (_, i) => `${a[0].toUpperCase()}-${i + 1},${a} unit ${i + 1},${a},${TYPES[a]},S-${a},${31.1 + i / 1e4},${104.4 + i / 1e4}`),
  );
  writeFileSync(roster, ['id,name,agency,type,station,lat,lon', ...lines].join('\n'));
  console_ = await startConsole(['--roster', roster]);
  browser = await launchBrowser({ locale: 'en' });
});

afterAll(async () => {
  await browser.close();
  await console_.close();
});

describe('unit list', () => {
  it('keeps only the lines in view in the document and still reaches every unit', async () => {
    const page = await browser.context.newPage();
    const guard = guardPage(page, console_.url);
    const app = new ConsolePage(page, console_.url);
    await app.open(console_.token);
    const list = app.unitList;
    await expect.poll(() => list.count(), POLL).toBe(String(AGENCIES.length * PER_AGENCY));
    await list.rows.first().waitFor();

    // The first agency's heading and its first units; a few dozen rows, not 3,000.
    expect(await list.headingInView()).toBe('fire');
    expect(await list.rows.first().getAttribute('data-unit')).toBe('F-1');
    const rendered = await list.rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(120);

    // Scrolled to the end: the last agency's heading sticks on top of its last units.
    await list.scrollTo('end');
    await expect.poll(() => list.headingInView(), POLL).toBe('police');
    await list.row('P-1000').waitFor();
    expect(await list.rows.count()).toBeLessThan(120);

    // Halfway: the middle agency, and its units in order.
    await list.scrollTo(0.5);
    await expect.poll(() => list.headingInView(), POLL).toBe('ems');
    const ids = await list.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')));
    expect(ids.every((id) => id?.startsWith('E-'))).toBe(true);

    // Typing finds a unit far down the list; clicking it selects it.
    await list.filter('P-777');
    await expect.poll(() => list.rows.count(), POLL).toBe(1);
    await list.row('P-777').click();
    expect(await list.row('P-777').getAttribute('aria-current')).toBe('true');
    // Keyboard-first: an id typed, Enter selects the first match (E-12 before E-120…E-129).
    await list.filter('E-12');
    await page.keyboard.press('Enter');
    await expect.poll(() => list.row('E-12').getAttribute('aria-current'), POLL).toBe('true');
    expect(await list.row('P-777').count()).toBe(0);

    expect(guard.errors).toEqual([]);
    await page.close();
  });
});
