/**
 * Units by agency with the number available, filterable by typing (name, id, type, agency or
 * status, in either language's words as shown). The list is regrouped only when something it
 * shows changes (`unitsListVersion`), not when units merely move, and a row re-renders only when
 * its own shown fields change: a fleet of 20,000 reporting every second costs the list nothing.
 * Only the lines in view (and a few beyond) are in the document: 20,000 rows laid out and painted
 * would make every frame of the whole page cost tens of milliseconds. The heading of the group in
 * view sticks to the top.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useDeferredValue, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../../../../shared/model';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { useNames, type Names } from '../../hooks/names';
import { colourVar } from '../../lib/css';
import { groupUnits, matchesQuery, unitListItems, type UnitGroup } from '../../lib/viewmodel';
import { STATUS_COLOURS } from '../../map/palette';
import { shownChange } from '../../store/units-view';

interface UnitRowProps {
  unit: UnitView;
  /** Where the virtual list places the row, and its index for measuring. */
  style: CSSProperties;
  index: number;
  measure: (el: HTMLElement | null) => void;
  onSelect: (unitId: string) => void;
  names: Names;
  statusLabel: string;
  /** The number of the incident the unit is assigned to, if any. */
  incidentNumber: number | null;
  selected: boolean;
}

/** Rows ignore a new unit object that only moved. */
const sameRow = (a: UnitRowProps, b: UnitRowProps): boolean =>
  a.names === b.names &&
  a.statusLabel === b.statusLabel &&
  a.incidentNumber === b.incidentNumber &&
  a.selected === b.selected &&
  a.onSelect === b.onSelect &&
  a.index === b.index &&
  a.style.transform === b.style.transform &&
  (a.unit === b.unit || !shownChange(a.unit, b.unit));

const UnitRow = memo(function UnitRow({ unit, names, statusLabel, incidentNumber, selected, onSelect, style, index, measure }: UnitRowProps) {
  return (
    <div
      ref={measure}
      role="listitem"
      data-index={index}
      style={style}
      aria-current={selected || undefined}
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
    </div>
  );
}, sameRow);

function GroupHeading({ group, names, first }: { group: UnitGroup; names: Names; first: boolean }) {
  const { t } = useTranslation();
  return (
    <h3 className={`qx-agency__title${first ? '' : ' qx-agency__title--next'}`} data-testid="unit-group" data-agency={group.agency ?? 'unregistered'}>
      <span className="qx-unit__dot" style={colourVar(names.agencyColour(group.agency))} aria-hidden="true" />
      <span className="qx-agency__name">{names.agency(group.agency)}</span>
      <span className="qx-agency__count" data-testid="unit-group-available" title={t('units.availableOfTotal')}>
        {t('units.available', { n: group.available, total: group.total })}
      </span>
    </h3>
  );
}

/** Heights before a line is measured, CSS pixels (a row; a heading with the gap above it). */
const ROW_PX = 27;
const HEADING_PX = 38;

export function UnitList() {
  const { t } = useTranslation();
  const names = useNames();
  const listVersion = useConsole((d) => d.unitsListVersion);
  const count = useConsole((d) => d.units.size);
  const incidents = useConsole((d) => d.incidents);
  const { ui, store } = useRuntime();
  const selected = useUi((s) => s.selectedUnit);
  const onSelect = useCallback((id: string) => ui.selectUnit(id), [ui]);
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query);

  // What the search box matches, in either language's words as shown.
  const matcher = useCallback(
    (text: string): ((u: UnitView) => boolean) | undefined =>
      text.trim() === ''
        ? undefined
        : (u) => matchesQuery(text, [u.name, u.id, u.station, names.unitType(u.type), names.agency(u.registered ? u.agency : null), t(`unitStatus.${u.status}`)]),
    [names, t],
  );
  const groups = useMemo(
    () => (names.catalog ? groupUnits(store.getState().units.values(), names.catalog, matcher(q)) : []),
    // listVersion is the trigger (the units are read from the store when it changes, not on every move).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, listVersion, names.catalog, matcher, q],
  );
  /** Enter in the search box: the first unit the text typed so far matches (the list may still be catching up). */
  const selectFirst = (): void => {
    if (!names.catalog) return;
    const first = groupUnits(store.getState().units.values(), names.catalog, matcher(query))[0]?.units[0];
    if (first) onSelect(first.id);
  };
  const { items, headings } = useMemo(() => unitListItems(groups), [groups]);

  const scroller = useRef<HTMLDivElement>(null);
  // The heading of the group at the top of the view is always drawn (it sticks), with the lines in view.
  const sticky = useRef(0);
  const rangeExtractor = useCallback(
    (range: Range) => {
      let active = 0;
      for (const h of headings) if (h <= range.startIndex) active = h;
      sticky.current = active;
      const lines = defaultRangeExtractor(range);
      return lines.includes(active) ? lines : [active, ...lines];
    },
    [headings],
  );
  // The console is not built with the React Compiler (the rule's concern): the virtualizer re-renders
  // this component itself when the list scrolls or a line's measured height changes.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (items[i].kind === 'group' ? HEADING_PX : ROW_PX),
    getItemKey: (i) => {
      const item = items[i];
      return item.kind === 'group' ? `g:${item.group.agency ?? '-'}` : item.unit.id;
    },
    overscan: 12,
    rangeExtractor,
  });

  return (
    <section className="qx-panel qx-units" aria-labelledby="qx-units-title" data-testid="unit-list">
      <h2 className="qx-panel__title" id="qx-units-title">
        {t('units.title')}
        <span className="qx-count" data-testid="unit-count">
          {count}
        </span>
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
          } else if (e.key === 'Enter') {
            selectFirst(); // keyboard-first: type a unit's id or name, Enter selects it
          }
        }}
        placeholder={t('units.filter')}
        aria-label={t('units.filter')}
        data-testid="unit-filter"
      />
      <div className="qx-units__scroll" ref={scroller} data-testid="unit-list-scroll">
        {groups.length === 0 && <p className="qx-empty">{t('units.none')}</p>}
        <div className="qx-units__lines" role="list" aria-label={t('units.title')} style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((line) => {
            const item = items[line.index];
            if (item.kind === 'group') {
              const stuck = line.index === sticky.current;
              return (
                <div
                  key={line.key}
                  ref={virtual.measureElement}
                  data-index={line.index}
                  role="presentation"
                  className={stuck ? 'qx-units__heading qx-units__heading--stuck' : 'qx-units__heading'}
                  style={stuck ? undefined : { transform: `translateY(${line.start}px)` }}
                >
                  <GroupHeading group={item.group} names={names} first={item.first} />
                </div>
              );
            }
            const u = item.unit;
            return (
              <UnitRow
                key={line.key}
                index={line.index}
                measure={virtual.measureElement}
                style={{ transform: `translateY(${line.start}px)` }}
                unit={u}
                names={names}
                statusLabel={t(`unitStatus.${u.status}`)}
                incidentNumber={u.incidentId === null ? null : (incidents.get(u.incidentId)?.number ?? null)}
                selected={u.id === selected}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}
