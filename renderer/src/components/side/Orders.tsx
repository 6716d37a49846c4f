/**
 * The orders sent for an incident, one per unit, following each to the device's answer:
 * queued (in the outbox) → sent (the broker took it) → acknowledged / refused / no answer.
 * Rows update from `order` pushes; the state is in the row's data-state for tests and styling.
 */
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../../shared/model';
import { useNames } from '../../hooks/names';
import { useConsole } from '../../hooks/runtime';
import { colourVar } from '../../lib/css';
import { clock } from '../../lib/format';
import { summarizeOrders } from '../../lib/viewmodel';
import { ORDER_COLOURS } from '../../map/palette';

export function Orders({ orders }: { orders: readonly OrderView[] }) {
  const { t } = useTranslation();
  const names = useNames();
  const units = useConsole((d) => d.units);
  const summary = summarizeOrders(orders);
  const waiting = summary.queued + summary.sent;

  return (
    <section className="qx-panel qx-orders" aria-labelledby="qx-orders-title" data-testid="orders">
      <h2 className="qx-panel__title" id="qx-orders-title">
        {t('orders.title')}
        <span className="qx-count" data-testid="orders-summary">
          {t('orders.summary', { ack: summary.acknowledged, total: orders.length })}
        </span>
      </h2>
      {waiting > 0 && <p className="qx-orders__waiting">{t('orders.waiting', { n: waiting })}</p>}
      <ul className="qx-orders__list">
        {orders.map((o) => {
          const u = units.get(o.unitId);
          const answered = o.answeredAt ?? o.sentAt ?? o.issuedAt;
          return (
            <li key={o.id} className="qx-order" data-testid="order-row" data-state={o.state} data-unit={o.unitId}>
              <span className="qx-unit__dot" style={colourVar(names.agencyColour(u?.agency ?? null))} aria-hidden="true" />
              <span className="qx-order__unit">
                <span className="qx-order__name">{u?.name ?? o.unitId}</span>
                <span className="qx-order__type">
                  {names.unitType(u?.type ?? null)} · {o.unitId} · <span className="qx-mono">{clock(answered)}</span>
                </span>
              </span>
              <span className="qx-order__state" style={colourVar(ORDER_COLOURS[o.state])} data-testid="order-state">
                {t(`orderState.${o.state}`)}
              </span>
              {o.reason && <span className="qx-order__reason">{o.reason}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
