/**
 * Units by agency with the number available, filterable by typing (name, id, type, agency or
 * status, in either language's words as shown). The list is regrouped only when something it
 * shows changes (`unitsListVersion`), not when units merely move, and a row re-renders only when
 * its own shown fields change: a fleet of 20,000 reporting every second costs the list nothing.
 */
import { memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../../../../shared/model';
import { useConsole, useRuntime } from '../../hooks/runtime';
import { useNames, type Names } from '../../hooks/names';
import { colourVar } from '../../lib/css';
import { groupUnits, matchesQuery } from '../../lib/viewmodel';
import { STATUS_COLOURS } from '../../map/palette';
import { shownChange } from '../../store/units-view';

interface UnitRowProps {
  unit: UnitView;
  onSelect: (unitId: string) => void;
  names: Names;
  statusLabel: string;
  /** The number of the incident the unit is assigned to, if any. */
  incidentNumber: number | null;
}

/** Rows ignore a new unit object that only moved. */
const sameRow = (a: UnitRowProps, b: UnitRowProps): boolean =>
  a.names === b.names &&
  a.statusLabel === b.statusLabel &&
  a.incidentNumber === b.incidentNumber &&
  a.onSelect === b.onSelect &&
  (a.unit === b.unit || !shownChange(a.unit, b.unit));

const UnitRow = memo(function UnitRow({ unit, names, statusLabel, incidentNumber, onSelect }: UnitRowProps) {
  return (
    <li
      className={`qx-unit${unit.registered ? '' : ' qx-unit--unregistered'}`}
      data-testid="unit-row"
      data-unit={unit.id}
      data-status={unit.status}
      onClick={() => onSelect(unit.id)}
    >
      <span className="qx-unit__dot" style={colourVar(names.agencyColour(unit.registered ? unit.agency : null))} aria-hidden="true" />
      <span className="qx-unit__name">{unit.name}</span>
      <span className="qx-unit__type">{names.unitType(unit.type)}</span>
      <span className="qx-unit__incident">{incidentNumber !== null && `#${incidentNumber}`}</span>
      <span className="qx-unit__status" style={colourVar(STATUS_COLOURS[unit.status])}>
        {statusLabel}
      </span>
    </li>
  );
}, sameRow);

export function UnitList() {
  const { t } = useTranslation();
  const names = useNames();
  const listVersion = useConsole((d) => d.unitsListVersion);
  const count = useConsole((d) => d.units.size);
  const incidents = useConsole((d) => d.incidents);
  const { ui, store } = useRuntime();
  const onSelect = useCallback((id: string) => ui.selectUnit(id), [ui]);
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query);

  const groups = useMemo(() => {
    if (!names.catalog) return [];
    const units = store.getState().units.values();
    if (q.trim() === '') return groupUnits(units, names.catalog);
    return groupUnits(units, names.catalog, (u) =>
      matchesQuery(q, [u.name, u.id, u.station, names.unitType(u.type), names.agency(u.registered ? u.agency : null), t(`unitStatus.${u.status}`)]),
    );
    // listVersion is the trigger (the units are read from the store when it changes, not on every move).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, listVersion, names, q, t]);

  return (
    <section className="qx-panel qx-units" aria-labelledby="qx-units-title" data-testid="unit-list">
      <h2 className="qx-panel__title" id="qx-units-title">
        {t('units.title')}
        <span className="qx-count">{count}</span>
      </h2>
      <input
        className="qx-search"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setQuery('');
            e.currentTarget.blur();
            e.stopPropagation();
          }
        }}
        placeholder={t('units.filter')}
        aria-label={t('units.filter')}
        data-testid="unit-filter"
      />
      <div className="qx-units__scroll">
        {groups.length === 0 && <p className="qx-empty">{t('units.none')}</p>}
        {groups.map((g) => (
          <section key={g.agency ?? '-'} className="qx-agency" data-testid="unit-group" data-agency={g.agency ?? 'unregistered'}>
            <h3 className="qx-agency__title">
              <span className="qx-unit__dot" style={colourVar(names.agencyColour(g.agency))} aria-hidden="true" />
              <span className="qx-agency__name">{names.agency(g.agency)}</span>
              <span className="qx-agency__count" data-testid="unit-group-available" title={t('units.availableOfTotal')}>
                {t('units.available', { n: g.available, total: g.total })}
              </span>
            </h3>
            <ul className="qx-agency__list">
              {g.units.map((u) => (
                <UnitRow
                  key={u.id}
                  unit={u}
                  names={names}
                  statusLabel={t(`unitStatus.${u.status}`)}
                  incidentNumber={u.incidentId === null ? null : (incidents.get(u.incidentId)?.number ?? null)}
                  onSelect={onSelect}
                />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
