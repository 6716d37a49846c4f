/**
 * The incident board for the wall: every open incident as one large row (number, type, place,
 * status, alarm level, age, units answering out of units sent), most urgent first; the incident
 * the dispatcher put on the wall is marked and first.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView, OrderView } from '../../../../shared/model';
import { useConsole } from '../../hooks/runtime';
import { useNames } from '../../hooks/names';
import { Age } from '../../components/lists/Age';
import { colourVar } from '../../lib/css';
import { priorityBand } from '../../lib/format';
import { openIncidents, ordersOf } from '../../lib/viewmodel';
import { PRIORITY_COLOURS } from '../../map/palette';
import { usePanorama } from '../hooks';

const ANSWERED: ReadonlySet<OrderView['state']> = new Set(['acknowledged']);
const LIVE: ReadonlySet<OrderView['state']> = new Set(['queued', 'sent', 'acknowledged']);

function Row({ incident, orders, focused }: { incident: IncidentView; orders: readonly OrderView[]; focused: boolean }) {
  const { t } = useTranslation();
  const names = useNames();
  const sent = orders.filter((o) => LIVE.has(o.state)).length;
  const answered = orders.filter((o) => ANSWERED.has(o.state)).length;
  return (
    <tr className={`qx-wallboard__row${focused ? ' qx-wallboard__row--focus' : ''}`} data-testid="wall-incident" data-incident={incident.id} data-focused={focused}>
      <td>
        <span className="qx-prio qx-wallboard__no" style={colourVar(PRIORITY_COLOURS[priorityBand(incident.priority)])}>
          {incident.number}
        </span>
      </td>
      <td className="qx-wallboard__type">{names.incidentType(incident.type)}</td>
      <td className="qx-wallboard__addr">{incident.address || t('incident.noAddress')}</td>
      <td>
        <span className={`qx-tag qx-tag--${incident.status}`}>{t(`incidentStatus.${incident.status}`)}</span>
      </td>
      <td>{t('incident.levelN', { n: incident.level })}</td>
      <td>
        <Age since={incident.createdAt} />
      </td>
      <td className="qx-wallboard__units" data-testid="wall-incident-units">
        {answered}/{sent}
      </td>
    </tr>
  );
}

export function IncidentWall() {
  const { t } = useTranslation();
  const incidents = useConsole((d) => d.incidents);
  const allOrders = useConsole((d) => d.orders);
  const focusId = usePanorama((s) => s.wallFocus?.incidentId ?? null);
  const list = useMemo(() => {
    const open = openIncidents(incidents).sort((a, b) => a.priority - b.priority || b.createdAt - a.createdAt);
    const at = open.findIndex((i) => i.id === focusId);
    if (at > 0) open.unshift(...open.splice(at, 1));
    return open;
  }, [incidents, focusId]);

  if (list.length === 0)
    return (
      <p className="qx-wall__empty" data-testid="wall-empty">
        {t('panorama.wall.noIncidents')}
      </p>
    );
  return (
    <table className="qx-wallboard" data-testid="wall-board">
      <thead>
        <tr>
          {(['no', 'type', 'address', 'status', 'level', 'age', 'units'] as const).map((c) => (
            <th key={c}>{t(`panorama.wall.col.${c}`)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {list.map((i) => (
          <Row key={i.id} incident={i} orders={ordersOf(allOrders, i.id)} focused={i.id === focusId} />
        ))}
      </tbody>
    </table>
  );
}
