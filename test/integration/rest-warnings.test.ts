/** Risk warnings for other systems: CAP 1.2 in by REST, active warnings out by REST. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { startWebHost, type WebHost } from '../../electron/web/server';
import type { WarningView } from '../../shared/model';
import { startTestCore } from '../helpers/core';

const TOKEN = 'warnings-token';
const FIXTURES = join(import.meta.dirname, '../fixtures/cap');
let core: Core;
let web: WebHost;
beforeAll(async () => {
  core = await startTestCore();
  web = await startWebHost({ core, token: TOKEN, host: '127.0.0.1', port: 0, rendererDir: '/nonexistent' });
});
afterAll(async () => {
  await web.close();
  await core.close();
});

const post = (body: string) =>
  fetch(`${web.url}/api/alerts/cap`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/xml' }, body }).then(async (r) => ({
    status: r.status,
    json: (await r.json()) as Record<string, unknown>,
  }));
const active = () =>
  fetch(`${web.url}/api/warnings`, { headers: { Authorization: `Bearer ${TOKEN}` } }).then(async (r) => (await r.json()) as { warnings: WarningView[] });

describe('CAP over REST', () => {
  it('takes a CAP 1.2 alert, lists it as an active warning with its area, and clears it on Cancel', async () => {
    // The standard's example expired in 2003: move its expiry to an hour from now.
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, '+00:00');
    const storm = readFileSync(join(FIXTURES, 'cap12-appendix-a2-thunderstorm.xml'), 'utf8').replace(/<expires>[^<]+<\/expires>/, `<expires>${inAnHour}</expires>`);
    const r = await post(storm);
    expect(r.status).toBe(201);
    const list = (await active()).warnings.filter((w) => w.source === 'cap');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ severity: 'severe', clearedAt: null });
    expect(list[0].area).toMatchObject({ type: 'Polygon' });
    expect(list[0].title).toMatch(/THUNDERSTORM/i);

    // Cancel it by reference, as an alerting service would.
    const id = /<identifier>([^<]+)<\/identifier>/.exec(storm)?.[1] ?? '';
    const sender = /<sender>([^<]+)<\/sender>/.exec(storm)?.[1] ?? '';
    const sent = /<sent>([^<]+)<\/sent>/.exec(storm)?.[1] ?? '';
    const cancel = storm
      .replace(/<identifier>[^<]+<\/identifier>/, '<identifier>KSTO1055887203-CANCEL</identifier>')
      .replace(/<msgType>Alert<\/msgType>/, `<msgType>Cancel</msgType><references>${sender},${id},${sent}</references>`);
    expect((await post(cancel)).status).toBe(201);
    expect((await active()).warnings.filter((w) => w.source === 'cap')).toEqual([]);
  });

  it('refuses an XXE document with a reason and counts it', async () => {
    const before = core.diagnostics.view().rejectedBySource.rest ?? 0;
    const xxe = readFileSync(join(FIXTURES, 'invalid-xxe.xml'), 'utf8');
    const r = await post(xxe);
    expect(r.status).toBe(400);
    expect(String(r.json.error)).toMatch(/DOCTYPE|DTD/i);
    expect(core.diagnostics.view().rejectedBySource.rest).toBe(before + 1);
  });
});
