/**
 * The case desk end to end with a real broker and the web host: a citizen report over MQTT
 * (Mosquitto) becomes a case, REST lists it and its KPIs, Open311 files and follows a request,
 * and a case that is an emergency becomes a dispatch incident.
 */
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXmlTree, type XElement } from '../../electron/core/alerts/xml-tree';
import type { Core } from '../../electron/core/core';
import { startWebHost, type WebHost } from '../../electron/web/server';
import type { Push } from '../../shared/api';
import type { CaseView, KpiReport } from '../../shared/cases/model';
import { nextPush, startTestCore } from '../helpers/core';
import { startMosquitto, type Mosquitto } from '../helpers/mosquitto';

const TOKEN = 'cases-token-1';
const KEY = 'open311-key-1';
let mosq: Mosquitto;
let core: Core;
let web: WebHost;
const op = { actor: '李调度', consoleId: 'test-console', role: 'dispatcher' as const };

beforeAll(async () => {
  mosq = await startMosquitto();
  core = await startTestCore({ brokerUrl: mosq.url });
  web = await startWebHost({ core, token: TOKEN, wallToken: 'wall-token-1', host: '127.0.0.1', port: 0, rendererDir: '/nonexistent', open311Keys: [KEY] });
}, 60_000);
afterAll(async () => {
  await web.close();
  await core.close();
  await mosq.stop();
});

