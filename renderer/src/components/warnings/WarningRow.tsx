/**
 * One open warning: severity (colour and word), source, title and detail, where and when. The
 * row's main button (click or Enter) shows it on the map; the acknowledge button records the
 * dispatcher's name, shown in its place afterwards.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WarningView } from '../../../../shared/model';
import { useNow } from '../../hooks/now';
import { useRuntime } from '../../hooks/runtime';
import { colourVar } from '../../lib/css';
import { distance, latLon, stamp } from '../../lib/format';
import { describeArea } from '../../lib/warnings';
import { SEVERITY_COLOURS } from '../../map/palette';
import { message } from '../../store/runtime';
import { Age } from '../lists/Age';

function useAreaText(w: WarningView): string {
  const { t } = useTranslation();
  const a = describeArea(w.area);
  if (a.kind === 'none') return t('area.none');
  const pos = latLon(a.lat, a.lon);
  if (a.kind === 'point') return t('area.point', { pos });
  if (a.kind === 'polygon') return t('area.polygon', { pos });
  if (a.kind === 'circle') return t('area.circle', { pos, r: distance(a.radiusM) });
  return t('area.several', { pos, count: a.count });
}

export function WarningRow({ w, focused, onShow }: { w: WarningView; focused: boolean; onShow: () => void }) {
  const { t } = useTranslation();
  const { ops } = useRuntime();
  const now = useNow();
  const where = useAreaText(w);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const acked = w.acknowledgedBy !== null;
  const updated = w.updatedAt > w.raisedAt + 1000 && w.updatedAt !== w.acknowledgedAt;

  const ack = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await ops.ackWarning(w.id);
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li
      className={`qx-warn${acked ? ' qx-warn--acked' : ''}`}
      style={colourVar(SEVERITY_COLOURS[w.severity])}
      data-testid="warning-row"
      data-warning={w.id}
      data-severity={w.severity}
      data-source={w.source}
      data-acked={acked}
    >
      <button type="button" className="qx-warn__main" aria-current={focused} onClick={onShow} title={t('warnings.show')} data-testid="warning-show">
        <span className="qx-warn__top">
          <span className="qx-sev" data-testid="warning-severity">
            {t(`severity.${w.severity}`)}
          </span>
          <span className="qx-tag" data-testid="warning-source">
            {t(`warningSource.${w.source}`)}
          </span>
          {w.closesRoads && (
            <span className="qx-tag qx-tag--closure" data-testid="warning-closes-roads" title={t('warnings.closesRoadsHint')}>
              {t('warnings.closesRoads')}
            </span>
          )}
          <span className="qx-warn__when">
            {t('warnings.raised', { time: stamp(w.raisedAt, now) })} · <Age since={w.raisedAt} />
          </span>
        </span>
        <span className="qx-warn__title" data-testid="warning-title">
          {w.title}
        </span>
        {w.detail && <span className="qx-warn__detail">{w.detail}</span>}
        <span className="qx-warn__meta">
          <span data-testid="warning-where">{where}</span>
          {updated && <span>{t('warnings.updated', { time: stamp(w.updatedAt, now) })}</span>}
          {w.expiresAt !== null && (
            <span className="qx-warn__expires" data-testid="warning-expires">
              {t('warnings.expires', { time: stamp(w.expiresAt, now) })}
            </span>
          )}
        </span>
      </button>
      <div className="qx-warn__ack">
        {acked ? (
          <span className="qx-warn__acked" data-testid="warning-acked">
            {t('warnings.acked', { who: w.acknowledgedBy, time: stamp(w.acknowledgedAt ?? w.updatedAt, now) })}
          </span>
        ) : (
          <button type="button" className="qx-btn qx-warn__ack-btn" onClick={() => void ack()} disabled={busy} data-testid="warning-ack">
            {t('warnings.ack')} <kbd>A</kbd>
          </button>
        )}
        {error && (
          <span className="qx-warn__error" role="alert">
            {t('errors.call', { message: error })}
          </span>
        )}
      </div>
    </li>
  );
}
