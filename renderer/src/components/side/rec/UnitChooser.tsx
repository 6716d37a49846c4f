/**
 * A short list of available units of one type, nearest first, to swap a pick for or to add:
 * ↑/↓ move, Enter takes, Escape closes. The first one has the focus when it opens.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LatLon } from '../../../../../shared/geo';
import type { UnitView } from '../../../../../shared/model';
import { usePlaces } from '../../../hooks/places';
import { useConsole } from '../../../hooks/runtime';
import { candidates } from '../../../lib/draft';
import { distance } from '../../../lib/format';
import { placeName } from '../../../../../shared/domain/places';

export function UnitChooser({
  unitType,
  at,
  exclude,
  title,
  onPick,
  onClose,
}: {
  unitType: string;
  at: LatLon;
  exclude: ReadonlySet<string>;
  title: string;
  onPick: (u: UnitView) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const units = useConsole((d) => d.units);
  const { byId } = usePlaces();
  const list = useMemo(() => candidates(units.values(), unitType, at, exclude), [units, unitType, at, exclude]);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    (box.current?.querySelector<HTMLButtonElement>('button.qx-chooser__opt') ?? box.current)?.focus();
  }, [unitType]);

  return (
    <div
      ref={box}
      className="qx-chooser"
      role="group"
      aria-label={title}
      tabIndex={-1}
      data-testid="unit-chooser"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const opts = [...(box.current?.querySelectorAll<HTMLButtonElement>('button.qx-chooser__opt') ?? [])];
          const i = opts.indexOf(document.activeElement as HTMLButtonElement);
          opts[(i + (e.key === 'ArrowDown' ? 1 : opts.length - 1)) % opts.length]?.focus();
        }
      }}
    >
      <p className="qx-chooser__title">{title}</p>
      {list.length === 0 && <p className="qx-empty">{t('rec.noCandidates')}</p>}
      {list.map((c) => {
        const station = c.unit.station ? byId.get(c.unit.station) : undefined;
        return (
          <button key={c.unit.id} type="button" className="qx-chooser__opt" onClick={() => onPick(c.unit)} data-testid="chooser-option" data-unit={c.unit.id}>
            <span className="qx-chooser__name">{c.unit.name}</span>
            <span className="qx-muted">{station ? placeName(station, i18n.language) : (c.unit.station ?? '')}</span>
            <span className="qx-mono">{distance(c.distanceM)}</span>
          </button>
        );
      })}
      <button type="button" className="qx-btn qx-btn--ghost qx-chooser__cancel" onClick={onClose}>
        {t('rec.chooserClose')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}
