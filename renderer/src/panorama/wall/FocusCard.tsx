/** The incident the dispatcher put on the wall, large: number, type, place, status, age, units. */
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../hooks/runtime';
import { useNames } from '../../hooks/names';
import { Age } from '../../components/lists/Age';
import { colourVar } from '../../lib/css';
import { priorityBand } from '../../lib/format';
import { PRIORITY_COLOURS } from '../../map/palette';
import { usePanorama } from '../hooks';

export function FocusCard() {
  const { t } = useTranslation();
  const names = useNames();
  const focus = usePanorama((s) => s.wallFocus);
  const incident = useConsole((d) => (focus?.incidentId ? d.incidents.get(focus.incidentId) : undefined));
  const units = useConsole((d) => d.units);
  if (!incident) return <p className="qx-wall__hint">{t('panorama.wall.noFocus')}</p>;
  const assigned = [...units.values()].filter((u) => u.incidentId === incident.id);
  return (
    <section className="qx-focus" data-testid="wall-focus" data-incident={incident.id}>
      <div className="qx-focus__title">
        <span className="qx-prio qx-focus__no" style={colourVar(PRIORITY_COLOURS[priorityBand(incident.priority)])}>
          {incident.number}
        </span>
        <span className="qx-focus__type">{names.incidentType(incident.type)}</span>
      </div>
      <p className="qx-focus__addr">{incident.address || t('incident.noAddress')}</p>
      <p className="qx-focus__meta">
        <span className={`qx-tag qx-tag--${incident.status}`}>{t(`incidentStatus.${incident.status}`)}</span> {t('incident.levelN', { n: incident.level })} ·{' '}
        <Age since={incident.createdAt} />
      </p>
      <p className="qx-focus__units" data-testid="wall-focus-units">
        {t('panorama.wall.units', { n: assigned.length })}: {assigned.map((u) => u.name).join('、') || '—'}
      </p>
    </section>
  );
}
