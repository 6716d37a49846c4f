/** Running parsed commands: numbers, unit ids and places resolved against the console's data. */
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../shared/api';
import type { Command } from '../../../renderer/src/lib/command';
import { runCommand } from '../../../renderer/src/store/commands';
import { ConsoleStore } from '../../../renderer/src/store/console-store';
import { LocalError, type Operations } from '../../../renderer/src/store/operations';
import { UiStore } from '../../../renderer/src/store/ui-store';
import { catalog, incident, order, unit } from './fixtures';

function setup() {
  const store = new ConsoleStore();
  const ui = new UiStore();
  const calls: unknown[][] = [];
  const record =
    (name: string, result?: unknown) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args]);
      return result;
    };
  const i12 = incident('i12', { number: 12, status: 'dispatched' });
  const ops = {
    setUnitStatus: record('setUnitStatus'),
    cancelOrder: record('cancelOrder'),
    setIncidentStatus: record('setIncidentStatus'),
    escalate: record('escalate', { level: 2, orders: [order('x')], missing: 0 }),
    createIncident: record('createIncident', incident('new', { number: 13 })),
    recommend: async (id: string) => {
      calls.push(['recommend', id]);
      ui.setRecommendation({ incidentId: id, level: 1, slots: [{ unitType: 'engine', agency: 'fire', count: 1, picks: [{ unitId: 'F-101', distanceM: 1, etaS: 1, roadM: 1, routed: true, stale: false, station: null }], missing: 0, shortage: null }] });
    },
    dispatch: async (...args: unknown[]) => {
      calls.push(['dispatch', ...args]);
      return [order('o9')];
    },
  } as unknown as Operations;
  const snapshot: Snapshot = {
    consoleId: 'c',
    catalog,
    units: [unit('F-101', { name: '水罐车1', incidentId: 'i12' }), unit('F-102')],
    incidents: [i12],
    orders: [order('o1', { unitId: 'F-101', incidentId: 'i12', state: 'acknowledged' })],
    diagnostics: { startedAt: 0, accepted: {}, rejectedTotal: 0, rejectedBySource: {}, rejectedByReason: {}, recent: [] },
    link: { status: 'connected', broker: 'x', embedded: true, since: 0, outbox: 0 },
  };
  store.load(snapshot);
  const places = [{ id: 'B-1', kind: 'block' as const, zh: '望江商城', en: 'Wangjiang Mall', lat: 31.14, lon: 104.4 }];
  const run = (c: Command) => runCommand(c, { ops, store, ui, places: () => places });
  return { run, calls, ui };
}

describe('running commands', () => {
  it('resolves unit ids regardless of case', async () => {
    const { run, calls } = setup();
    await expect(run({ kind: 'unitStatus', unit: 'f-101', status: 'on_scene' })).resolves.toMatchObject({ key: 'cmd.ok.unitStatus', params: { unit: '水罐车1' } });
    expect(calls).toEqual([['setUnitStatus', 'F-101', 'on_scene']]);
  });

  it("cancels the unit's active order, and says when it has none", async () => {
    const { run, calls } = setup();
    await run({ kind: 'cancel', unit: 'F-101', reason: '故障' });
    expect(calls).toEqual([['cancelOrder', 'o1', '故障']]);
    await expect(run({ kind: 'cancel', unit: 'F-102', reason: 'x' })).rejects.toMatchObject({ key: 'cmd.err.noOrder' });
  });

  it('finds incidents by number', async () => {
    const { run, calls } = setup();
    await expect(run({ kind: 'escalate', incident: 12 })).resolves.toEqual({ key: 'cmd.ok.escalate', params: { n: 12, level: 2, count: 1 } });
    await run({ kind: 'close', incident: 12, disposition: 'resolved' });
    expect(calls[1]).toEqual(['setIncidentStatus', 'i12', 'closed', 'resolved']);
    await expect(run({ kind: 'underControl', incident: 99 })).rejects.toBeInstanceOf(LocalError);
  });

  it("dispatches a fresh plan once the incident is past new", async () => {
    const { run, calls, ui } = setup();
    await expect(run({ kind: 'dispatch', incident: 12 })).resolves.toMatchObject({ params: { n: 12, count: 1 } });
    expect(calls).toEqual([['recommend', 'i12'], ['dispatch', 'i12', ['F-101']]]);
    expect(ui.getState().panel).toEqual({ kind: 'incident', id: 'i12' });
  });

  it('creates an incident at a place found by name, with the place as address', async () => {
    const { run, calls } = setup();
    await expect(run({ kind: 'new', type: 'medical', at: null, place: 'wangjiang' })).resolves.toEqual({ key: 'cmd.ok.new', params: { n: 13 } });
    expect(calls[0][1]).toMatchObject({ type: 'medical', lat: 31.14, lon: 104.4 });
    await expect(run({ kind: 'new', type: 'medical', at: null, place: 'atlantis' })).rejects.toMatchObject({ key: 'cmd.err.noPlace' });
  });
});
