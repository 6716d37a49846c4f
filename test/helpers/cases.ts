/** A case desk on an in-memory store with a settable clock, and generated histories for tests and the bench. */
import { join } from 'node:path';
import { CaseService } from '../../electron/core/cases/service';
import { generateHistory, type HistoryOptions, type PlannedCase } from '../../electron/core/cases/history';
import { Store } from '../../electron/core/store/store';
import { WarningService } from '../../electron/core/warnings/warnings';
import type { Push } from '../../shared/api';

export const RESOURCES = join(import.meta.dirname, '../../resources');

export interface CaseDeskHarness {
  readonly store: Store;
  readonly warnings: WarningService;
  readonly cases: CaseService;
  readonly clock: { t: number };
  readonly pushes: Push[];
}

export function caseDesk(start: number, file = ':memory:', pushCases = true): CaseDeskHarness {
  const clock = { t: start };
  const now = (): number => clock.t;
  const store = new Store({ file, consoleId: 'test', now });
  const pushes: Push[] = [];
  const push = (p: Push): void => void pushes.push(p);
  const warnings = new WarningService(store, { consoleId: 'test', push, now });
  const cases = new CaseService(store, warnings, { consoleId: 'test', push, now, resourcesDir: RESOURCES, mapFile: join(RESOURCES, 'map', 'training-city.geojson'), pushCases });
  return { store, warnings, cases, clock, pushes };
}

export function historyDesk(o: HistoryOptions, file?: string): CaseDeskHarness & { plan: PlannedCase[] } {
  const h = caseDesk(o.start, file, false);
  const plan = generateHistory(h.cases, h.clock, o);
  h.pushes.length = 0;
  return { ...h, plan };
}
