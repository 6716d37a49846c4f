/**
 * One incident: what and where, its status steps and the times that matter; possible
 * duplicates; the recommendation to dispatch (while nothing is sent) or the orders; under
 * control and close; notes; the timeline of every event.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole, useUi } from '../../hooks/runtime';
import { useNames } from '../../hooks/names';
import { colourVar } from '../../lib/css';
import { clock, latLon, priorityBand } from '../../lib/format';
import { ordersOf } from '../../lib/viewmodel';
import { PRIORITY_COLOURS } from '../../map/palette';
import { Age } from '../lists/Age';
import { IncidentAround } from '../../panorama/components/IncidentAround';
import { Duplicates } from './incident/Duplicates';
import { Lifecycle } from './incident/Lifecycle';
import { Notes } from './incident/Notes';
import { ResponseTimes } from './incident/ResponseTimes';
import { StatusChips } from './incident/StatusChips';
import { Timeline } from './incident/Timeline';
import { Orders } from './Orders';
import { Recommendation } from './Recommendation';

export function IncidentPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const names = useNames();
  const incident = useConsole((d) => d.incidents.get(id));
  const allOrders = useConsole((d) => d.orders);
  const draft = useUi((s) => s.drafts.get(id));
  const orders = useMemo(() => ordersOf(allOrders, id), [allOrders, id]);

  if (!incident) return <p className="qx-empty">{t('incident.loading')}</p>;
  const band = priorityBand(incident.priority);
  return (
    <div className="qx-incident" data-testid="incident-panel" data-incident={incident.id} data-status={incident.status} data-level={incident.level}>
      <section className="qx-panel qx-incident__head">
        <div className="qx-incident__title">
          <span className="qx-prio qx-prio--lg" style={colourVar(PRIORITY_COLOURS[band])}>
            {incident.number}
          </span>
          <div>
            <h2 className="qx-incident__type" data-testid="incident-type">
              {names.incidentType(incident.type)}
            </h2>
            <div className="qx-incident__sub">
              <span className={`qx-tag qx-tag--${incident.status}`} data-testid="incident-status">
                {t(`incidentStatus.${incident.status}`)}
              </span>
              <span className={`qx-tag qx-tag--prio-${band}`}>{t('incident.priorityN', { n: incident.priority })}</span>
              <span className="qx-tag qx-tag--level" data-testid="incident-level">
                {t('incident.levelN', { n: incident.level })}
              </span>
              <span className="qx-muted">
                {clock(incident.createdAt)} · <Age since={incident.createdAt} />
              </span>
            </div>
          </div>
        </div>
        <StatusChips status={incident.status} />
        <dl className="qx-facts">
          <dt>{t('incident.address')}</dt>
          <dd>{incident.address || t('incident.noAddress')}</dd>
          <dt>{t('incident.location')}</dt>
          <dd className="qx-mono">{latLon(incident.lat, incident.lon)}</dd>
          {incident.summary && (
            <>
              <dt>{t('incident.summary')}</dt>
              <dd>{incident.summary}</dd>
            </>
          )}
          <dt>{t('incident.createdBy')}</dt>
          <dd>{incident.createdBy}</dd>
        </dl>
        <ResponseTimes incident={incident} />
      </section>
      <Duplicates incident={incident} />
      {orders.length > 0 ? (
        <Orders incident={incident} orders={orders} />
      ) : draft ? (
        <Recommendation incident={incident} draft={draft} />
      ) : (
        <p className="qx-empty">{incident.status === 'new' ? t('rec.loading') : t('orders.none')}</p>
      )}
      <IncidentAround incidentId={incident.id} />
      <Lifecycle incident={incident} />
      <Notes incidentId={incident.id} closed={incident.status === 'closed'} />
      <Timeline />
    </div>
  );
}
