/** Free / committed / out-of-service units per agency: the hall's capacity at a glance. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNames } from '../../hooks/names';
import { useConsole, useRuntime } from '../../hooks/runtime';
import { statusBoard } from '../../lib/board';
import { colourVar } from '../../lib/css';

export function StatusBoard() {
  const { t } = useTranslation();
  const names = useNames();
  const { store } = useRuntime();
  // Regrouped when a status or assignment changes, not when units only move.
  const listVersion = useConsole((d) => d.unitsListVersion);
  const rows = useMemo(
    () => (names.catalog ? statusBoard(store.getState().units.values(), names.catalog) : []),
    // listVersion is the trigger (the units are read from the store when it changes).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, listVersion, names.catalog],
  );
  if (rows.length === 0) return null;
  return (
    <section className="qx-panel qx-board" aria-labelledby="qx-board-title" data-testid="status-board">
      <h2 className="qx-panel__title" id="qx-board-title">
        {t('board.title')}
      </h2>
      <table className="qx-board__table">
        <thead>
          <tr>
            <th>{t('board.agency')}</th>
            <th className="qx-num">{t('board.free')}</th>
            <th className="qx-num">{t('board.committed')}</th>
            <th className="qx-num">{t('board.out')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.agency} data-agency={r.agency}>
              <td>
                <span className="qx-unit__dot" style={colourVar(names.agencyColour(r.agency))} aria-hidden="true" /> {names.agency(r.agency)}
              </td>
              <td className="qx-num qx-board__free">
                {r.free}
                <span className="qx-muted">/{r.total}</span>
              </td>
              <td className={`qx-num${r.committed ? ' qx-board__committed' : ' qx-muted'}`}>{r.committed}</td>
              <td className={`qx-num${r.out ? ' qx-board__out' : ' qx-muted'}`}>{r.out}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
