/**
 * Where the incident is, typed: "lat,lon" (also "lat lon", the full-width comma, or lon,lat when
 * only that order is valid) or a place of the basemap (station, block, road, district) by its
 * Chinese or English name. A list of matches opens while typing: ↑/↓ move, Enter or Tab take
 * one, Escape closes the list. The chosen point moves the form's marker and the map.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlaces } from '../../../hooks/places';
import { latLon } from '../../../lib/format';
import { parseLatLon, placeName, searchPlaces, type Place } from '../../../../../shared/domain/places';

export interface LocationState {
  readonly text: string;
  /** False while the text is typed but not yet turned into a point. */
  readonly committed: boolean;
}

/** The point the text names: coordinates, else the best place. */
export function resolveLocation(text: string, places: readonly Place[]): { lat: number; lon: number; place: Place | null } | null {
  const at = parseLatLon(text);
  if (at) return { ...at, place: null };
  const p = searchPlaces(places, text, 1)[0];
  return p ? { lat: p.lat, lon: p.lon, place: p } : null;
}

export function LocationField({
  value,
  onChange,
  onCommit,
  lat,
  lon,
}: {
  value: LocationState;
  onChange: (v: LocationState) => void;
  onCommit: (at: { lat: number; lon: number }, place: Place | null) => void;
  lat: number;
  lon: number;
}) {
  const { t, i18n } = useTranslation();
  const { list } = usePlaces();
  const [active, setActive] = useState(0);
  const id = useId();
  const coords = parseLatLon(value.text);
  const matches = value.committed || coords ? [] : searchPlaces(list, value.text, 8);
  const open = !value.committed && value.text.trim() !== '' && !coords;

  const take = (p: Place): void => {
    onChange({ text: placeName(p, i18n.language), committed: true });
    onCommit(p, p);
  };
  const commitTyped = (): boolean => {
    if (coords) {
      onChange({ text: value.text, committed: true });
      onCommit(coords, null);
      return true;
    }
    const p = matches[Math.min(active, matches.length - 1)];
    if (p) take(p);
    return p !== undefined;
  };

  return (
    <div className="qx-field qx-loc">
      <label htmlFor={`${id}-input`}>{t('form.location')}</label>
      <input
        id={`${id}-input`}
        autoFocus
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && matches.length ? `${id}-${Math.min(active, matches.length - 1)}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('form.locationPlaceholder')}
        value={value.text}
        onChange={(e) => {
          onChange({ text: e.target.value, committed: e.target.value.trim() === '' });
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            if (!open || matches.length === 0) return;
            e.preventDefault();
            setActive((a) => (Math.min(a, matches.length - 1) + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
          } else if (e.key === 'Enter' && !value.committed && value.text.trim()) {
            // Enter takes the place (or the coordinates); the next Enter creates the incident.
            e.preventDefault();
            e.stopPropagation();
            commitTyped();
          } else if (e.key === 'Tab' && open) {
            commitTyped();
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            e.stopPropagation();
            onChange({ text: '', committed: true });
          }
        }}
        data-testid="form-location"
      />
      {open && (
        <ul className="qx-loc__list" id={`${id}-list`} role="listbox" aria-label={t('form.places')} data-testid="place-list">
          {matches.length === 0 && <li className="qx-loc__none">{t('form.noPlace')}</li>}
          {matches.map((p, i) => (
            <li
              key={`${p.kind}|${p.id}`}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === Math.min(active, matches.length - 1)}
              className="qx-loc__opt"
              onMouseDown={(e) => {
                e.preventDefault();
                take(p);
              }}
              data-testid="place-option"
            >
              <span className="qx-loc__name">{placeName(p, i18n.language)}</span>
              <span className="qx-loc__alt">{placeName(p, i18n.language.startsWith('zh') ? 'en' : 'zh')}</span>
              <span className="qx-tag">{t(`place.${p.kind}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="qx-form__where" data-testid="form-coords">
        <span className="qx-mono">{latLon(lat, lon)}</span>
        {!value.text && <span className="qx-hint">{t('form.atMapPoint')}</span>}
      </div>
    </div>
  );
}
