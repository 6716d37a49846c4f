/**
 * Every event of the log for the incident, oldest first: what happened (localized), to which
 * unit, who did it from which console, when; the HLC small for support. Refreshed on pushes.
 */
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../../shared/model';
import { useConsole, useDetail } from '../../../hooks/runtime';
import { clock } from '../../../lib/format';
import { eventKey, timelineDetail } from '../../../lib/lifecycle';

function useDescribe(): (e: TimelineEntry) => string {
  const { t, i18n } = useTranslation();
  const orders = useConsole((d) => d.orders);
  const units = useConsole((d) => d.units);
  return (e) => {
    const d = timelineDetail(e, { orders, units });
    const parts: string[] = [];
    if (d.unit) parts.push(d.unit);
    if (d.level !== undefined) parts.push(t('timeline.level', { n: d.level }));
    if (d.accepted !== undefined) parts.push(t(d.accepted ? 'timeline.accepted' : 'timeline.refused'));
    if (d.status && e.type === 'unit.status') parts.push(t(`unitStatus.${d.status}`));
    if (d.status && e.type === 'incident.status') parts.push(t(`incidentStatus.${d.status}`));
    if (d.status && e.type === 'incident.linked') parts.push(t(`relation.${d.status}`));
    if (d.text) parts.push(e.type === 'incident.status' && i18n.exists(`disposition.${d.text}`) ? t(`disposition.${d.text}`) : d.text);
    return parts.join(' · ');
  };
}

export function Timeline() {
  const { t, i18n } = useTranslation();
  const entries = useDetail((d) => d.timeline);
  const describe = useDescribe();
  return (
    <section className="qx-panel qx-timeline" aria-labelledby="qx-timeline-title" data-testid="timeline">
      <h2 className="qx-panel__title" id="qx-timeline-title">
        {t('timeline.title')}
        {entries && <span className="qx-count">{entries.length}</span>}
      </h2>
      {entries === null ? (
        <p className="qx-empty">{t('timeline.loading')}</p>
      ) : (
        <ol className="qx-timeline__list">
          {entries.map((e) => (
            <li key={e.id} className="qx-tl" data-testid="timeline-entry" data-type={e.type} data-actor={e.actor}>
              <span className="qx-tl__time qx-mono">{clock(e.at)}</span>
              <span className="qx-tl__body">
                <span className="qx-tl__type">{i18n.exists(eventKey(e.type)) ? t(eventKey(e.type)) : e.type}</span>
                <span className="qx-tl__detail">{describe(e)}</span>
                <span className="qx-tl__who">
                  {e.actor.startsWith('device:') ? t('timeline.device', { unit: e.actor.slice(7) }) : e.actor === 'system' ? t('timeline.system') : e.actor} ·{' '}
                  {e.console} · <span className="qx-tl__hlc">{e.hlc}</span>
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
