/**
 * Citizen reports waiting in the intake queue, newest first: channel, category, what they said,
 * where and when. Read-only for now (the case desk takes them on later); a click or Enter shows
 * the place on the map.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/model';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { clock, latLon } from '../../lib/format';
import { sortReports } from '../../lib/warnings';
import { Age } from '../lists/Age';
import { moveFocusInList } from '../../lib/keys';

/** Categories with a label; any other is shown as the sender wrote it. */
const CATEGORY = /^[a-z_]{1,32}$/;

export function ReportsPanel() {
  const { t, i18n } = useTranslation();
  const { ui } = useRuntime();
  const reports = useConsole((d) => d.reports);
  const pending = useUi((s) => s.pendingFocus);
  const list = useMemo(() => sortReports(reports.values()), [reports]);
  const open = useRef<HTMLOListElement>(null);
  const title = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (pending !== 'reports') return;
    (open.current?.querySelector<HTMLElement>('button') ?? title.current)?.focus();
    ui.focusTaken();
  }, [pending, ui]);

  const category = (r: ReportView): string => {
    const key = `reportCategory.${r.category}`;
    return CATEGORY.test(r.category) && i18n.exists(key) ? t(key) : r.category;
  };

  return (
    <section className="qx-panel qx-reports" aria-labelledby="qx-reports-title" data-testid="reports-panel">
      <h2 className="qx-panel__title" id="qx-reports-title" ref={title} tabIndex={-1}>
        {t('reports.title')}
        <span className="qx-count">{list.length}</span>
      </h2>
      <p className="qx-hint">{t('reports.readOnly')}</p>
      {list.length === 0 ? (
        <p className="qx-empty">{t('reports.empty')}</p>
      ) : (
        <ol
          ref={open}
          className="qx-reports__list"
          onKeyDown={moveFocusInList}
        >
          {list.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="qx-report"
                onClick={() => ui.showPoint(r.lat, r.lon)}
                title={t('reports.show')}
                data-testid="report-row"
                data-report={r.id}
                data-channel={r.channel}
              >
                <span className="qx-report__top">
                  <span className="qx-tag qx-tag--channel">{t(`channel.${r.channel}`)}</span>
                  <span className="qx-report__cat">{category(r)}</span>
                  <span className="qx-report__time">
                    {clock(r.ts)} · <Age since={r.receivedAt} />
                  </span>
                </span>
                <span className="qx-report__text">{r.text}</span>
                <span className="qx-report__addr">{r.address || latLon(r.lat, r.lon)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
