/**
 * The unit status board (B): every unit by agency, with status colours, time in status, the
 * incident it is on and warnings (not acknowledged in 30 s, not en route in 90 s, long on scene);
 * available units per agency and per type. Keyboard: ↑/↓ move between units, Enter (or S) opens
 * the status picker for the focused unit, then 1–7 sets its status.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNames } from '../../hooks/names';
import { useNow } from '../../hooks/now';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { boardGroups } from '../../lib/board';
import { colourVar } from '../../lib/css';
import { BoardRow } from './BoardRow';

export function UnitBoard() {
  const { t } = useTranslation();
  const { ui } = useRuntime();
  const names = useNames();
  const now = useNow();
  const units = useConsole((d) => d.units);
  const orders = useConsole((d) => d.orders);
  const incidents = useConsole((d) => d.incidents);
  const selected = useUi((s) => s.selectedUnit);
  const root = useRef<HTMLElement>(null);
  const groups = useMemo(() => (names.catalog ? boardGroups(units, orders.values(), names.catalog, now) : []), [units, orders, names.catalog, now]);
  const first = groups[0]?.rows[0]?.unit.id ?? null;
  const current = selected !== null && units.has(selected) ? selected : first;
  const warnings = groups.reduce((n, g) => n + g.warnings, 0);

  // The board takes the keyboard when it opens (B): the selected unit's row, else the first.
  useEffect(() => root.current?.querySelector<HTMLElement>('.qx-brow[tabindex="0"]')?.focus(), []);

  const onSelect = useCallback((id: string) => ui.selectUnit(id), [ui]);
  const onOpen = useCallback(
    (id: string) => {
      ui.selectUnit(id);
      ui.setOverlay('status');
    },
    [ui],
  );

  return (
    <section
      ref={root}
      className="qx-uboard"
      aria-labelledby="qx-uboard-title"
      data-testid="unit-board"
      onKeyDown={(e) => {
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        const rows = [...(root.current?.querySelectorAll<HTMLButtonElement>('.qx-brow') ?? [])];
        const at = rows.indexOf(document.activeElement as HTMLButtonElement);
        const next = rows[Math.max(0, Math.min(rows.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
        if (next) {
          e.preventDefault();
          next.focus();
        }
      }}
    >
      <header className="qx-uboard__head">
        <h2 className="qx-panel__title" id="qx-uboard-title">
          {t('board.unitsTitle')}
        </h2>
        <span className={`qx-tag${warnings ? ' qx-tag--warn' : ''}`} data-testid="board-warnings">
          {t('board.warnings', { count: warnings })}
        </span>
        <span className="qx-hint">{t('board.keys')}</span>
      </header>
      <div className="qx-uboard__grid">
        {groups.map((g) => (
          <section
            key={g.agency ?? '-'}
            className="qx-bgroup"
            style={colourVar(names.agencyColour(g.agency))}
            data-testid="board-group"
            data-agency={g.agency ?? 'unregistered'}
          >
            <h3 className="qx-bgroup__head">
              <span className="qx-bgroup__name">{names.agency(g.agency)}</span>
              <span className="qx-bgroup__avail" data-testid="board-available">
                {t('units.available', { n: g.available, total: g.total })}
              </span>
            </h3>
            {g.byType.length > 0 && (
              <p className="qx-bgroup__types">
                {g.byType.map((bt) => (
                  <span key={bt.type} className={bt.available ? '' : 'qx-bgroup__none'} data-testid="board-type" data-type={bt.type}>
                    {names.unitType(bt.type)} <b>{bt.available}</b>
                  </span>
                ))}
              </p>
            )}
            <ul className="qx-bgroup__list">
              {g.rows.map((r) => (
                <BoardRow
                  key={r.unit.id}
                  row={r}
                  names={names}
                  now={now}
                  incidentNumber={r.unit.incidentId ? (incidents.get(r.unit.incidentId)?.number ?? null) : null}
                  selected={r.unit.id === current}
                  onSelect={onSelect}
                  onOpen={onOpen}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
