/**
 * The orders sent for an incident, each followed to the end (see OrderRow), with Escalate: the
 * next alarm level's units in one action (E), and what it added.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { maxLevel } from '../../../../shared/domain/plan';
import type { IncidentView, OrderView } from '../../../../shared/model';
import { useNames } from '../../hooks/names';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { awaitingReplacement } from '../../lib/lifecycle';
import { summarizeOrders } from '../../lib/viewmodel';
import { OrderRow } from './orders/OrderRow';

export function Orders({ incident, orders }: { incident: IncidentView; orders: readonly OrderView[] }) {
  const { t } = useTranslation();
  const { actions } = useRuntime();
  const names = useNames();
  const units = useConsole((d) => d.units);
  const escalation = useUi((s) => s.escalations.get(incident.id));
  const summary = summarizeOrders(orders);
  const waiting = summary.queued + summary.sent;
  const replaceable = useMemo(() => awaitingReplacement(orders, units), [orders, units]);
  const top = names.catalog ? maxLevel(names.catalog, incident.type) : incident.level;
  const canEscalate = incident.status !== 'closed' && incident.level < top;

  return (
    <section className="qx-panel qx-orders" aria-labelledby="qx-orders-title" data-testid="orders">
      <h2 className="qx-panel__title" id="qx-orders-title">
        {t('orders.title')}
        <span className="qx-count" data-testid="orders-summary">
          {t('orders.summary', { ack: summary.acknowledged, total: orders.length })}
        </span>
      </h2>
      <div className="qx-orders__bar">
        <button
          type="button"
          className="qx-btn qx-btn--escalate"
          disabled={!canEscalate}
          onClick={() => void actions.escalate(incident.id)}
          title={canEscalate ? undefined : t('orders.maxLevel', { n: incident.level })}
          data-testid="escalate"
        >
          {canEscalate ? t('orders.escalate', { n: incident.level + 1 }) : t('orders.maxLevel', { n: incident.level })} <kbd>E</kbd>
        </button>
      </div>
      {escalation && (
        <p className="qx-alert qx-alert--info" role="status" data-testid="escalation">
          {t('orders.escalated', { n: escalation.level, count: escalation.orders.length })}
          {escalation.orders.length > 0 && ` ${escalation.orders.map((o) => units.get(o.unitId)?.name ?? o.unitId).join('、')}`}
          {escalation.missing > 0 && ` ${t('rec.missingTotal', { n: escalation.missing })}`}
        </p>
      )}
      {waiting > 0 && <p className="qx-orders__waiting">{t('orders.waiting', { n: waiting })}</p>}
      <ul className="qx-orders__list">
        {orders.map((o) => (
          <OrderRow key={o.id} order={o} replaceable={replaceable.has(o.id)} />
        ))}
      </ul>
    </section>
  );
}
