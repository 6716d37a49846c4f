/**
 * One unit on the status board: status colour, time in status (ticking), the incident it is
 * on, and its timer warning. A button: Enter or S opens the status picker for it.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardUnitRow } from '../../lib/board';
import type { Names } from '../../hooks/names';
import { colourVar } from '../../lib/css';
import { span } from '../../lib/format';
import { STATUS_COLOURS } from '../../map/palette';

export const BoardRow = memo(function BoardRow({
  row,
  names,
  now,
  incidentNumber,
  selected,
  onSelect,
  onOpen,
}: {
  row: BoardUnitRow;
  names: Names;
  now: number;
  incidentNumber: number | null;
  selected: boolean;
  onSelect: (unitId: string) => void;
  onOpen: (unitId: string) => void;
}) {
  const { t } = useTranslation();
  const { unit, warning } = row;
  return (
    <li>
      <button
        type="button"
        className={`qx-brow${warning ? ' qx-brow--warn' : ''}`}
        tabIndex={selected ? 0 : -1}
        aria-current={selected}
        style={colourVar(STATUS_COLOURS[unit.status])}
        onFocus={() => onSelect(unit.id)}
        onClick={() => onOpen(unit.id)}
        data-testid="board-unit"
        data-unit={unit.id}
        data-status={unit.status}
        data-warning={warning ?? ''}
      >
        <span className="qx-brow__status">{t(`unitStatus.${unit.status}`)}</span>
        <span className="qx-brow__name" title={`${unit.name} · ${names.unitType(unit.type)}`}>
          {unit.name}
        </span>
        <span className="qx-brow__id qx-mono">{unit.id}</span>
        <span className="qx-brow__incident">{incidentNumber !== null && `#${incidentNumber}`}</span>
        <span className="qx-brow__time qx-mono" title={t('board.timeInStatus')}>
          {span(now - unit.statusSince)}
        </span>
        {warning && (
          <span className="qx-brow__warning" role="img" aria-label={t(`warn.${warning}`)} data-testid="board-warning">
            {t(`warn.${warning}`)}
          </span>
        )}
      </button>
    </li>
  );
});
