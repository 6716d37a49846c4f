/**
 * One order, followed to the end: sent → acknowledged → en route → on scene → cleared, each with
 * its time. A refusal or no answer is highlighted with "Next best" (R); an open order can be
 * cancelled with a reason. Focusing the row selects its unit for S + digit.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../../../shared/model';
import { useNames } from '../../../hooks/names';
import { useConsole, useRuntime } from '../../../hooks/runtime';
import { colourVar } from '../../../lib/css';
import { clock } from '../../../lib/format';
import { orderSteps } from '../../../lib/lifecycle';
import { ORDER_COLOURS } from '../../../map/palette';

const OPEN = new Set(['queued', 'sent', 'acknowledged']);

export function OrderRow({ order: o, replaceable }: { order: OrderView; replaceable: boolean }) {
  const { t } = useTranslation();
  const { actions, ui } = useRuntime();
  const names = useNames();
  const u = useConsole((d) => d.units.get(o.unitId));
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const failed = o.state === 'refused' || o.state === 'no_answer';
  const open = OPEN.has(o.state) && o.clearedAt === null;

  const act = (work: () => Promise<unknown>): void => {
    setBusy(true);
    void work().finally(() => setBusy(false));
  };

  return (
    <li
      className={`qx-order${failed ? ' qx-order--failed' : ''}`}
      tabIndex={0}
      onFocus={() => ui.selectUnit(o.unitId)}
      onClick={() => ui.selectUnit(o.unitId)}
      data-testid="order-row"
      data-state={o.state}
      data-unit={o.unitId}
      data-order={o.id}
    >
      <div className="qx-order__top">
        <span className="qx-unit__dot" style={colourVar(names.agencyColour(u?.agency ?? null))} aria-hidden="true" />
        <span className="qx-order__unit">
          <span className="qx-order__name">{u?.name ?? o.unitId}</span>
          <span className="qx-order__type">
            {names.unitType(u?.type ?? null)} · {o.unitId}
          </span>
        </span>
        {o.resent > 0 && (
          <span className="qx-tag qx-tag--warn" data-testid="order-resent">
            {t('orders.resent', { count: o.resent })}
          </span>
        )}
        <span className="qx-order__state" style={colourVar(ORDER_COLOURS[o.state])} data-testid="order-state">
          {t(`orderState.${o.state}`)}
        </span>
        {open && !cancelling && (
          <button type="button" className="qx-btn qx-btn--ghost qx-btn--small" disabled={busy} onClick={() => setCancelling(true)} data-testid="order-cancel">
            {t('orders.cancel')}
          </button>
        )}
      </div>
      <ol className="qx-track" aria-label={t('orders.track')}>
        {orderSteps(o).map((s) => (
          <li key={s.key} className={`qx-track__step${s.at !== null ? ' qx-track__step--done' : ''}`} data-step={s.key} data-done={s.at !== null}>
            <span className="qx-track__label">{t(`orderStep.${s.key}`)}</span>
            <span className="qx-track__time qx-mono">{s.at !== null ? clock(s.at) : '—'}</span>
          </li>
        ))}
      </ol>
      {(o.reason ?? o.cancelReason) && <p className="qx-order__reason">{o.cancelReason ?? o.reason}</p>}
      {failed && replaceable && (
        <div className="qx-order__acts">
          <button type="button" className="qx-btn qx-btn--primary" disabled={busy} onClick={() => act(() => actions.replaceOrder(o.id))} data-testid="next-best">
            {t('orders.nextBest')} <kbd>R</kbd>
          </button>
        </div>
      )}
      {cancelling && (
        <form
          className="qx-order__cancel"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) act(() => actions.cancelOrder(o.id, reason.trim()).then(() => setCancelling(false)));
          }}
        >
          <input
            autoFocus
            value={reason}
            maxLength={500}
            placeholder={t('orders.cancelReason')}
            aria-label={t('orders.cancelReason')}
            onChange={(e) => setReason(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setCancelling(false);
              }
            }}
            data-testid="cancel-reason"
          />
          <button type="submit" className="qx-btn qx-btn--danger" disabled={busy || !reason.trim()} data-testid="cancel-confirm">
            {t('orders.cancelConfirm')}
          </button>
        </form>
      )}
    </li>
  );
}
