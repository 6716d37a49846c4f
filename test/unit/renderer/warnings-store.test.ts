/**
 * Warnings, sensors and reports in the console's store and runtime: newer copies win, a cleared
 * warning leaves for good, a sensor follows its warning, the tone sounds for new severe warnings
 * only (never for the list as first loaded) and stays quiet when muted.
 */
import { describe, expect, it } from 'vitest';
import type { ClientApi, Push } from '../../../shared/api';
import type { Session } from '../../../renderer/src/api/bridge';
import type { ConnectionState } from '../../../renderer/src/api/ws-client';
import { beeps } from '../../../renderer/src/lib/tone';
import { ConsoleStore } from '../../../renderer/src/store/console-store';
import { startRuntime } from '../../../renderer/src/store/runtime';
import { MUTE_KEY, SoundStore } from '../../../renderer/src/store/sound-store';
import { UiStore } from '../../../renderer/src/store/ui-store';
import { report, sensor, warning } from './fixtures';

describe('ConsoleStore: warnings, sensors, reports', () => {
  it('keeps the newer copy of a warning and drops a cleared one for good', () => {
    const s = new ConsoleStore();
    s.loadWarnings([warning('a', { updatedAt: 5 }), warning('old', { clearedAt: 1 })]);
    expect([...s.getState().warnings.keys()]).toEqual(['a']);
    s.apply({ kind: 'warning', warning: warning('a', { updatedAt: 7, acknowledgedBy: '张伟', acknowledgedAt: 7 }) });
    // A slow call result with the older copy does not undo the acknowledgement.
    s.mergeWarnings([warning('a', { updatedAt: 5 })]);
    expect(s.getState().warnings.get('a')?.acknowledgedBy).toBe('张伟');
    s.apply({ kind: 'warning', warning: warning('a', { updatedAt: 9, clearedAt: 9, clearReason: 'normal' }) });
    expect(s.getState().warnings.has('a')).toBe(false);
    s.mergeWarnings([warning('a', { updatedAt: 7 })]);
    expect(s.getState().warnings.has('a')).toBe(false);
  });

  it('moves a sensor to the level of its warning and back to normal when it clears', () => {
    const s = new ConsoleStore();
    s.loadSensors([sensor('WL-01'), sensor('WL-02')]);
    const before = s.getState().sensors.get('WL-02');
    s.apply({ kind: 'warning', warning: warning('w1', { sourceRef: 'WL-01', severity: 'severe', updatedAt: 2 }) });
    expect(s.getState().sensors.get('WL-01')).toMatchObject({ level: 'alarm', warningId: 'w1' });
    expect(s.getState().sensors.get('WL-02')).toBe(before);
    s.apply({ kind: 'warning', warning: warning('w1', { sourceRef: 'WL-01', severity: 'moderate', updatedAt: 3 }) });
    expect(s.getState().sensors.get('WL-01')?.level).toBe('warning');
    s.apply({ kind: 'warning', warning: warning('w1', { sourceRef: 'WL-01', updatedAt: 4, clearedAt: 4 }) });
    expect(s.getState().sensors.get('WL-01')).toMatchObject({ level: 'normal', warningId: null });
  });

  it('keeps new reports only', () => {
    const s = new ConsoleStore();
    s.loadReports([report('r1')]);
    s.apply({ kind: 'report', report: report('r2') });
    expect([...s.getState().reports.keys()]).toEqual(['r1', 'r2']);
  });
});

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('warning tone', () => {
  it('plays unless muted, and remembers muting', () => {
    const played: string[] = [];
    const storage = memoryStorage();
    const sound = new SoundStore({ play: (s) => { played.push(s); return Promise.resolve(); }, dispose: () => undefined }, storage);
    sound.alert('severe');
    sound.setMuted(true);
    sound.alert('extreme');
    expect(played).toEqual(['severe']);
    expect(sound.getState()).toEqual({ muted: true, sounded: 1 });
    expect(storage.data.get(MUTE_KEY)).toBe('1');
    expect(new SoundStore({ play: () => Promise.resolve(), dispose: () => undefined }, storage).getState().muted).toBe(true);
  });

  it('is a few short beeps, higher and more for an extreme warning', () => {
    expect(beeps('severe')).toHaveLength(2);
    expect(beeps('extreme')).toHaveLength(3);
    for (const b of [...beeps('severe'), ...beeps('extreme')]) expect(b.len).toBeLessThanOrEqual(0.2);
  });
});

describe('UiStore: the right column and the map', () => {
  it('opens tabs, and goes back to the incident tab when an incident or a new form opens', () => {
    const ui = new UiStore();
    ui.setSideTab('warnings', true);
    expect(ui.getState()).toMatchObject({ sideTab: 'warnings', pendingFocus: 'warnings' });
    ui.focusTaken();
    expect(ui.getState().pendingFocus).toBeNull();
    ui.openNew(31.1, 104.4);
    expect(ui.getState().sideTab).toBe('action');
    ui.setSideTab('reports');
    ui.select('i1', false);
    expect(ui.getState().sideTab).toBe('action');
  });

  it('shows a warning on the map, switching its layer back on', () => {
    const ui = new UiStore();
    ui.setView('board');
    ui.toggleLayer('warnings');
    expect(ui.getState().layers.warnings).toBe(false);
    ui.showWarning('w1');
    expect(ui.getState()).toMatchObject({ view: 'map', focusWarning: { id: 'w1', n: 1 }, layers: { warnings: true } });
  });
});

describe('runtime: warnings', () => {
  it('loads the risk picture on connecting, and sounds for a new severe warning only', async () => {
    const pushes = new Set<(p: Push) => void>();
    const states = new Set<(s: ConnectionState) => void>();
    const api: Partial<ClientApi> = {
      'session.snapshot': async () => {
        throw new Error('not needed');
      },
      'warnings.list': async () => ({ warnings: [warning('old', { severity: 'extreme' })] }),
      'sensors.list': async () => ({ sensors: [sensor('WL-01')] }),
      'reports.list': async () => ({ reports: [report('r1')] }),
    };
    const session: Session = {
      api: api as ClientApi,
      kind: 'web',
      actor: 'tester',
      connection: () => 'ready',
      onState: (l) => (states.add(l), () => states.delete(l)),
      onPush: (l) => (pushes.add(l), () => pushes.delete(l)),
      close: () => undefined,
    };
    const rt = startRuntime(session);
    await new Promise((r) => setTimeout(r, 0));
    const d = rt.store.getState();
    expect([d.warnings.size, d.sensors.size, d.reports.size]).toEqual([1, 1, 1]);
    // The list as loaded is what the dispatcher sees on opening: no tone for it.
    expect(rt.sound.getState().sounded).toBe(0);
    const push = (p: Push): void => pushes.forEach((l) => l(p));
    push({ kind: 'warning', warning: warning('w2', { severity: 'moderate', updatedAt: 2 }) });
    expect(rt.sound.getState().sounded).toBe(0);
    push({ kind: 'warning', warning: warning('w2', { severity: 'severe', updatedAt: 3 }) });
    push({ kind: 'warning', warning: warning('w2', { severity: 'severe', updatedAt: 4, acknowledgedBy: 'x' }) });
    expect(rt.sound.getState().sounded).toBe(1);
    rt.dispose();
  });
});
