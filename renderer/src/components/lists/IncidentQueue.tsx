/**
 * Open incidents, newest first. A click (or Enter) opens the incident's panel and centres the map
 * on it; ↓ / ↑ move to the next or previous one.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { useNames } from '../../hooks/names';
import { colourVar } from '../../lib/css';
import { priorityBand } from '../../lib/format';
import { openIncidents } from '../../lib/viewmodel';
import { PRIORITY_COLOURS } from '../../map/palette';
import { Age } from './Age';

export function IncidentQueue() {
  const { t } = useTranslation();
  const { actions } = useRuntime();
  const names = useNames();
  const incidents = useConsole((d) => d.incidents);
  const selected = useUi((s) => (s.panel.kind === 'incident' ? s.panel.id : null));
  const list = useMemo(() => openIncidents(incidents), [incidents]);

  return (
    <section className="qx-panel qx-queue" aria-labelledby="qx-queue-title" data-testid="incident-queue">
      <h2 className="qx-panel__title" id="qx-queue-title">
        {t('queue.title')}
        <span className="qx-count">{list.length}</span>
      </h2>
      {list.length === 0 ? (
        <p className="qx-empty">{t('queue.empty')}</p>
      ) : (
        <ol
          className="qx-queue__list"
          onKeyDown={(e) => {
            // ↓ / ↑ (like J / K anywhere) move through the queue and open the incident.
            if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
            const at = list.findIndex((i) => i.id === (e.target as HTMLElement).dataset.incident);
            const next = list[at + (e.key === 'ArrowDown' ? 1 : -1)];
            if (at === -1 || !next) return;
            e.preventDefault();
            e.currentTarget.querySelector<HTMLButtonElement>(`[data-incident="${next.id}"]`)?.focus();
            void actions.select(next.id, true);
          }}
        >
          {list.map((i) => (
            <li key={i.id}>
              <button
                type="button"
                className="qx-queue__row"
                aria-current={selected === i.id}
                onClick={() => void actions.select(i.id, true)}
                data-testid="incident-row"
                data-incident={i.id}
                data-status={i.status}
              >
                <span className="qx-prio" style={colourVar(PRIORITY_COLOURS[priorityBand(i.priority)])} title={t('incident.priority')}>
                  {i.number}
                </span>
                <span className="qx-queue__main">
                  <span className="qx-queue__type">{names.incidentType(i.type)}</span>
                  <span className="qx-queue__addr">{i.address || t('incident.noAddress')}</span>
                </span>
                <span className="qx-queue__side">
                  <span className={`qx-tag qx-tag--${i.status}`}>{t(`incidentStatus.${i.status}`)}</span>
                  <span className="qx-queue__meta">
                    P{i.priority} · <Age since={i.createdAt} />
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
