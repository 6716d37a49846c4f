import { describe, expect, it } from 'vitest';
import { apiInputs } from '../../../../../shared/api';
import { dispatcher, setup, T0 } from './setup';

const msg = { reportId: 'app-0001', category: 'flood', text: '地下车库进水', lat: 31.12, lon: 104.4, address: '滨江路12号', ts: T0 - 60_000 };

describe('citizen reports intake', () => {
  it('queues a report as new, logs it once and pushes it', () => {
    const { svc, store, clock, eventTypes, pushedReports } = setup();
    clock.t = T0 + 5;
    expect(svc.report('app', msg)).toBeNull();
    const expected = { id: 'app-0001', channel: 'app', category: 'flood', text: '地下车库进水', lat: 31.12, lon: 104.4, address: '滨江路12号', contact: null, ts: T0 - 60_000, receivedAt: T0 + 5, status: 'new' };
    expect(svc.reports.list()).toEqual([expected]);
    expect(pushedReports()).toEqual([expected]);
    expect(eventTypes()).toEqual(['report.received']);
    expect(store.events()[0].actor).toBe('citizen:app');
  });

  it('takes a repeat of the same reportId as the same report', () => {
    const { svc, eventTypes, pushedReports } = setup();
    svc.report('hotline', { ...msg, contact: '139****1234' });
    expect(svc.report('hotline', { ...msg, contact: '139****1234' })).toBeNull();
    expect(svc.reports.list()).toHaveLength(1);
    expect(eventTypes()).toEqual(['report.received']);
    expect(pushedReports()).toHaveLength(1);
  });

  it('refuses a repeat that says something else, keeping the first', () => {
    const { svc } = setup();
    svc.report('app', msg);
    expect(svc.report('app', { ...msg, text: '车库进水已到一米' })).toMatch(/already received with different content/);
    expect(svc.report('station', msg)).toMatch(/already received/);
    expect(svc.reports.list().map((r) => [r.text, r.channel])).toEqual([['地下车库进水', 'app']]);
  });

  it('lists a status oldest first and everything newest first, through the API', async () => {
    const { svc, clock } = setup();
    svc.report('app', msg);
    clock.t += 1000;
    svc.report('station', { ...msg, reportId: 'st-0002' });
    const input = apiInputs['reports.list'].parse({ status: 'new' });
    expect((await svc.handlers['reports.list'](input, dispatcher)).reports.map((r) => r.id)).toEqual(['app-0001', 'st-0002']);
    expect((await svc.handlers['reports.list']({}, dispatcher)).reports.map((r) => r.id)).toEqual(['st-0002', 'app-0001']);
    expect(apiInputs['reports.list'].safeParse({ status: 'closed' }).success).toBe(false);
  });

  it('survives a rebuild from the log', () => {
    const { svc, store } = setup();
    svc.report('app', msg);
    const before = svc.reports.list();
    store.rebuildProjections();
    expect(svc.reports.list()).toEqual(before);
  });
});
