import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import type { Push } from '../../shared/api';
import { nextPush, RESOURCES, startTestCore, untilState } from '../helpers/core';

let core: Core;
beforeAll(async () => {
  core = await startTestCore({ sensorsFile: join(RESOURCES, 'sensors/training-city.csv') });
});
afterAll(async () => core.close());
const who = { actor: 'li.wei', consoleId: 'test-console', role: 'supervisor' as const };

describe('field intake over MQTT', () => {
  it('raises a warning from a reading, takes a report and a CAP alert, counts rejections', async () => {
    const sensors = (await core.call('sensors.list', {}, who, 'test')) as { sensors: { id: string }[] };
    expect(sensors.sensors.length).toBe(22);
    const client = await mqtt.connectAsync(core.link().broker);
    const w = nextPush(core, (p): p is Extract<Push, { kind: 'warning' }> => p.kind === 'warning');
    await client.publishAsync('qx/v1/sensors/WL-03/reading', JSON.stringify({ kind: 'water_level', value: 5.8, unit: 'm', ts: Date.now() }), { qos: 1 });
    const warning = (await w).warning;
    expect(warning).toMatchObject({ source: 'sensor', sourceRef: 'WL-03', severity: 'severe' });
    const r = nextPush(core, (p): p is Extract<Push, { kind: 'report' }> => p.kind === 'report');
    await client.publishAsync('qx/v1/reports/hotline', JSON.stringify({ reportId: 'h-1', category: 'flood', text: '积水', lat: 31.12, lon: 104.4, address: 'x', ts: Date.now() }), { qos: 1 });
    expect((await r).report.id).toBe('h-1');
    const c = nextPush(core, (p): p is Extract<Push, { kind: 'warning' }> => p.kind === 'warning' && p.warning.source === 'cap');
    await client.publishAsync('qx/v1/alerts/cap', readFileSync(join(import.meta.dirname, '../fixtures/cap/cap12-appendix-a3-earthquake-update.xml')), { qos: 1 });
    expect((await c).warning.severity).toBe('minor');
    const counted = untilState(core, () => core.diagnostics.view().rejectedTotal >= 2);
    await client.publishAsync('qx/v1/sensors/NOPE/reading', JSON.stringify({ kind: 'gas', value: 1, unit: '%LEL', ts: Date.now() }), { qos: 1 });
    await client.publishAsync('qx/v1/alerts/cap', '<!DOCTYPE x [<!ENTITY a "b">]><alert/>', { qos: 1 });
    await counted;
    await client.endAsync();
    const d = core.diagnostics.view();
    expect(d.rejectedBySource).toMatchObject({ 'mqtt:sensor': 1, 'mqtt:cap': 1 });
    expect(d.accepted).toMatchObject({ 'mqtt:sensor': 1, 'mqtt:report': 1, 'mqtt:cap': 1 });
    const ack = (await core.call('warnings.ack', { warningId: warning.id }, who, 'test')) as { acknowledgedBy: string };
    expect(ack.acknowledgedBy).toBe('li.wei');
    const list = (await core.call('warnings.list', {}, who, 'test')) as { warnings: unknown[] };
    expect(list.warnings).toHaveLength(2);
  });
});
