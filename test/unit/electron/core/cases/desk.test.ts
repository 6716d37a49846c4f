import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../../../../shared/api';
import { HOUR_MS } from '../../../../../shared/cases/sla';
import { caseDesk, type CaseDeskHarness } from '../../../../helpers/cases';

const T0 = Date.parse('2026-11-25T09:00:00+08:00');
const op: CallContext = { actor: '李调度', consoleId: 'test', role: 'dispatcher' };
const wall: CallContext = { actor: 'wall', consoleId: 'test', role: 'wall' };
const hotline = { channel: 'phone' as const, reporterName: '王女士', phone: '13800138000', lat: 31.13, lon: 104.4, address: '幸福小区 3 栋', category: 'neighbour_dispute.noise', description: '楼上装修噪声扰民，晚上十点还在施工' };

let h: CaseDeskHarness;
afterEach(() => h.store.close());

describe('case desk lifecycle', () => {
  it('takes a hotline case from intake to closure with feedback, every step an event', async () => {
    h = caseDesk(T0);
    const H = h.cases.handlers;
    const created = await H['cases.create'](hotline, op);
    expect(created.case).toMatchObject({ number: 1, status: 'received', channel: 'phone', district: 'chengdong', reporter: { name: '王女士', phone: '13800138000' } });
    const proposed = created.proposal.bodyId ?? '';
    expect(proposed).toMatch(/^cc-chengdong-/);
    const id = created.case.id;

    await expect(H['cases.assign']({ caseId: id, bodyId: 'pmc-chengdong' }, op)).rejects.toThrow(/reason: a reason is required to override the proposed body/);
    expect((await H['cases.assign']({ caseId: id, bodyId: proposed }, op)).status).toBe('assigned');
    await expect(H['cases.resolve']({ caseId: id, outcome: 'resolved', summary: 'x' }, op)).rejects.toThrow(/is assigned: cannot resolve/);
    h.clock.t += HOUR_MS;
    expect((await H['cases.accept']({ caseId: id }, op)).acceptedAt).toBe(T0 + HOUR_MS);
    await H['cases.addSession']({ caseId: id, heldAt: h.clock.t, parties: ['王女士', '楼上住户'], summary: '现场调解，约定施工时间', result: '达成口头协议' }, op);
    expect((await H['cases.get']({ caseId: id }, op)).case.status).toBe('in_progress');
    await H['cases.addAttachment']({ caseId: id, name: '协议.jpg', mime: 'image/jpeg', size: 20480 }, op);
    h.clock.t += HOUR_MS;
    const paused = await H['cases.pause']({ caseId: id, reason: '等待当事人回复' }, op);
    expect(paused.sla).toMatchObject({ paused: true, pauseReason: '等待当事人回复' });
    h.clock.t += 10 * HOUR_MS;
    const resumed = await H['cases.resume']({ caseId: id }, op);
    expect(resumed.sla.pausedMs).toBe(10 * HOUR_MS);
    expect(resumed.sla.complete.dueAt).toBe(T0 + 106 * HOUR_MS);
    await H['cases.resolve']({ caseId: id, outcome: 'resolved', summary: '双方签订调解协议' }, op);
    const closed = await H['cases.close']({ caseId: id, feedback: 'satisfied', comment: '处理及时' }, op);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'resolved', feedback: 'satisfied' });
    expect(closed.sla.accept.state).toBe('met');
    expect(closed.sla.complete.state).toBe('met');

    const { entries } = await H['cases.timeline']({ caseId: id }, op);
    expect(entries.map((e) => e.type)).toEqual([
      'case.received', 'case.assigned', 'case.accepted', 'case.started', 'case.noted', 'case.noted', 'case.paused', 'case.resumed', 'case.completed', 'case.closed',
    ]);
    expect(entries[0].actor).toBe('李调度');
    const detail = await H['cases.get']({ caseId: id }, op);
    expect(detail.notes.map((n) => n.kind)).toEqual(['session', 'attachment']);
    expect(detail.notes[0].data).toMatchObject({ parties: ['王女士', '楼上住户'], result: '达成口头协议' });

    // Pushes reach every client: never with the contact.
    const pushed = h.pushes.filter((p) => p.kind === 'case');
    expect(pushed).toHaveLength(9); // one per change: received … closed
    expect(pushed.every((p) => p.kind === 'case' && p.case.reporter === null && p.case.reporterHidden)).toBe(true);
    // A wall sees the case, not the reporter.
    expect((await H['cases.get']({ caseId: id }, wall)).case).toMatchObject({ reporter: null, reporterHidden: true });
    const csv = (await H['cases.exportCsv']({ lang: 'en' }, wall)).csv;
    expect(csv).not.toContain('13800138000');
    expect((await H['cases.exportCsv']({ lang: 'zh-CN' }, op)).csv).toContain('13800138000');

    // The tables are projections: a rebuild from the log gives the same case.
    const before = h.store.db.prepare('SELECT * FROM cases').all();
    h.store.rebuildProjections();
    expect(h.store.db.prepare('SELECT * FROM cases').all()).toEqual(before);
  });

  it('returns a case to intake and reassigns it only with a reason', async () => {
    h = caseDesk(T0);
    const H = h.cases.handlers;
    const { case: c, proposal } = await H['cases.create'](hotline, op);
    await H['cases.assign']({ caseId: c.id, bodyId: proposal.bodyId ?? '' }, op);
    await expect(H['cases.assign']({ caseId: c.id, bodyId: 'street-chengdong' }, op)).rejects.toThrow(/reason: a reason is required to reassign/);
    const moved = await H['cases.assign']({ caseId: c.id, bodyId: 'street-chengdong', reason: '涉及多个社区' }, op);
    expect(moved).toMatchObject({ status: 'assigned', bodyId: 'street-chengdong' });
    const back = await H['cases.return']({ caseId: c.id, reason: '不属于本单位职责' }, op);
    expect(back).toMatchObject({ status: 'received', bodyId: null });
    const types = (await H['cases.timeline']({ caseId: c.id }, op)).entries;
    expect(types.map((e) => [e.type, e.detail.reason ?? null])).toEqual([
      ['case.received', null], ['case.assigned', null], ['case.assigned', '涉及多个社区'], ['case.returned', '不属于本单位职责'],
    ]);
  });
});

