/**
 * A compact legend over the map: what the unit rings and incident colours mean, and switches for
 * the risk layers (sensors by level, warning areas, citizen reports) that also explain them.
 */
import { useTranslation } from 'react-i18next';
import type { SensorLevel, UnitStatus } from '../../../shared/model';
import { useRuntime, useUi } from '../hooks/runtime';
import { colourVar } from '../lib/css';
import type { PriorityBand } from '../lib/format';
import type { RiskLayer } from '../store/ui-store';
import { CaseStageSymbols } from './CaseLegend';
import { PRIORITY_COLOURS, SENSOR_LEVEL_COLOURS, SEVERITY_COLOURS, STATUS_COLOURS, UNREGISTERED_COLOUR } from './palette';

const STATUSES: readonly UnitStatus[] = ['available', 'en_route', 'on_scene', 'out_of_service'];
const BANDS: readonly PriorityBand[] = ['critical', 'high', 'normal'];
const LEVELS: readonly SensorLevel[] = ['normal', 'warning', 'alarm'];
const RISK_LAYERS: readonly RiskLayer[] = ['sensors', 'warnings', 'reports', 'cases', 'heatmap'];
/** The case desk's layers keep their texts with the desk's. */
const LAYER_LABELS: Readonly<Partial<Record<RiskLayer, string>>> = { cases: 'cases.map.cases', heatmap: 'cases.map.heatmap' };

function LayerSymbol({ layer }: { layer: RiskLayer }) {
  if (layer === 'sensors')
    return (
      <>
        {LEVELS.map((l) => (
          <i key={l} className="qx-legend__square" style={colourVar(SENSOR_LEVEL_COLOURS[l])} />
        ))}
      </>
    );
  if (layer === 'warnings') return <i className="qx-legend__area" style={colourVar(SEVERITY_COLOURS.severe)} />;
  if (layer === 'cases') return <CaseStageSymbols />;
  if (layer === 'heatmap') return <i className="qx-legend__heat" />;
  return <i className="qx-legend__star" />;
}

export function MapLegend() {
  const { t } = useTranslation();
  const { ui } = useRuntime();
  const layers = useUi((s) => s.layers);
  return (
    <div className="qx-legend" aria-label={t('map.legend')}>
      {STATUSES.map((s) => (
        <span key={s} className="qx-legend__item">
          <i className="qx-legend__ring" style={colourVar(STATUS_COLOURS[s])} />
          {t(`unitStatus.${s}`)}
        </span>
      ))}
      <span className="qx-legend__item">
        <i className="qx-legend__ring qx-legend__ring--hollow" style={colourVar(UNREGISTERED_COLOUR)} />
        {t('units.unregistered')}
      </span>
      <span className="qx-legend__sep" />
      {BANDS.map((b) => (
        <span key={b} className="qx-legend__item">
          <i className="qx-legend__diamond" style={colourVar(PRIORITY_COLOURS[b])} />
          {t(`priority.${b}`)}
        </span>
      ))}
      <span className="qx-legend__layers" role="group" aria-label={t('legend.layers')}>
        {RISK_LAYERS.map((l) => (
          <button
            key={l}
            type="button"
            className="qx-legend__toggle"
            aria-pressed={layers[l]}
            onClick={() => ui.toggleLayer(l)}
            title={t('legend.toggle')}
            data-testid={`layer-${l}`}
          >
            <LayerSymbol layer={l} />
            {t(LAYER_LABELS[l] ?? `legend.${l}`)}
          </button>
        ))}
      </span>
    </div>
  );
}
