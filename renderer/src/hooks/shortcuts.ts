/**
 * The console's global keys (listed in lib/shortcuts.ts and the help overlay). Keys never fire
 * while the dispatcher is typing in a field, except Escape and Ctrl+K; overlays (help, command
 * line, status picker) handle their own keys while open.
 */
import { useEffect, type RefObject } from 'react';
import type { ConsoleMap } from '../map/console-map';
import { awaitingReplacement } from '../lib/lifecycle';
import { openIncidents, ordersOf } from '../lib/viewmodel';
import type { Runtime } from '../store/runtime';
import { caseDeskKey } from './case-keys';

/** True when a key press is typing, which must never trigger a shortcut. */
export function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The incident after (or before) the selected one in the queue's order. */
function step(rt: Runtime, by: 1 | -1): string | null {
  const list = openIncidents(rt.store.getState().incidents);
  if (list.length === 0) return null;
  const panel = rt.ui.getState().panel;
  const at = panel.kind === 'incident' ? list.findIndex((i) => i.id === panel.id) : -1;
  const next = at === -1 ? (by === 1 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + by));
  return list[next].id;
}

export function useShortcuts(rt: Runtime, map: RefObject<ConsoleMap | null>): void {
  useEffect(() => {
    const { ui, store, actions } = rt;
    const selected = (): string | null => {
      const p = ui.getState().panel;
      return p.kind === 'incident' ? p.id : null;
    };
    const onKey = (e: KeyboardEvent): void => {
      const s = ui.getState();
      if (e.key === 'Escape') {
        const desk = rt.cases.getState();
        if (s.overlay) ui.setOverlay(null);
        else if (desk.picking) {
          // Picking a hotline case's place on the map: back to the form without one.
          rt.cases.setPicking(false);
          ui.setView('cases');
        } else if (s.diagnosticsOpen) ui.setDiagnostics(false);
        else if ((s.view === 'cases' || s.view === 'kpi') && desk.side.kind !== 'idle') rt.cases.closeSide();
        else if (s.linkOpen) ui.setLinkOpen(false);
        else if (s.sideTab !== 'action') ui.setSideTab('action');
        else if (s.panel.kind !== 'idle') ui.close();
        return;
      }
      // The diagnostics dialog is modal: behind it the console's keys rest; D (or Esc) closes it.
      if (s.diagnosticsOpen) {
        if (e.key.toLowerCase() === 'd' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) ui.setDiagnostics(false);
        return;
      }
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        ui.setOverlay('command');
        return;
      }
      if (s.overlay || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const id = selected();
      // On the case desk N, J, K and the case keys act on cases (hooks/case-keys.ts).
      if ((s.view === 'cases' || s.view === 'kpi') && caseDeskKey(rt, e)) {
        e.preventDefault();
        return;
      }
      const handled = ((): boolean => {
        switch (e.key) {
          case ':':
            ui.setOverlay('command');
            return true;
          case '?':
            ui.setOverlay('help');
            return true;
          case '/':
            document.querySelector<HTMLInputElement>('[data-testid="unit-filter"]')?.focus();
            return true;
        }
        if (e.shiftKey && e.key.toLowerCase() === 'n') {
          if (id) ui.requestFocus('note');
          return id !== null;
        }
        if (e.shiftKey) return false;
        switch (e.key.toLowerCase()) {
          case 'n': {
            const c = map.current?.centre();
            if (c) {
              ui.setView('map');
              ui.openNew(c.lat, c.lon);
            }
            return c !== undefined;
          }
          case 'j':
          case 'k': {
            const next = step(rt, e.key.toLowerCase() === 'j' ? 1 : -1);
            if (next) void actions.select(next, true);
            return true;
          }
          case 'e': {
            // Only once dispatched: a new incident's plan is sent with Enter first.
            const status = id ? store.getState().incidents.get(id)?.status : undefined;
            if (id && status !== 'new' && status !== 'closed') void actions.escalate(id);
            return id !== null;
          }
          case 'r': {
            if (!id) return false;
            const { orders, units } = store.getState();
            const failed = awaitingReplacement(ordersOf(orders, id), units);
            const first = [...failed][0];
            if (first) void actions.replaceOrder(first);
            return true;
          }
          case 'u':
            if (id) void actions.setIncidentStatus(id, 'under_control');
            return id !== null;
          case 'c':
            if (id) ui.requestFocus('close');
            return id !== null;
          case 's':
            ui.setOverlay('status');
            return true;
          case 'b': {
            const board = s.view !== 'board';
            ui.setView(board ? 'board' : 'map');
            return true;
          }
          case 'q':
          case 'p': {
            // The case desk (Q) or its dashboard (P); the same key goes back to the map.
            const desk = e.key.toLowerCase() === 'q' ? 'cases' : 'kpi';
            ui.setView(s.view === desk ? 'map' : desk);
            return true;
          }
          case 'd':
            ui.setDiagnostics(!s.diagnosticsOpen);
            return true;
          case 'w':
          case 'i': {
            // Warnings (W) or citizen reports (I) in the right column; the same key goes back.
            const tab = e.key.toLowerCase() === 'w' ? 'warnings' : 'reports';
            if (s.sideTab === tab) ui.setSideTab('action');
            else ui.setSideTab(tab, true);
            return true;
          }
          default:
            return false;
        }
      })();
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rt, map]);
}
