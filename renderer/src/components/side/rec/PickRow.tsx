/**
 * One recommended unit and why: ETA (min:sec), road distance, its station; "estimate" when the
 * ETA is a straight-line guess, "stale" when its position is old. Swap and remove act on it.
 */
import { useTranslation } from 'react-i18next';
import type { DraftPick } from '../../../lib/draft';
import { usePlaces } from '../../../hooks/places';
import { useConsole } from '../../../hooks/runtime';
import { distance, etaClock } from '../../../lib/format';
import { placeName } from '../../../../../shared/domain/places';

export function PickRow({ pick, onSwap, onRemove }: { pick: DraftPick; onSwap: () => void; onRemove: () => void }) {
  const { t, i18n } = useTranslation();
  const unit = useConsole((d) => d.units.get(pick.unitId));
  const { byId } = usePlaces();
  const station = pick.station ? byId.get(pick.station) : undefined;
  const name = unit?.name ?? pick.unitId;
  return (
    <li className={`qx-pick${pick.manual ? ' qx-pick--manual' : ''}`} data-testid="rec-row" data-unit={pick.unitId} data-routed={pick.routed} data-stale={pick.stale}>
      <span className="qx-pick__main">
        <span className="qx-pick__name">{name}</span>
        <span className="qx-pick__why">
          <span className="qx-pick__eta" data-testid="rec-eta" title={t('rec.etaHint')}>
            {t('rec.eta', { time: etaClock(pick.etaS) })}
          </span>
          <span title={t('rec.straightHint', { d: distance(pick.distanceM) })}>{t('rec.road', { d: distance(pick.roadM) })}</span>
          <span className="qx-pick__station">{station ? placeName(station, i18n.language) : (pick.station ?? t('rec.noStation'))}</span>
        </span>
        <span className="qx-pick__badges">
          {!pick.routed && (
            <span className="qx-tag qx-tag--estimate" title={t('rec.estimateHint')} data-testid="rec-estimate">
              {t('rec.estimate')}
            </span>
          )}
          {pick.stale && (
            <span className="qx-tag qx-tag--stale" title={t('rec.staleHint')} data-testid="rec-stale">
              {t('rec.stale')}
            </span>
          )}
          {pick.manual && <span className="qx-tag">{t('rec.manual')}</span>}
        </span>
      </span>
      <span className="qx-pick__acts">
        <button type="button" className="qx-icon-btn" onClick={onSwap} aria-label={t('rec.swap', { unit: name })} title={t('rec.swap', { unit: name })} data-testid="rec-swap">
          ⇄
        </button>
        <button type="button" className="qx-icon-btn" onClick={onRemove} aria-label={t('rec.remove', { unit: name })} title={t('rec.remove', { unit: name })} data-testid="rec-remove">
          ✕
        </button>
      </span>
    </li>
  );
}
