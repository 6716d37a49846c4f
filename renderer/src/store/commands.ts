/**
 * Runs a parsed command line: resolves incident numbers, unit ids and places against what the
 * console holds, then calls the same operations the panels use. Resolves with what to say on
 * success (an i18n key under `cmd.ok.`); throws a LocalError or ApiError to show inline.
 */
import i18next from 'i18next';
import { activeOrder } from '../../../shared/domain/status-board';
import type { IncidentView, UnitView } from '../../../shared/model';
import type { Command } from '../lib/command';
import { draftUnitIds } from '../lib/draft';
import { placeName, searchPlaces, type Place } from '../../../shared/domain/places';
import type { ConsoleStore } from './console-store';
import { LocalError, type Operations } from './operations';
import type { UiStore } from './ui-store';

export interface CommandDeps {
  readonly ops: Operations;
  readonly store: ConsoleStore;
  readonly ui: UiStore;
  readonly places: () => readonly Place[];
}

export interface Outcome {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

function incidentNo(store: ConsoleStore, n: number): IncidentView {
  for (const i of store.getState().incidents.values()) if (i.number === n) return i;
  throw new LocalError('cmd.err.noIncident', { n });
}

function unitById(store: ConsoleStore, id: string): UnitView {
  const units = store.getState().units;
  const exact = units.get(id);
  if (exact) return exact;
  const lower = id.toLowerCase();
  for (const u of units.values()) if (u.id.toLowerCase() === lower) return u;
  throw new LocalError('cmd.err.noUnit', { unit: id });
}

const ok = (key: string, params: Outcome['params'] = {}): Outcome => ({ key: `cmd.ok.${key}`, params });

export async function runCommand(cmd: Command, deps: CommandDeps): Promise<Outcome> {
  const { ops, store, ui } = deps;
  switch (cmd.kind) {
    case 'help':
      ui.setOverlay('help');
      return ok('help');
    case 'open': {
      const i = incidentNo(store, cmd.incident);
      await ops.select(i.id, true);
      return ok('open', { n: i.number });
    }
    case 'dispatch': {
      const i = incidentNo(store, cmd.incident);
      // What the panel shows (with the dispatcher's edits) while the incident is new; else a fresh plan.
      let draft = i.status === 'new' ? ui.getState().drafts.get(i.id) : undefined;
      if (!draft) {
        await ops.recommend(i.id);
        draft = ui.getState().drafts.get(i.id);
      }
      const ids = draft ? draftUnitIds(draft) : [];
      if (ids.length === 0) throw new LocalError('cmd.err.nothingToDispatch', { n: i.number });
      const orders = await ops.dispatch(i.id, ids);
      if (ui.getState().panel.kind !== 'incident') ui.select(i.id, true);
      return ok('dispatch', { n: i.number, count: orders.length });
    }
    case 'escalate': {
      const i = incidentNo(store, cmd.incident);
      const e = await ops.escalate(i.id);
      return ok('escalate', { n: i.number, level: e.level, count: e.orders.length });
    }
    case 'underControl': {
      const i = incidentNo(store, cmd.incident);
      await ops.setIncidentStatus(i.id, 'under_control');
      return ok('underControl', { n: i.number });
    }
    case 'close': {
      const i = incidentNo(store, cmd.incident);
      await ops.setIncidentStatus(i.id, 'closed', cmd.disposition);
      return ok('close', { n: i.number, disposition: i18next.t(`disposition.${cmd.disposition}`) });
    }
    case 'unitStatus': {
      const u = unitById(store, cmd.unit);
      await ops.setUnitStatus(u.id, cmd.status);
      return ok('unitStatus', { unit: u.name, status: i18next.t(`unitStatus.${cmd.status}`) });
    }
    case 'reassign': {
      const u = unitById(store, cmd.unit);
      const i = incidentNo(store, cmd.incident);
      await ops.reassign(u.id, i.id, cmd.reason);
      return ok('reassign', { unit: u.name, n: i.number });
    }
    case 'cancel': {
      const u = unitById(store, cmd.unit);
      const o = activeOrder(u, store.getState().orders.values());
      if (!o || o.state === 'cancelled' || o.clearedAt !== null) throw new LocalError('cmd.err.noOrder', { unit: u.name });
      await ops.cancelOrder(o.id, cmd.reason);
      return ok('cancel', { unit: u.name });
    }
    case 'new': {
      const place = cmd.at ? null : (searchPlaces(deps.places(), cmd.place, 1)[0] ?? null);
      const at = cmd.at ?? place;
      if (!at) throw new LocalError('cmd.err.noPlace', { place: cmd.place });
      const address = place ? placeName(place, i18next.language || 'zh-CN') : undefined;
      const i = await ops.createIncident({ type: cmd.type, lat: at.lat, lon: at.lon, ...(address ? { address } : {}) });
      return ok('new', { n: i.number });
    }
    case 'link': {
      const a = incidentNo(store, cmd.incident);
      const b = incidentNo(store, cmd.other);
      await ops.link(a.id, b.id, 'duplicate');
      return ok('link', { n: a.number, other: b.number });
    }
  }
}
