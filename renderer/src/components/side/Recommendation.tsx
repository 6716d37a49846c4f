/**
 * The plan filled with the nearest available units, one block per slot, each pick explained;
 * a slot that cannot be filled says why. The dispatcher may swap a pick for another unit of its
 * type, add one, or remove one; Dispatch sends exactly the units shown. The panel takes focus
 * when it opens so Enter dispatches at once.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView, UnitView } from '../../../../shared/model';
import { useNames } from '../../hooks/names';
import { useNow } from '../../hooks/now';
import { useRuntime } from '../../hooks/runtime';
import { colourVar } from '../../lib/css';
import { addUnit, draftMissing, draftUnitIds, estimatePick, removeUnit, swapUnit, type Draft } from '../../lib/draft';
import { PickRow } from './rec/PickRow';
import { UnitChooser } from './rec/UnitChooser';

/** What the chooser is open for: swapping a pick, or adding a unit of a type. */
type Choosing = { readonly kind: 'swap'; readonly unitId: string; readonly unitType: string } | { readonly kind: 'add'; readonly unitType: string } | null;

export function Recommendation({ incident, draft }: { incident: IncidentView; draft: Draft }) {
  const { t } = useTranslation();
  const { actions, ui } = useRuntime();
  const names = useNames();
  const now = useNow();
  const [busy, setBusy] = useState(false);
  const [choosing, setChoosing] = useState<Choosing>(null);
  const [addType, setAddType] = useState('');
  const panel = useRef<HTMLElement>(null);
  const unitIds = useMemo(() => draftUnitIds(draft), [draft]);
  const exclude = useMemo(() => new Set(unitIds), [unitIds]);
  const missing = draftMissing(draft);
  const canDispatch = unitIds.length > 0 && incident.status !== 'closed' && !busy;
  const at = useMemo(() => ({ lat: incident.lat, lon: incident.lon }), [incident.lat, incident.lon]);

  useEffect(() => panel.current?.focus(), []);

  const dispatch = (): void => {
    if (!canDispatch) return;
    setBusy(true);
    void actions.dispatch(incident.id, unitIds).finally(() => setBusy(false));
  };
  const closeChooser = (): void => {
    setChoosing(null);
    panel.current?.focus();
  };
  const pick = (u: UnitView): void => {
    if (!choosing || !u.type || !u.agency) return;
    const p = estimatePick(u, at, now);
    ui.setDraft(choosing.kind === 'swap' ? swapUnit(draft, choosing.unitId, p) : addUnit(draft, u.type, u.agency, p));
    closeChooser();
  };

  return (
    <section
      ref={panel}
      className="qx-panel qx-rec"
      tabIndex={-1}
      aria-labelledby="qx-rec-title"
      data-testid="recommendation"
      onKeyDown={(e) => {
        // A focused button or list already acts on Enter; anywhere else in the panel, Enter dispatches.
        const el = e.target as HTMLElement;
        if (e.key === 'Enter' && !['BUTTON', 'SELECT', 'INPUT'].includes(el.tagName)) {
          e.preventDefault();
          dispatch();
        }
      }}
    >
      <h2 className="qx-panel__title" id="qx-rec-title">
        {t('rec.title')}
        <span className="qx-count">{t('rec.level', { n: draft.level })}</span>
        <button
          type="button"
          className="qx-icon-btn"
          onClick={() => void actions.recommend(incident.id)}
          aria-label={t('rec.refresh')}
          title={t('rec.refresh')}
          data-testid="rec-refresh"
        >
          ↻
        </button>
      </h2>
      {missing > 0 && (
        <p className="qx-alert qx-alert--warn" data-testid="rec-missing-total">
          {t('rec.missingTotal', { n: missing })}
        </p>
      )}
      <div className="qx-rec__slots">
        {draft.slots.map((slot) => (
          <div key={slot.unitType} className="qx-slot" data-testid="rec-slot" data-unit-type={slot.unitType} data-shortage={slot.shortage ?? ''}>
            <div className="qx-slot__head">
              <span className="qx-unit__dot" style={colourVar(names.agencyColour(slot.agency))} aria-hidden="true" />
              <span className="qx-slot__type">{names.unitType(slot.unitType)}</span>
              <span className="qx-slot__count">
                {slot.picks.length}/{slot.count}
              </span>
              <button
                type="button"
                className="qx-icon-btn"
                onClick={() => setChoosing({ kind: 'add', unitType: slot.unitType })}
                aria-label={t('rec.addOf', { type: names.unitType(slot.unitType) })}
                title={t('rec.addOf', { type: names.unitType(slot.unitType) })}
                data-testid="rec-add-slot"
              >
                +
              </button>
            </div>
            <ul className="qx-slot__picks">
              {slot.picks.map((p) => (
                <PickRow
                  key={p.unitId}
                  pick={p}
                  onSwap={() => setChoosing({ kind: 'swap', unitId: p.unitId, unitType: slot.unitType })}
                  onRemove={() => ui.setDraft(removeUnit(draft, p.unitId))}
                />
              ))}
              {slot.missing > 0 && (
                <li className="qx-pick qx-pick--missing" data-testid="rec-missing">
                  {t('rec.missing', { n: slot.missing })}
                </li>
              )}
              {slot.shortage === 'position_stale' && (
                <li className="qx-pick qx-pick--missing" data-testid="rec-stale-slot">
                  {t('rec.shortStale')}
                </li>
              )}
            </ul>
          </div>
        ))}
      </div>
      {choosing && (
        <UnitChooser
          unitType={choosing.unitType}
          at={at}
          exclude={exclude}
          title={choosing.kind === 'swap' ? t('rec.swapTitle', { type: names.unitType(choosing.unitType) }) : t('rec.addOf', { type: names.unitType(choosing.unitType) })}
          onPick={pick}
          onClose={closeChooser}
        />
      )}
      <div className="qx-rec__add">
        <select value={addType} onChange={(e) => setAddType(e.target.value)} aria-label={t('rec.addType')} data-testid="rec-add-type">
          <option value="">{t('rec.addType')}</option>
          {(names.catalog?.unitTypes ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {names.agency(u.agency)} · {names.unitType(u.id)}
            </option>
          ))}
        </select>
        <button type="button" className="qx-btn" disabled={!addType} onClick={() => setChoosing({ kind: 'add', unitType: addType })} data-testid="rec-add">
          {t('rec.add')}
        </button>
      </div>
      {draft.edited && <p className="qx-hint">{t('rec.edited')}</p>}
      <button type="button" className="qx-btn qx-btn--dispatch" disabled={!canDispatch} onClick={dispatch} data-testid="dispatch">
        <span className="qx-btn__big">{t('rec.dispatch')}</span>
        <span className="qx-btn__small">{t('rec.dispatchCount', { n: unitIds.length })}</span>
      </button>
    </section>
  );
}
