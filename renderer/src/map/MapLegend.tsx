/** A compact legend over the map: what the unit rings and incident colours mean. */
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '../../../shared/model';
import { colourVar } from '../lib/css';
import type { PriorityBand } from '../lib/format';
import { PRIORITY_COLOURS, STATUS_COLOURS, UNREGISTERED_COLOUR } from './palette';

const STATUSES: readonly UnitStatus[] = ['available', 'en_route', 'on_scene', 'out_of_service'];
const BANDS: readonly PriorityBand[] = ['critical', 'high', 'normal'];

export function MapLegend() {
  const { t } = useTranslation();
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
    </div>
  );
}