describe('KPIs follow the log', () => {
  it('refresh after every change, with the cases behind each figure', async () => {
    h = caseDesk(T0);
    const H = h.cases.handlers;
    const period = { from: T0 - HOUR_MS, to: T0 + 30 * 24 * HOUR_MS };
    const { case: c, proposal } = await H['cases.create'](hotline, op);
    expect((await H['cases.kpi'](period, op)).figures).toMatchObject({ collected: 1, completed: 0, completionRate: 0, acceptMedianMs: null });
    await H['cases.assign']({ caseId: c.id, bodyId: proposal.bodyId ?? '' }, op);
    h.clock.t += 2 * HOUR_MS;
    await H['cases.accept']({ caseId: c.id }, op);
    h.clock.t += 20 * HOUR_MS;
    await H['cases.resolve']({ caseId: c.id, outcome: 'not_resolved', summary: '当事人拒绝调解' }, op);
    await H['cases.close']({ caseId: c.id, feedback: 'dissatisfied' }, op);
    const r = await H['cases.kpi'](period, op);
    expect(r.figures).toMatchObject({ collected: 1, completed: 1, completionRate: 1, resolved: 0, resolutionRate: 0, acceptMedianMs: 2 * HOUR_MS, completeP90Ms: 22 * HOUR_MS, dissatisfied: 1, satisfactionRate: 0 });
    expect((await H['cases.kpiCases']({ ...period, figure: 'dissatisfied' }, op)).ids).toEqual([c.id]);
    expect((await H['cases.kpiCases']({ ...period, figure: 'resolved' }, op)).ids).toEqual([]);
  });
});

