/**
 * The plan filled with the nearest available units: one block per slot of the plan, each pick
 * with distance and ETA, shortfalls in warning colour. The panel takes focus when it opens so
 * Enter dispatches at once; the units dispatched are exactly the ones shown.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pickedUnitIds } from '../../../../shared/domain/recommend';
import type { IncidentView, RecommendationView } from '../../../../shared/model';
import { useNames } from '../../hooks/names';
import { useNow } from '../../hooks/now';
import { useConsole, useRuntime } from '../../hooks/runtime';
import { colourVar } from '../../lib/css';
import { distance, etaMinutes } from '../../lib/format';
import { isStale, missingCount } from '../../lib/viewmodel';

export function Recommendation({ incident, rec }: { incident: IncidentView; rec: RecommendationView }) {
  const { t } = useTranslation();
  const { actions } = useRuntime();
  const names = useNames();
  const units = useConsole((d) => d.units);
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const unitIds = useMemo(() => pickedUnitIds(rec), [rec]);
  const missing = missingCount(rec);
  const canDispatch = unitIds.length > 0 && incident.status !== 'closed' && !busy;

  useEffect(() => panel.current?.focus(), []);

  const dispatch = (): void => {
    if (!canDispatch) return;
    setBusy(true);
    void actions.dispatch(incident.id, unitIds).finally(() => setBusy(false));
  };

  return (
    <section
      ref={panel}
      className="qx-panel qx-rec"
      tabIndex={-1}
      aria-labelledby="qx-rec-title"
      data-testid="recommendation"
      onKeyDown={(e) => {
        // A focused button already clicks on Enter; anywhere else in the panel, Enter dispatches.
        if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
          e.preventDefault();
          dispatch();
        }
      }}
    >
      <h2 className="qx-panel__title" id="qx-rec-title">
        {t('rec.title')}
        <span className="qx-count">{t('rec.level', { n: rec.level })}</span>
      </h2>
      {missing > 0 && (
        <p className="qx-alert qx-alert--warn" data-testid="rec-missing-total">
          {t('rec.missingTotal', { n: missing })}
        </p>
      )}
      <div className="qx-rec__slots">
        {rec.slots.map((slot) => (
          <div key={slot.unitType} className="qx-slot" data-testid="rec-slot" data-unit-type={slot.unitType}>
            <div className="qx-slot__head">
              <span className="qx-unit__dot" style={colourVar(names.agencyColour(slot.agency))} aria-hidden="true" />
              <span className="qx-slot__type">{names.unitType(slot.unitType)}</span>
              <span className="qx-slot__count">
                {slot.picks.length}/{slot.count}
              </span>
            </div>
            <ul className="qx-slot__picks">
              {slot.picks.map((p) => {
                const u = units.get(p.unitId);
                return (
                  <li key={p.unitId} className="qx-pick" data-testid="rec-row" data-unit={p.unitId}>
                    <span className="qx-pick__name">{u?.name ?? p.unitId}</span>
                    <span className="qx-pick__agency">{names.agency(slot.agency)}</span>
                    <span className="qx-pick__dist">{distance(p.distanceM)}</span>
                    <span className="qx-pick__eta">{t('rec.eta', { n: etaMinutes(p.etaS) })}</span>
                    {isStale(u, now) && (
                      <span className="qx-tag qx-tag--stale" title={t('rec.staleHint')} data-testid="rec-stale">
                        {t('rec.stale')}
                      </span>
                    )}
                  </li>
                );
              })}
              {slot.missing > 0 && (
                <li className="qx-pick qx-pick--missing" data-testid="rec-missing">
                  {t('rec.missing', { n: slot.missing })}
                </li>
              )}
            </ul>
          </div>
        ))}
      </div>
      <button type="button" className="qx-btn qx-btn--dispatch" disabled={!canDispatch} onClick={dispatch} data-testid="dispatch">
        <span className="qx-btn__big">{t('rec.dispatch')}</span>
        <span className="qx-btn__small">{t('rec.dispatchCount', { n: unitIds.length })}</span>
      </button>
    </section>
  );
}
