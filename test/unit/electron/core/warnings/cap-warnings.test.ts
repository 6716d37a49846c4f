import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api';
import { parseCap } from '../../../../../electron/core/alerts/cap';
import { capArea, capExpires, capWarningContent } from '../../../../../electron/core/warnings/cap-warnings';
import type { CapAlert } from '../../../../../shared/domain/cap-types';
import { dispatcher, setup, T0 } from './setup';

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/cap');
const SENDER = 'qixiang@linjiang.gov.cn';
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', '+00:00');

interface CapOpts {
  id: string;
  msgType?: 'Alert' | 'Update' | 'Cancel' | 'Ack';
  status?: string;
  refs?: string[];
  severity?: string;
  headline?: string;
  expires?: number | null;
  areas?: string;
  sent?: number;
}

/** A CAP 1.2 message from the city weather bureau; T0 + 1 minute unless told. */
function cap(o: CapOpts): string {
  const sent = o.sent ?? T0 + 60_000;
  const refs = o.refs?.length ? `<references>${o.refs.map((r) => `${SENDER},${r},${iso(T0)}`).join(' ')}</references>` : '';
  const expires = o.expires === undefined ? T0 + 6 * 3_600_000 : o.expires;
  const info =
    o.msgType === 'Cancel'
      ? ''
      : `<info><language>zh-CN</language><category>Met</category><event>暴雨</event><urgency>Expected</urgency>
         <severity>${o.severity ?? 'Moderate'}</severity><certainty>Likely</certainty>
         ${expires === null ? '' : `<expires>${iso(expires)}</expires>`}
         <headline>${o.headline ?? '暴雨黄色预警'}</headline><description>预计未来6小时降雨50毫米以上。</description>
         <instruction>注意防范城市内涝。</instruction>
         ${o.areas ?? '<area><areaDesc>江南区</areaDesc><polygon>31.08,104.33 31.08,104.47 31.115,104.47 31.115,104.33 31.08,104.33</polygon></area>'}
         </info>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>${o.id}</identifier><sender>${SENDER}</sender>
<sent>${iso(sent)}</sent><status>${o.status ?? 'Actual'}</status><msgType>${o.msgType ?? 'Alert'}</msgType><scope>Public</scope>${refs}${info}</alert>`;
}

function parsed(xml: string | Buffer): CapAlert {
  const r = parseCap(xml);
  if (!r.ok) throw new Error(r.reason);
  return r.alert;
}

describe('CAP alert as warning content', () => {
  it('closes roads only for category Transport with response Avoid', () => {
    expect(capWarningContent(parsed(cap({ id: 'W' })))?.closesRoads).toBe(false);
    const closure = cap({ id: 'R', headline: '城东桥封闭' })
      .replace('<category>Met</category>', '<category>Transport</category>')
      .replace('<event>暴雨</event>', '<event>道路封闭</event><responseType>Avoid</responseType>');
    expect(capWarningContent(parsed(closure))?.closesRoads).toBe(true);
    const transportOnly = cap({ id: 'T' }).replace('<category>Met</category>', '<category>Transport</category>');
    expect(capWarningContent(parsed(transportOnly))?.closesRoads).toBe(false);
  });


  it('takes severity, title, times and the polygon as a GeoJSON [lon, lat] ring', () => {
    const c = capWarningContent(parsed(cap({ id: 'A1', severity: 'Severe' })));
    expect(c).toMatchObject({
      sourceRef: `${SENDER},A1`,
      severity: 'severe',
      title: '暴雨黄色预警',
      issuedAt: T0 + 60_000,
      effectiveAt: T0 + 60_000,
      expiresAt: T0 + 6 * 3_600_000,
      area: { type: 'Polygon', coordinates: [[[104.33, 31.08], [104.47, 31.08], [104.47, 31.115], [104.33, 31.115], [104.33, 31.08]]] },
    });
    expect(c?.detail).toContain('注意防范城市内涝');
    expect(c?.detail).toContain('区域：江南区');
  });

  it('keeps a circle as centre and radius in metres, several shapes as a collection, none as null', () => {
    const circle = parsed(cap({ id: 'C', areas: '<area><areaDesc>城区</areaDesc><circle>31.13,104.40 2.5</circle></area>' }));
    expect(capArea(circle)).toEqual({ type: 'Circle', center: [104.4, 31.13], radiusM: 2500 });
    const two = parsed(
      cap({
        id: 'T',
        areas: `<area><areaDesc>甲</areaDesc><circle>31.13,104.40 1</circle></area><area><areaDesc>乙</areaDesc><circle>31.10,104.36 1</circle></area>`,
      }),
    );
    expect(capArea(two)).toMatchObject({ type: 'GeometryCollection', geometries: [{ type: 'Circle' }, { type: 'Circle' }] });
    expect(capArea(parsed(cap({ id: 'D', areas: '<area><areaDesc>全市</areaDesc></area>' })))).toBeNull();
  });

  it('maps CAP severities, reading Unknown as moderate rather than minor', () => {
    const sev = (s: string) => capWarningContent(parsed(cap({ id: s, severity: s })))?.severity;
    expect([sev('Extreme'), sev('Severe'), sev('Moderate'), sev('Minor'), sev('Unknown')]).toEqual(['extreme', 'severe', 'moderate', 'minor', 'moderate']);
  });

  it('reads the standard examples: an expiry from A.2, an open-ended alert from A.3', () => {
    const a2 = parsed(readFileSync(join(FIXTURES, 'cap12-appendix-a2-thunderstorm.xml')));
    expect(capExpires(a2)).toBe(Date.parse('2003-06-17T16:00:00-07:00'));
    expect(capWarningContent(a2)).toMatchObject({ severity: 'severe', title: 'SEVERE THUNDERSTORM WARNING', area: { type: 'Polygon' } });
    const a3 = parsed(readFileSync(join(FIXTURES, 'cap12-appendix-a3-earthquake-update.xml')));
    expect(capExpires(a3)).toBeNull();
    expect(capArea(a3)).toEqual({ type: 'Circle', center: [-115.5527, 32.9525], radiusM: 0 });
  });
});