describe('escalation on breach', () => {
  it('warns at 75 % of the accept budget, escalates on breach to the supervisor and the next level, clears on acceptance', async () => {
    h = caseDesk(T0);
    const H = h.cases.handlers;
    const { case: c, proposal } = await H['cases.create'](hotline, op);
    await H['cases.assign']({ caseId: c.id, bodyId: proposal.bodyId ?? '' }, op);
    h.clock.t = T0 + 8 * HOUR_MS;
    expect(h.cases.sla.check()).toBe(0);
    h.clock.t = T0 + 9.5 * HOUR_MS;
    expect(h.cases.sla.check()).toBe(1);
    const warned = h.warnings.queries.openWarningOf('case_sla', `case:${c.id}:accept`);
    expect(warned).toMatchObject({ severity: 'moderate' });
    expect(h.cases.sla.check()).toBe(0); // once

    h.clock.t = T0 + 12 * HOUR_MS + 60_000;
    expect(h.cases.sla.check()).toBe(1);
    const breached = h.warnings.queries.openWarningOf('case_sla', `case:${c.id}:accept`);
    expect(breached).toMatchObject({ id: warned?.id, severity: 'severe' });
    expect(breached?.title).toContain('超时');
    expect(breached?.detail).toContain('escalated to supervisor and street-chengdong');
    const view = await H['cases.get']({ caseId: c.id }, op);
    expect(view.case.sla).toMatchObject({ escalations: 1, warned: true });
    expect(view.case.sla.accept.state).toBe('breached');
    const events = (await H['cases.timeline']({ caseId: c.id }, op)).entries.filter((e) => e.type.startsWith('case.sla_'));
    expect(events.map((e) => [e.type, e.detail.phase, e.detail.escalatedTo ?? null])).toEqual([
      ['case.sla_warned', 'accept', null],
      ['case.sla_breached', 'accept', 'street-chengdong'],
    ]);
    expect(h.pushes.some((p) => p.kind === 'warning' && p.warning.source === 'case_sla' && p.warning.severity === 'severe')).toBe(true);

    await H['cases.accept']({ caseId: c.id }, op);
    expect(h.warnings.queries.openWarningOf('case_sla', `case:${c.id}:accept`)).toBeUndefined();
    expect((await H['cases.get']({ caseId: c.id }, op)).case.sla.accept.state).toBe('breached');
  });

  it('records the breach of a step done late even if no check ran in between', async () => {
    h = caseDesk(T0);
    const H = h.cases.handlers;
    const { case: c, proposal } = await H['cases.create'](hotline, op);
    await H['cases.assign']({ caseId: c.id, bodyId: proposal.bodyId ?? '' }, op);
    h.clock.t = T0 + 20 * HOUR_MS;
    await H['cases.accept']({ caseId: c.id }, op);
    const types = (await H['cases.timeline']({ caseId: c.id }, op)).entries.map((e) => e.type);
    expect(types.slice(-2)).toEqual(['case.accepted', 'case.sla_breached']);
    expect(h.warnings.queries.openWarningOf('case_sla', `case:${c.id}:accept`)).toBeUndefined();
  });
});

describe('duplicates and merge', () => {
  it('finds the earlier case of the same caller and merges the repeat into it', async () => {
    h = caseDesk(T0);
    const H = h.cases.handlers;
    const first = (await H['cases.create'](hotline, op)).case;
    h.clock.t += HOUR_MS;
    const again = await H['cases.create']({ ...hotline, phone: '+86 138 0013 8000', address: '幸福小区3栋', description: '楼上装修噪声扰民，十点还在施工' }, op);
    expect(again.duplicates[0]).toMatchObject({ case: { id: first.id } });
    expect(again.duplicates[0].reasons).toEqual(expect.arrayContaining(['same_phone', 'same_address', 'similar_text']));
    const survivor = await H['cases.merge']({ caseId: again.case.id, intoId: first.id }, op);
    expect(survivor.id).toBe(first.id);
    const merged = await H['cases.get']({ caseId: again.case.id }, op);
    expect(merged.case).toMatchObject({ status: 'merged', mergedInto: first.id });
    expect((await H['cases.get']({ caseId: first.id }, op)).merged.map((m) => m.id)).toEqual([again.case.id]);
    const third = (await H['cases.create']({ ...hotline, phone: '139' }, op)).case;
    await expect(H['cases.merge']({ caseId: third.id, intoId: again.case.id }, op)).rejects.toThrow(/is merged: merge into the case it became/);
    await expect(H['cases.merge']({ caseId: third.id, intoId: third.id }, op)).rejects.toThrow(/into itself/);
  });
});

describe('intake and hot spots', () => {
  it('turns every MQTT citizen report into one case, a repeat into none', () => {
    h = caseDesk(T0);
    h.cases.start();
    const msg = { reportId: 'APP-20261125-0042', category: 'noise', text: '楼上装修噪声', lat: 31.13, lon: 104.4, address: '幸福小区 3 栋', contact: '13800138000', ts: T0 };
    expect(h.warnings.report('app', msg)).toBeNull();
    expect(h.warnings.report('app', msg)).toBeNull();
    h.cases.stop();
    const rows = h.store.db.prepare('SELECT channel, source_ref, category, phone, status FROM cases').all();
    expect(rows).toEqual([{ channel: 'app', source_ref: 'APP-20261125-0042', category: 'neighbour_dispute.noise', phone: '13800138000', status: 'received' }]);
  });

  it('raises a hot-spot warning for the third dispute within 300 m in a week', async () => {
    h = caseDesk(T0);
    const H = h.cases.handlers;
    for (const [i, dLat] of [0, 0.001, 0.002].entries()) {
      await H['cases.create']({ ...hotline, phone: `1390000000${i}`, address: `幸福小区 ${i + 1} 栋`, lat: 31.13 + dLat, description: `纠纷 ${i}` }, op);
      h.clock.t += 24 * HOUR_MS;
    }
    const spots = h.warnings.queries.warnings().filter((w) => w.source === 'hotspot');
    expect(spots).toHaveLength(1);
    expect(spots[0]).toMatchObject({ severity: 'moderate', area: { type: 'Circle', radiusM: 300 } });
    expect(spots[0].title).toContain('3 件');
  });
});
