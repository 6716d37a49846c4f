/**
 * The layer switcher (L): one basemap (the console's own city map or a tile map the console
 * serves: MBTiles, PMTiles, online XYZ), GeoJSON overlays, entity layers by kind (grouped by
 * class, with their map colour) and the grid with today's patrol coverage. Plain checkboxes and
 * radio buttons: Tab and Space work, Escape closes.
 */
import { useTranslation } from 'react-i18next';
import { ENTITY_CLASS_OF, ENTITY_CLASSES, ENTITY_KINDS } from '../../../../shared/panorama/model';
import { colourVar } from '../../lib/css';
import { usePanorama, usePanoramaRt } from '../hooks';
import { ENTITY_COLOURS } from '../map/entity-colours';
import { NOT_VISITED_COLOUR, VISITED_COLOUR } from '../map/grid-layer';
import { CITY_BASEMAP } from '../store';

export function LayerSwitcher() {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const maps = usePanorama((s) => s.maps);
  const basemap = usePanorama((s) => s.basemap);
  const overlays = usePanorama((s) => s.overlays);
  const kinds = usePanorama((s) => s.kinds);
  const grid = usePanorama((s) => s.grid);
  const count = usePanorama((s) => s.entityCount);
  const bases = maps.filter((m) => m.type !== 'geojson');
  // The default GeoJSON map is the city basemap the console already draws itself.
  const extra = maps.filter((m) => m.type === 'geojson' && m.source !== 'default');
  return (
    <div
      className="qx-pano-layers"
      data-testid="layer-switcher"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        pano.store.setLayersOpen(false);
        e.stopPropagation();
      }}
    >
      <fieldset>
        <legend>{t('panorama.layers.basemap')}</legend>
        {[{ id: CITY_BASEMAP, name: t('panorama.layers.city'), format: '' }, ...bases].map((m) => (
          <label key={m.id} className="qx-pano-layers__item">
            <input type="radio" name="qx-basemap" checked={basemap === m.id} onChange={() => pano.store.setBasemap(m.id)} data-testid={`basemap-${m.id}`} />
            {m.name} {m.format && <span className="qx-muted">{m.format.toUpperCase()}</span>}
          </label>
        ))}
      </fieldset>
      {extra.length > 0 && (
        <fieldset>
          <legend>{t('panorama.layers.overlays')}</legend>
          {extra.map((m) => (
            <label key={m.id} className="qx-pano-layers__item">
              <input type="checkbox" checked={overlays.has(m.id)} onChange={() => pano.store.toggleOverlay(m.id)} data-testid={`overlay-${m.id}`} />
              {m.name}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>
          {t('panorama.layers.entities')} <span className="qx-muted">{count.toLocaleString()}</span>
        </legend>
        {ENTITY_CLASSES.map((c) => (
          <div key={c} className="qx-pano-layers__group">
            <span className="qx-pano-layers__class">{t(`panorama.class.${c}`)}</span>
            {ENTITY_KINDS.filter((k) => ENTITY_CLASS_OF[k] === c).map((k) => (
              <label key={k} className="qx-pano-layers__item">
                <input type="checkbox" checked={kinds.has(k)} onChange={() => pano.store.toggleKind(k)} data-testid={`kind-${k}`} />
                <i className="qx-pano-dot" style={colourVar(ENTITY_COLOURS[k])} />
                {t(`panorama.kind.${k}`)}
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('panorama.layers.grid')}</legend>
        <label className="qx-pano-layers__item">
          <input type="checkbox" checked={grid} onChange={() => pano.store.toggleGrid()} data-testid="layer-grid" />
          <i className="qx-pano-dot" style={colourVar(VISITED_COLOUR)} /> {t('panorama.grid.visited')}
          <i className="qx-pano-dot" style={colourVar(NOT_VISITED_COLOUR)} /> {t('panorama.grid.notVisited')}
        </label>
      </fieldset>
      {!pano.readOnly() && (
      <button type="button" className="qx-btn qx-btn--ghost" onClick={() => pano.store.openCard({ kind: 'data' })} data-testid="open-data">
        {t('panorama.data.open')}
      </button>
      )}
    </div>
  );
}
