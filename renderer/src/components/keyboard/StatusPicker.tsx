/**
 * S then a digit: the selected unit's new status (a radio report, a unit without a device).
 * 1–7 pick at once; arrows and Enter work too; Escape leaves the unit as it is.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_STATUSES, type UnitStatus } from '../../../../shared/model';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { colourVar } from '../../lib/css';
import { STATUS_COLOURS } from '../../map/palette';

export function StatusPicker() {
  const { t } = useTranslation();
  const { ui, actions } = useRuntime();
  const unitId = useUi((s) => s.selectedUnit);
  const unit = useConsole((d) => (unitId ? d.units.get(unitId) : undefined));
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    (list.current?.querySelector<HTMLButtonElement>('button[aria-pressed="true"]') ?? list.current?.querySelector<HTMLButtonElement>('button'))?.focus();
  }, []);

  const choose = (status: UnitStatus): void => {
    ui.setOverlay(null);
    if (unit) void actions.setUnitStatus(unit.id, status);
  };

  return (
    <div className="qx-overlay" role="dialog" aria-modal="true" aria-labelledby="qx-status-title" onClick={(e) => e.target === e.currentTarget && ui.setOverlay(null)}>
      <div
        ref={list}
        className="qx-picker"
        tabIndex={-1}
        data-testid="status-picker"
        onKeyDown={(e) => {
          const n = Number(e.key);
          if (unit && Number.isInteger(n) && n >= 1 && n <= UNIT_STATUSES.length) {
            e.preventDefault();
            choose(UNIT_STATUSES[n - 1]);
          } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            buttons[(at + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
          } else if (e.key === 'Escape' || e.key.toLowerCase() === 's') {
            e.preventDefault();
            e.stopPropagation();
            ui.setOverlay(null);
          }
        }}
      >
        <h2 className="qx-panel__title" id="qx-status-title">
          {unit ? t('status.title', { unit: unit.name }) : t('status.noUnit')}
        </h2>
        {unit ? (
          <div className="qx-picker__list">
            {UNIT_STATUSES.map((s, i) => (
              <button
                key={s}
                type="button"
                className="qx-picker__item"
                aria-pressed={unit.status === s}
                onClick={() => choose(s)}
                data-testid="status-option"
                data-status={s}
              >
                <kbd>{i + 1}</kbd>
                <span className="qx-status-dot" style={colourVar(STATUS_COLOURS[s])} aria-hidden="true" />
                {t(`unitStatus.${s}`)}
              </button>
            ))}
          </div>
        ) : (
          <p className="qx-hint">{t('status.noUnitHint')}</p>
        )}
      </div>
    </div>
  );
}
