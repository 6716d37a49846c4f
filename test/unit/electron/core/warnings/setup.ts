/** A warning service over an in-memory store with a hand-driven clock, recording its pushes. */
import type { Push } from '../../../../../shared/api';
import type { ReportView, WarningView } from '../../../../../shared/model';
import type { SensorDef } from '../../../../../shared/schemas/field';
import { Store } from '../../../../../electron/core/store/store';
import { WarningService, type WarningServiceOptions } from '../../../../../electron/core/warnings/warnings';

export const T0 = Date.UTC(2026, 6, 1, 0, 0, 0);
export const dispatcher = { actor: 'li.wei', consoleId: 'ws-1', role: 'supervisor' as const };

export const gauge: SensorDef = { id: 'WL-01', name: '滨江一段水位站', kind: 'water_level', lat: 31.1154, lon: 104.357, unit: 'm', warning: 4, alarm: 5 };

export function setup(opts: Partial<WarningServiceOptions> = {}) {
  const clock = { t: T0 };
  const store = new Store({ file: ':memory:', consoleId: 'ws-1', now: () => clock.t });
  const pushes: Push[] = [];
  const svc = new WarningService(store, { consoleId: 'ws-1', push: (p) => pushes.push(p), ...opts });
  return {
    clock,
    store,
    svc,
    pushes,
    /** The types of the events logged so far, in order. */
    eventTypes: () => store.events().map((e) => e.type),
    pushedWarnings: (): WarningView[] => pushes.flatMap((p) => (p.kind === 'warning' ? [p.warning] : [])),
    pushedReports: (): ReportView[] => pushes.flatMap((p) => (p.kind === 'report' ? [p.report] : [])),
  };
}
