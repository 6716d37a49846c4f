import { describe, expect, it } from 'vitest';
import { parseCap } from '../../../../electron/core/alerts/cap';
import { capXml, closureAlert } from '../../../../electron/sim/drill-engine';

describe('drill engine CAP alerts', () => {
  it('announces a road closure as a valid CAP 1.2 exercise alert: Transport, Avoid, the closed circle, both languages', () => {
    const closure = { place: { lat: 31.11681, lon: 104.388456 }, radiusM: 200, name: { zh: '城东桥桥面积水封闭', en: 'Chengdong Bridge closed by standing water' } };
    const now = Date.UTC(2026, 6, 1, 2, 0, 0);
    const parsed = parseCap(capXml('river-flood', 3, closureAlert(closure), closure.place, now, { category: 'Transport', responseType: 'Avoid' }));
    if (!parsed.ok) throw new Error(parsed.reason);
    const { alert } = parsed;
    expect(alert.status).toBe('Exercise');
    expect(alert.infos.map((i) => i.language)).toEqual(['zh-CN', 'en-US']);
    for (const info of alert.infos) {
      expect(info.categories).toEqual(['Transport']);
      expect(info.responseTypes).toEqual(['Avoid']);
      expect(info.areas[0].shapes).toEqual([{ kind: 'circle', center: { lat: 31.11681, lon: 104.38846 }, radiusM: 200 }]);
    }
    expect(alert.infos[0].headline).toBe('道路封闭：城东桥桥面积水封闭');
    expect(alert.infos[1].event).toBe('Road closure');
  });

  it('keeps weather alerts in category Met without a response type', () => {
    const cap = closureAlert({ place: { lat: 31.1, lon: 104.4 }, radiusM: 500, name: { zh: '甲', en: 'A' } });
    const parsed = parseCap(capXml('s', 0, cap, { lat: 31.1, lon: 104.4 }, Date.UTC(2026, 0, 1)));
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.alert.infos[0].categories).toEqual(['Met']);
    expect(parsed.alert.infos[0].responseTypes).toEqual([]);
  });
});
