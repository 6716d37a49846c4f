/**
 * Search on the map (F): coordinates in either order ("104.40,31.13" or "31.13 104.40"), a place
 * of the basemap, or an entity by name or address. ↑/↓ move in the list, Enter goes there (and,
 * for a point, shows what is around it), Escape leaves the box.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityView } from '../../../../shared/panorama/model';
import { usePlaces } from '../../hooks/places';
import { latLon } from '../../lib/format';
import { parseLatLon, placeName, searchPlaces } from '../../../../shared/domain/places';
import { usePanorama, usePanoramaRt } from '../hooks';

interface Hit {
  readonly key: string;
  readonly label: string;
  readonly sub: string;
  readonly lat: number;
  readonly lon: number;
  readonly entity?: EntityView;
}

export function MapSearch() {
  const { t, i18n } = useTranslation();
  const pano = usePanoramaRt();
  const { list } = usePlaces();
  const focus = usePanorama((s) => s.searchFocus);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  /** Entities matching a query (the list belongs to that query only). */
  const [found, setFound] = useState<{ q: string; list: readonly EntityView[] }>({ q: '', list: [] });
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    if (focus > 0) input.current?.focus();
  }, [focus]);
  const coords = parseLatLon(text);
  const entities = found.q === text.trim() ? found.list : [];
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || parseLatLon(q)) return;
    const timer = setTimeout(() => void pano.api['entities.list']({ q, limit: 6 }).then((r) => setFound({ q, list: r.entities }), () => undefined), 200);
    return () => clearTimeout(timer);
  }, [text, pano]);

  const hits: Hit[] = coords
    ? [{ key: 'coords', label: latLon(coords.lat, coords.lon), sub: t('panorama.search.coords'), ...coords }]
    : [
        ...searchPlaces(list, text, 6).map((p) => ({ key: p.id, label: placeName(p, i18n.language), sub: t(`panorama.search.place.${p.kind}`), lat: p.lat, lon: p.lon })),
        ...entities.map((e) => ({ key: e.id, label: e.name, sub: t(`panorama.kind.${e.kind}`), lat: e.lat, lon: e.lon, entity: e })),
      ];
  const go = (h: Hit): void => {
    pano.store.flyTo(h.lat, h.lon, 17);
    if (h.entity) pano.store.openCard({ kind: h.entity.kind === 'camera' ? 'camera' : 'entity', id: h.entity.id });
    else pano.store.openCard({ kind: 'around', lat: h.lat, lon: h.lon });
    setText('');
    input.current?.blur();
  };
  const open = text.trim() !== '';
  const at = Math.min(active, Math.max(0, hits.length - 1));

  return (
    <div className="qx-pano-search">
      <input
        ref={input}
        role="combobox"
        aria-label={t('panorama.search.label')}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && hits.length ? `${id}-${at}` : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('panorama.search.placeholder')}
        value={text}
        data-testid="map-search"
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') setActive((a) => Math.max(0, Math.min(hits.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
          else if (e.key === 'Enter' && hits[at]) go(hits[at]);
          else if (e.key === 'Escape') {
            setText('');
            e.currentTarget.blur();
          } else return;
          e.preventDefault();
          e.stopPropagation();
        }}
      />
      {open && (
        <ul className="qx-pano-search__list" role="listbox" id={`${id}-list`} data-testid="map-search-results">
          {hits.length === 0 && <li className="qx-muted">{t('panorama.search.none')}</li>}
          {hits.map((h, i) => (
            <li key={h.key} id={`${id}-${i}`} role="option" aria-selected={i === at} onMouseDown={(e) => e.preventDefault()} onClick={() => go(h)}>
              <span>{h.label}</span> <span className="qx-muted">{h.sub}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
