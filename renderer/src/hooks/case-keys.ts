/**
 * Keys on the case desk (called by hooks/shortcuts.ts before the console's own keys, only while
 * the desk or its dashboard shows and nobody is typing): N a new hotline case, J/K the
 * next or previous case in the queue's order, A accepts the case at hand.
 */
import { queueOf } from '../lib/cases';
import type { Runtime } from '../store/runtime';

export function caseDeskKey(rt: Runtime, e: KeyboardEvent): boolean {
  const { cases, ui } = rt;
  if (e.shiftKey) return false;
  const s = cases.getState();
  const side = s.side;
  switch (e.key.toLowerCase()) {
    case 'n':
      ui.setView('cases');
      cases.openForm();
      return true;
    case 'j':
    case 'k': {
      if (ui.getState().view !== 'cases') return false;
      const list = queueOf(s.list.values(), s.filters, s.catalog, Date.now());
      if (list.length === 0) return true;
      const at = side.kind === 'case' ? list.findIndex((c) => c.id === side.id) : -1;
      const by = e.key.toLowerCase() === 'j' ? 1 : -1;
      const next = at === -1 ? (by === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + by));
      cases.select(list[next].id);
      document.querySelector<HTMLElement>(`[data-testid="case-row"][data-case="${list[next].id}"]`)?.focus();
      return true;
    }
    case 'a': {
      const c = side.kind === 'case' ? s.list.get(side.id) : undefined;
      if (c?.status !== 'assigned') return false;
      void cases.act((api) => api['cases.accept']({ caseId: c.id }));
      return true;
    }
    default:
      return false;
  }
}