const fetchBody = async (path: string, token: string): Promise<{ status: number; body: unknown }> => {
  const r = await fetch(`${web.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : await r.text() };
};
const get = (path: string, token = TOKEN) => fetchBody(path, token);

describe('case intake and REST', () => {
  it('turns a citizen report published to Mosquitto into a case, listed and counted over REST', async () => {
    const client = await mqtt.connectAsync(mosq.url);
    const pushed = nextPush(core, (p): p is Extract<Push, { kind: 'case' }> => p.kind === 'case' && p.case.sourceRef === 'APP-20261129-0042');
    const ts = Date.now();
    await client.publishAsync('qx/v1/reports/app', JSON.stringify({ reportId: 'APP-20261129-0042', category: 'noise', text: '楼上装修噪声', lat: 31.13, lon: 104.4, address: '幸福小区 3 栋', contact: '13800138000', ts }), { qos: 1 });
    const c = (await pushed).case;
    await client.endAsync();
    expect(c).toMatchObject({ channel: 'app', status: 'received', category: 'neighbour_dispute.noise', district: 'chengdong', reporter: null, reporterHidden: true });
    expect(c.proposedBodyId).toMatch(/^cc-chengdong-/);

    const list = await get(`/api/cases?status=received&from=${ts - 60_000}&to=${Date.now() + 60_000}`);
    expect(list.status).toBe(200);
    expect((list.body as { cases: CaseView[] }).cases.map((x) => x.sourceRef)).toContain('APP-20261129-0042');
    expect((list.body as { cases: CaseView[] }).cases.find((x) => x.id === c.id)?.reporter).toEqual({ name: '', phone: '13800138000' });
    const asWall = await get('/api/cases', 'wall-token-1');
    expect((asWall.body as { cases: CaseView[] }).cases.find((x) => x.id === c.id)?.reporter).toBeNull();
    expect((await get('/api/cases?status=nonsense')).status).toBe(400);
    expect((await get('/api/cases', 'wrong')).status).toBe(401);

    const from = new Date(ts - 3_600_000).toISOString();
    const kpi = await get(`/api/cases/kpi?from=${encodeURIComponent(from)}&to=${Date.now() + 60_000}`);
    expect(kpi.status).toBe(200);
    expect((kpi.body as KpiReport).figures).toMatchObject({ collected: 1, completed: 0, completionRate: 0 });
    expect((kpi.body as KpiReport).byMonth.length).toBeGreaterThanOrEqual(1);
    expect((await get('/api/cases/kpi?from=1')).status).toBe(400);
    const audit = await get(`/api/cases/kpi/cases?figure=collected&from=${ts - 60_000}&to=${Date.now() + 60_000}`);
    expect((audit.body as { ids: string[] }).ids).toEqual([c.id]);
    const csv = await get('/api/cases/export.csv?lang=en');
    expect(csv.status).toBe(200);
    expect(csv.body).toEqual(expect.stringContaining('Number,Channel,Category'));
    expect(csv.body).toEqual(expect.stringContaining('Noise between neighbours'));
  });
});

describe('Open311 GeoReport v2', () => {
  const o311 = (path: string, init?: RequestInit) => fetch(`${web.url}/open311/v2/${path}`, init).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown>[] }));

  it('files a request (form-encoded, as the standard has it) and follows it by id', async () => {
    const services = await o311(`services.json?api_key=${KEY}`);
    expect(services.status).toBe(200);
    expect(services.body.find((s) => s.service_code === 'service_request.street_light')).toMatchObject({ type: 'realtime', metadata: false });

    const form = new URLSearchParams({ api_key: KEY, service_code: 'service_request.street_light', lat: '31.1302', long: '104.4011', address_string: '人民路 88 号', description: '路灯不亮已经三天', first_name: '明', last_name: '张', phone: '13900001111' });
    const posted = await o311('requests.json', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
    expect(posted.status).toBe(200);
    const id = String(posted.body[0].service_request_id);
    expect(id).toMatch(/^\d+$/);

    const one = await o311(`requests/${id}.json?api_key=${KEY}`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    expect(one.body[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'service_request.street_light', description: '路灯不亮已经三天', address: '人民路 88 号', lat: 31.1302, long: 104.4011 });
    expect(String(one.body[0].requested_datetime)).toMatch(/\+08:00$/);
    expect(JSON.stringify(one.body)).not.toContain('13900001111');
    const many = await o311(`requests.json?api_key=${KEY}&status=open&service_code=service_request.street_light`);
    expect(many.body.map((r) => r.service_request_id)).toContain(id);
    // The case is on the desk with its Open311 channel and the reporter for those allowed to see it.
    const c = ((await core.call('cases.list', { q: id }, op, 'test')) as { cases: CaseView[] }).cases.find((x) => String(x.number) === id);
    expect(c).toMatchObject({ channel: 'open311', reporter: { name: '张明', phone: '13900001111' } });
  });

  it('takes a request with an address and no coordinates, located with the map\'s place names', async () => {
    const post = (fields: Record<string, string>) =>
      o311('requests.json', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ api_key: KEY, service_code: 'service_request.street_light', description: '楼道灯坏了', ...fields }) });
    const posted = await post({ address_string: '幸福花园3栋2单元' });
    expect(posted.status).toBe(200);
    const one = await o311(`requests/${String(posted.body[0].service_request_id)}.json?api_key=${KEY}`);
    const block = core.cases.places.find((p) => p.kind === 'block' && p.zh === '幸福花园');
    expect(one.body[0]).toMatchObject({ address: '幸福花园3栋2单元', lat: block?.lat, long: block?.lon });

    const unknown = await post({ address_string: '火星基地一号' });
    expect(unknown.status).toBe(400);
    expect(unknown.body[0].description).toBe('address_string: "火星基地一号" names no place this console knows; send lat and long');
    const nowhere = await post({});
    expect(nowhere.status).toBe(400);
    expect(nowhere.body[0].description).toBe('location: send lat and long, or an address_string');
    const half = await post({ lat: '31.13', address_string: '幸福花园' });
    expect(half.body[0].description).toBe('lat and long: send both, or neither and an address_string');
  });

  it('answers every call in XML too, by the path\'s extension', async () => {
    const xml = (path: string, init?: RequestInit) =>
      fetch(`${web.url}/open311/v2/${path}`, init).then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), root: parseXmlTree(await r.text(), 8) }));
    const text = (e: XElement, name: string): string | undefined => e.children.find((c) => c.name === name)?.text;
    const services = await xml(`services.xml?api_key=${KEY}`);
    expect(services).toMatchObject({ status: 200, type: 'application/xml; charset=utf-8' });
    expect(services.root.name).toBe('services');
    expect(services.root.children.map((c) => text(c, 'service_code'))).toContain('service_request.street_light');

    const form = new URLSearchParams({ api_key: KEY, service_code: 'service_request.street_light', lat: '31.1302', long: '104.4011', description: '路灯闪烁 <夜间>' });
    const posted = await xml('requests.xml', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
    expect(posted.root.name).toBe('service_requests');
    const id = text(posted.root.children[0], 'service_request_id') ?? '';
    expect(id).toMatch(/^\d+$/);
    const one = await xml(`requests/${id}.xml?api_key=${KEY}`);
    expect(one.status).toBe(200);
    const request = one.root.children[0];
    expect(request.name).toBe('request');
    expect(text(request, 'description')).toBe('路灯闪烁 <夜间>');
    expect(text(request, 'status')).toBe('open');
    expect(text(request, 'address_id')).toBe('');

    const refused = await xml('requests/1.xml?api_key=wrong-key-000');
    expect(refused.status).toBe(403);
    expect(refused.root.name).toBe('errors');
    expect(text(refused.root.children[0], 'description')).toBe('missing or wrong api_key');
  });

  it('refuses a wrong or missing api_key, and bad input with the reason', async () => {
    const form = new URLSearchParams({ api_key: 'wrong-key-000', service_code: 'other', lat: '31.13', long: '104.4', description: 'x' });
    const refused = await o311('requests.json', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
    expect(refused.status).toBe(403);
    expect(refused.body[0]).toMatchObject({ code: 403, description: 'missing or wrong api_key' });
    expect((await o311('requests/1.json')).status).toBe(403);
    const bad = await o311('requests.json', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ api_key: KEY, service_code: 'other', lat: '95', long: '104.4', description: 'x' }) });
    expect(bad.status).toBe(400);
    expect(String(bad.body[0].description)).toMatch(/^lat:/);
    expect((await o311(`requests/999999.json?api_key=${KEY}`)).status).toBe(404);
    expect(core.diagnostics.view().rejectedBySource.open311).toBeGreaterThanOrEqual(3);
  });
});

describe('conversion to an incident', () => {
  it('turns a case that is an emergency into a dispatch incident, linked both ways', async () => {
    const { case: c } = (await core.call('cases.create', { channel: 'phone', phone: '13700000000', lat: 31.125, lon: 104.39, address: '建设路 12 号', category: 'public_safety_hazard.gas', description: '楼道里很浓的燃气味' }, op, 'test')) as { case: CaseView };
    expect(c.urgency).toBe('urgent');
    const caseworker = { ...op, role: 'caseworker' as const };
    await expect(core.call('cases.toIncident', { caseId: c.id, type: 'hazmat' }, caseworker, 'test')).rejects.toThrow(/needs dispatch/);
    const r = (await core.call('cases.toIncident', { caseId: c.id, type: 'hazmat' }, op, 'test')) as { case: CaseView; incidentId: string };
    expect(r.case).toMatchObject({ status: 'converted', incidentId: r.incidentId });
    const inc = (await core.call('incidents.get', { incidentId: r.incidentId }, op, 'test')) as { incident: { type: string; address: string; summary: string }; notes: { text: string }[] };
    expect(inc.incident).toMatchObject({ type: 'hazmat', address: '建设路 12 号' });
    expect(inc.incident.summary).toContain(`案件 #${c.number}`);
    expect(inc.notes.map((n) => n.text).join()).toContain(c.id);
    await expect(core.call('cases.toIncident', { caseId: c.id, type: 'hazmat' }, op, 'test')).rejects.toThrow(/is converted/);
  });
});
