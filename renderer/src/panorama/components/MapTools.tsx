/**
 * The workstation map's tools, top right: search (F), the layer switcher (L), measuring a
 * distance (M) or an area (Shift+M) with its readout, "what is around here" for the map centre (A)
 * and import/export of entities. Every button says its key; the keys are in usePanoramaKeys.
 */
import { useTranslation } from 'react-i18next';
import { distance } from '../../lib/format';
import { area } from '../format';
import { useRuntime } from '../../hooks/runtime';
import { usePanorama, usePanoramaRt } from '../hooks';
import { usePanoramaKeys } from '../keys';
import type { MeasureResult } from '../map/measure';
import { LayerSwitcher } from './LayerSwitcher';
import { MapSearch } from './MapSearch';

function Readout({ m }: { m: MeasureResult }) {
  const { t } = useTranslation();
  return (
    <div className="qx-pano-measure" data-testid="measure-readout" data-points={m.points} data-length={Math.round(m.length)} data-area={Math.round(m.area)} role="status">
      <span>{t(`panorama.measure.${m.mode}`)}</span>
      <strong>{m.mode === 'distance' ? distance(m.length) : area(m.area)}</strong>
      {m.mode === 'area' && <span className="qx-muted">{t('panorama.measure.perimeter', { d: distance(m.length) })}</span>}
      <span className="qx-muted">{t('panorama.measure.help')}</span>
    </div>
  );
}

export function MapTools() {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  usePanoramaKeys(useRuntime(), pano);
  const tool = usePanorama((s) => s.tool);
  const measure = usePanorama((s) => s.measure);
  const layersOpen = usePanorama((s) => s.layersOpen);
  const button = (key: string, label: string, pressed: boolean, onClick: () => void, testid: string) => (
    <button type="button" className="qx-pano-tools__btn" aria-pressed={pressed} onClick={onClick} data-testid={testid}>
      {label} <kbd>{key}</kbd>
    </button>
  );
  return (
    <div className="qx-pano-tools" role="toolbar" aria-label={t('panorama.tools.label')}>
      <MapSearch />
      <div className="qx-pano-tools__row">
        {button('L', t('panorama.tools.layers'), layersOpen, () => pano.store.setLayersOpen(!layersOpen), 'tool-layers')}
        {button('M', t('panorama.tools.distance'), tool === 'distance', () => pano.store.setTool(tool === 'distance' ? null : 'distance'), 'tool-distance')}
        {button('⇧M', t('panorama.tools.area'), tool === 'area', () => pano.store.setTool(tool === 'area' ? null : 'area'), 'tool-area')}
        {button('A', t('panorama.tools.around'), false, () => pano.aroundCentre(), 'tool-around')}
      </div>
      {tool && measure && <Readout m={measure} />}
      {layersOpen && <LayerSwitcher />}
    </div>
  );
}
