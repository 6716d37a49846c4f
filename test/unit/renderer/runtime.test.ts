/**
 * The runtime against a fake session: it reloads the snapshot on every (re)connection, applies
 * pushes, and turns a failed call into a message in the side panel instead of losing it.
 */
import { describe, expect, it } from 'vitest';
import { ApiError, type ClientApi, type Push, type Snapshot } from '../../../shared/api';
import type { CasesCatalog } from '../../../shared/cases/model';
import type { RecommendationView } from '../../../shared/model';
import type { Session } from '../../../renderer/src/api/bridge';
import type { ConnectionState } from '../../../renderer/src/api/ws-client';
import { message, startRuntime } from '../../../renderer/src/store/runtime';
import { catalog, incident, order, unit } from './fixtures';

function fakeSession(api: Partial<ClientApi>) {
  const states = new Set<(s: ConnectionState) => void>();
  const pushes = new Set<(p: Push) => void>();
  let state: ConnectionState = 'connecting';
  const session: Session = {
    api: api as ClientApi,
    kind: 'web',
    actor: 'tester',
    connection: () => state,
    onState: (l) => {
      states.add(l);
      return () => states.delete(l);
    },
    onPush: (l) => {
      pushes.add(l);
      return () => pushes.delete(l);
    },
    close: () => undefined,
  };
  return {
    session,
    setState(s: ConnectionState) {
      state = s;
      for (const l of states) l(s);
    },
    push(p: Push) {
      for (const l of pushes) l(p);
    },
  };
}

const snapshot = (units = [unit('u1')]): Snapshot => ({
  consoleId: 'c1',
  catalog,
  units,
  incidents: [],
  orders: [],
  diagnostics: { startedAt: 0, accepted: {}, rejectedTotal: 0, rejectedBySource: {}, rejectedByReason: {}, recent: [] },
  link: { status: 'connected', broker: 'mqtt://x', embedded: true, since: 0, outbox: 0 },
});

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('runtime', () => {
  it('reloads the snapshot each time the connection becomes ready', async () => {
    let calls = 0;
    const fake = fakeSession({
      'session.snapshot': async () => {
        calls += 1;
        return snapshot(calls === 1 ? [unit('u1')] : [unit('u1'), unit('u2')]);
      },
    });
    const rt = startRuntime(fake.session);
    expect(rt.store.getState().connection).toBe('connecting');
    fake.setState('ready');
    await settle();
    expect(rt.store.getState().units.size).toBe(1);
    fake.setState('closed');
    expect(rt.store.getState().connection).toBe('closed');
    fake.setState('ready');
    await settle();
    expect(calls).toBe(2);
    expect(rt.store.getState().units.size).toBe(2);
    fake.push({ kind: 'units', units: [unit('u3')] });
    expect(rt.store.getState().units.has('u3')).toBe(true);
    rt.dispose();
  });

  it('opens the created incident with its recommendation, and keeps the dispatched orders', async () => {
    const i = incident('11111111-1111-1111-1111-111111111111');
    const rec: RecommendationView = { incidentId: i.id, level: 1, slots: [] };
    const fake = fakeSession({
      // Cast: later API versions add fields to this result that the renderer does not read.
      'incidents.create': async () => ({ incident: i, recommendation: rec }) as Awaited<ReturnType<ClientApi['incidents.create']>>,
      'incidents.dispatch': async () => ({ orders: [order('o1', { incidentId: i.id })] }),
    });
    const rt = startRuntime(fake.session);
    await rt.actions.createIncident({ type: 'medical', lat: 31.1, lon: 104.4 });
    expect(rt.ui.getState().panel).toEqual({ kind: 'incident', id: i.id });
    expect(rt.ui.getState().recommendations.get(i.id)).toBe(rec);
    await rt.actions.dispatch(i.id, ['u1']);
    expect(rt.store.getState().orders.get('o1')?.incidentId).toBe(i.id);
  });

  it('shows a failed call as an error rather than throwing', async () => {
    const fake = fakeSession({
      'incidents.dispatch': async () => {
        throw new ApiError('conflict', 'unit u1 is already assigned to an incident');
      },
    });
    const rt = startRuntime(fake.session);
    await rt.actions.dispatch('x', ['u1']);
    expect(rt.ui.getState().error).toEqual({ code: 'conflict', message: 'unit u1 is already assigned to an incident' });
  });
});

describe('loading before and after the connection', () => {
  const quietRisks: Partial<ClientApi> = {
    'warnings.list': async () => ({ warnings: [] }),
    'sensors.list': async () => ({ sensors: [] }),
    'reports.list': async () => ({ reports: [] }),
  };
  const casesCatalog: CasesCatalog = { categories: [], bodies: [], sla: { acceptHours: 12, completeHours: 96, warnAt: 0.75 }, districts: [] };

  it('waits for the connection before the case layer first loads the cases: no error, the queue loaded once ready', async () => {
    let lists = 0;
    const fake = fakeSession({
      'session.snapshot': async () => snapshot(),
      ...quietRisks,
      'cases.catalog': async () => casesCatalog,
      'cases.list': async () => {
        lists += 1;
        return { cases: [], total: 0 };
      },
    });
    const rt = startRuntime(fake.session);
    // The map's case layer shows from the start: its first use comes before the socket is ready.
    rt.cases.ensure();
    await settle();
    expect(lists).toBe(0);
    expect(rt.cases.getState().error).toBeNull();
    fake.setState('ready');
    await settle();
    expect(lists).toBe(1);
    expect(rt.cases.getState().loaded).toBe(true);
    expect(rt.cases.getState().error).toBeNull();
    rt.dispose();
  });

  it("takes a failed load's message away when a later load works, and keeps a failed action's", async () => {
    let lists = 0;
    let snapshots = 0;
    const fake = fakeSession({
      'session.snapshot': async () => {
        snapshots += 1;
        if (snapshots === 1) throw new ApiError('internal', 'connection closed');
        return snapshot();
      },
      ...quietRisks,
      'cases.catalog': async () => casesCatalog,
      'cases.list': async () => {
        lists += 1;
        if (lists === 1) throw new ApiError('internal', 'connection closed');
        return { cases: [], total: 0 };
      },
      'cases.accept': async () => {
        throw new ApiError('conflict', 'case c1 was accepted by another console');
      },
    });
    const rt = startRuntime(fake.session);
    fake.setState('ready');
    rt.cases.ensure();
    await settle();
    expect(rt.ui.getState().error?.message).toBe('connection closed');
    expect(rt.cases.getState().error?.message).toBe('connection closed');
    fake.setState('closed');
    fake.setState('ready');
    await settle();
    expect(rt.ui.getState().error).toBeNull();
    expect(rt.cases.getState().error).toBeNull();
    expect(rt.cases.getState().loaded).toBe(true);

    await rt.cases.act((api) => api['cases.accept']({ caseId: 'c1' }));
    expect(rt.cases.getState().error?.message).toBe('case c1 was accepted by another console');
    fake.setState('closed');
    fake.setState('ready');
    await settle();
    expect(lists).toBe(3);
    expect(rt.cases.getState().error?.message).toBe('case c1 was accepted by another console');
    rt.dispose();
  });
});

describe('failure messages', () => {
  it('reads errors, plain IPC error data and anything else', () => {
    expect(message(new ApiError('conflict', 'busy'))).toBe('busy');
    expect(message({ name: 'ApiError', code: 'not_found', message: 'no incident x' })).toBe('no incident x');
    expect(message(42)).toBe('42');
  });
});
