/**
 * The cases behind a KPI figure (an auditor's question: "which 37 cases breached?"): opened from a
 * tile, it lists them with number, category, body, status and when they came in; Enter or a click
 * opens the case on the desk. Reads `cases.kpiCases` for the dashboard's period, district and body.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, KpiFigure } from '../../../../shared/cases/model';
import { useCaseNames } from '../../hooks/cases';
import { useRuntime } from '../../hooks/runtime';
import { dateIso, clock } from '../../lib/format';
import { moveFocusInList } from '../../lib/keys';

/** The most cases listed; the total says how many there are. */
const LIMIT = 200;

export function KpiAudit({ figure, title, onClose }: { figure: KpiFigure; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { kpi, cases, ui } = useRuntime();
  const names = useCaseNames();
  const [found, setFound] = useState<{ total: number; cases: readonly CaseView[] } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    void cases.act((api) => api['cases.kpiCases']({ ...kpi.params(), figure, limit: LIMIT })).then((r) => {
      if (live && r) setFound({ total: r.total, cases: r.cases });
    });
    box.current?.focus();
    return () => {
      live = false;
    };
  }, [cases, kpi, figure]);

  const open = (id: string): void => {
    cases.select(id);
    ui.setView('cases');
    onClose();
  };

  return (
    <div className="qx-modal" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className="qx-modal__box"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        data-testid="kpi-audit"
        data-total={found?.total ?? ''}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="qx-modal__head">
          <h2>{title}</h2>
          {found && <span className="qx-muted">{t('cases.kpi.audit.count', { shown: found.cases.length, total: found.total })}</span>}
          <button type="button" className="qx-btn qx-btn--ghost" onClick={onClose} data-testid="kpi-audit-close">
            {t('diagnostics.close')} <kbd>Esc</kbd>
          </button>
        </header>
        {!found ? (
          <p className="qx-empty">{t('diagnostics.loading')}</p>
        ) : found.cases.length === 0 ? (
          <p className="qx-empty">{t('cases.kpi.audit.none')}</p>
        ) : (
          <ol className="qx-kpi-audit" onKeyDown={moveFocusInList}>
            {found.cases.map((c) => (
              <li key={c.id}>
                <button type="button" className="qx-kpi-audit__row" onClick={() => open(c.id)} data-testid="kpi-audit-row" data-case={c.id}>
                  <span className="qx-mono">#{c.number}</span>
                  <span>{names.category(c.category)}</span>
                  <span>{c.bodyId ? names.body(c.bodyId) : '—'}</span>
                  <span>{t(`cases.status.${c.status}`)}</span>
                  <span className="qx-mono">
                    {dateIso(c.receivedAt)} {clock(c.receivedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