describe('CAP desk', () => {
  it('raises one warning per Alert and ignores a repeat of it', () => {
    const { svc, eventTypes, pushedWarnings } = setup();
    expect(svc.capXml(cap({ id: 'A1' }))).toBeNull();
    expect(svc.queries.warnings()).toHaveLength(1);
    const again = svc.importCap(cap({ id: 'A1', headline: '改了标题也是同一条' }), dispatcher);
    expect(again).toMatchObject({ key: `${SENDER},A1`, warnings: [] });
    expect(again.ignored).toMatch(/repeat/);
    expect(svc.queries.warnings()).toHaveLength(1);
    expect(eventTypes()).toEqual(['warning.raised', 'cap.received']);
    expect(pushedWarnings()).toHaveLength(1);
  });

  it('replaces the referenced warning in place on Update, and clears it on Cancel', () => {
    const { svc } = setup();
    const first = svc.importCap(cap({ id: 'A1', severity: 'Moderate' }), dispatcher).warnings[0];
    svc.ack(first.id, dispatcher);
    const upd = svc.importCap(cap({ id: 'A2', msgType: 'Update', refs: ['A1'], severity: 'Severe', headline: '暴雨橙色预警' }), dispatcher);
    expect(upd.warnings.map((w) => w.id)).toEqual([first.id]);
    expect(svc.queries.warnings()).toEqual([
      expect.objectContaining({ id: first.id, sourceRef: `${SENDER},A2`, severity: 'severe', title: '暴雨橙色预警', acknowledgedBy: null }),
    ]);
    // A Cancel naming only the first message of the thread still finds its warning.
    const cancel = svc.importCap(cap({ id: 'A3', msgType: 'Cancel', refs: ['A1'] }), dispatcher);
    expect(cancel.warnings).toEqual([expect.objectContaining({ id: first.id, clearReason: 'cancelled' })]);
    expect(svc.queries.warnings()).toEqual([]);
  });

  it('folds several referenced warnings into the oldest one', () => {
    const { svc, clock } = setup();
    const a = svc.importCap(cap({ id: 'A', headline: '甲' }), dispatcher).warnings[0];
    clock.t += 1000;
    const b = svc.importCap(cap({ id: 'B', headline: '乙' }), dispatcher).warnings[0];
    const upd = svc.importCap(cap({ id: 'U', msgType: 'Update', refs: ['A', 'B'], headline: '合并' }), dispatcher);
    expect(upd.warnings.map((w) => [w.id, w.clearReason])).toEqual([[a.id, null], [b.id, 'replaced']]);
    expect(svc.queries.warnings().map((w) => [w.id, w.title])).toEqual([[a.id, '合并']]);
  });

  it('raises an Update whose original never arrived, and then ignores the late original', () => {
    const { svc } = setup();
    svc.importCap(cap({ id: 'U1', msgType: 'Update', refs: ['A0'], headline: '更新' }), dispatcher);
    const late = svc.importCap(cap({ id: 'A0', headline: '原始' }), dispatcher);
    expect(late.ignored).toMatch(/superseded/);
    expect(svc.queries.warnings().map((w) => w.title)).toEqual(['更新']);
  });

  it('ignores an Alert cancelled before it arrived', () => {
    const { svc } = setup();
    svc.importCap(cap({ id: 'C1', msgType: 'Cancel', refs: ['A0'] }), dispatcher);
    expect(svc.importCap(cap({ id: 'A0' }), dispatcher).ignored).toMatch(/superseded/);
    expect(svc.queries.warnings()).toEqual([]);
  });

  it('marks exercises and ignores tests, drafts and acks', () => {
    const { svc, eventTypes } = setup();
    expect(svc.importCap(cap({ id: 'E1', status: 'Exercise' }), dispatcher).warnings[0].title).toBe('【演练】暴雨黄色预警');
    expect(svc.importCap(cap({ id: 'T1', status: 'Test' }), dispatcher).ignored).toMatch(/status Test/);
    expect(svc.importCap(cap({ id: 'D1', status: 'Draft' }), dispatcher).ignored).toMatch(/status Draft/);
    expect(svc.importCap(cap({ id: 'K1', msgType: 'Ack', refs: ['E1'] }), dispatcher).ignored).toMatch(/msgType Ack/);
    expect(svc.queries.warnings()).toHaveLength(1);
    expect(eventTypes()).toEqual(['warning.raised', 'cap.received']);
  });

  it('clears warnings when their expiry passes, and does not raise an alert that arrives expired', () => {
    const { svc, clock } = setup();
    svc.importCap(cap({ id: 'S', expires: T0 + 3_600_000 }), dispatcher);
    svc.importCap(cap({ id: 'L', expires: T0 + 5 * 3_600_000 }), dispatcher);
    svc.importCap(cap({ id: 'O', expires: null }), dispatcher);
    clock.t = T0 + 3_600_000 - 1;
    expect(svc.checkExpiry()).toBe(0);
    clock.t = T0 + 3_600_000;
    expect(svc.checkExpiry()).toBe(1);
    expect(svc.checkExpiry()).toBe(0);
    expect(svc.queries.warnings().map((w) => w.sourceRef).sort()).toEqual([`${SENDER},L`, `${SENDER},O`]);
    expect(svc.queries.warnings({ includeCleared: true }).find((w) => w.sourceRef === `${SENDER},S`)?.clearReason).toBe('expired');
    const old = svc.importCap(cap({ id: 'X', expires: T0 + 1000 }), dispatcher);
    expect(old).toMatchObject({ warnings: [], ignored: 'already expired' });
  });

  it('refuses bad XML with a bad_request on import and a reason on MQTT, logging nothing', () => {
    const { svc, eventTypes } = setup();
    const bad = readFileSync(join(FIXTURES, 'invalid-xxe.xml'));
    expect(svc.capXml(bad)).toMatch(/DTD|DOCTYPE|entity/i);
    const thrown = (xml: string): unknown => {
      try {
        svc.importCap(xml, dispatcher);
      } catch (e) {
        return e;
      }
      return null;
    };
    expect(thrown('<alert/>')).toBeInstanceOf(ApiError);
    expect(thrown('not xml')).toMatchObject({ code: 'bad_request' });
    expect(eventTypes()).toEqual([]);
  });

  it('survives a rebuild: a repeat after it is still a repeat', () => {
    const { svc, store } = setup();
    svc.importCap(cap({ id: 'A1' }), dispatcher);
    svc.importCap(cap({ id: 'A2', msgType: 'Update', refs: ['A1'], severity: 'Extreme' }), dispatcher);
    const before = svc.queries.warnings({ includeCleared: true });
    store.rebuildProjections();
    expect(svc.queries.warnings({ includeCleared: true })).toEqual(before);
    expect(svc.importCap(cap({ id: 'A2', msgType: 'Update', refs: ['A1'] }), dispatcher).ignored).toMatch(/repeat/);
  });
});
