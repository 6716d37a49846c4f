/**
 * What the console refused and why: bad MQTT messages, bad API calls, wrong tokens. Opened from
 * the header (or D); it refreshes once on opening and then follows `diagnostics` pushes.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { clock, dateIso } from '../../lib/format';
import { CountTable } from './CountTable';
import { ScreenLatencyStats } from './ScreenLatencyStats';

export function Diagnostics() {
  const { t } = useTranslation();
  const { ui, actions, screenLatency } = useRuntime();
  const open = useUi((s) => s.diagnosticsOpen);
  const d = useConsole((s) => s.diagnostics);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    dialog.current?.focus();
    void actions.refreshDiagnostics();
  }, [open, actions]);

  if (!open) return null;
  return (
    <div className="qx-modal" onMouseDown={(e) => e.target === e.currentTarget && ui.setDiagnostics(false)}>
      <div ref={dialog} className="qx-modal__box" role="dialog" aria-modal="true" aria-labelledby="qx-diag-title" tabIndex={-1} data-testid="diagnostics">
        <header className="qx-modal__head">
          <h2 id="qx-diag-title">{t('diagnostics.title')}</h2>
          {d && (
            <span className="qx-muted">
              {t('diagnostics.since', { time: `${dateIso(d.startedAt)} ${clock(d.startedAt)}` })}
            </span>
          )}
          <button type="button" className="qx-btn qx-btn--ghost" onClick={() => ui.setDiagnostics(false)} data-testid="diagnostics-close">
            {t('diagnostics.close')} <kbd>Esc</kbd>
          </button>
        </header>
        {!d ? (
          <p className="qx-empty">{t('diagnostics.loading')}</p>
        ) : (
          <div className="qx-diag">
            <div className="qx-diag__totals">
              <div className="qx-stat" data-testid="diag-rejected-total">
                <span className="qx-stat__n qx-stat__n--warn">{d.rejectedTotal}</span>
                <span className="qx-stat__k">{t('diagnostics.rejectedTotal')}</span>
              </div>
              <div className="qx-stat" data-testid="diag-accepted-total">
                <span className="qx-stat__n">{Object.values(d.accepted).reduce((a, b) => a + b, 0)}</span>
                <span className="qx-stat__k">{t('diagnostics.acceptedTotal')}</span>
              </div>
            </div>
            {d.checkpoints && (
              <p className={d.checkpoints.mode === 'automatic' ? 'qx-alert qx-alert--warn' : 'qx-muted'} data-testid="diag-checkpoints" data-mode={d.checkpoints.mode}>
                {t(`diagnostics.checkpoints.${d.checkpoints.mode}`, { reason: d.checkpoints.error ?? '' })}
              </p>
            )}
            <ScreenLatencyStats latency={screenLatency} />
            <div className="qx-diag__tables">
              <CountTable title={t('diagnostics.accepted')} counts={d.accepted} keyLabel={t('diagnostics.source')} testid="diag-accepted" />
              <CountTable title={t('diagnostics.bySource')} counts={d.rejectedBySource} keyLabel={t('diagnostics.source')} testid="diag-by-source" />
              <CountTable title={t('diagnostics.byReason')} counts={d.rejectedByReason} keyLabel={t('diagnostics.reason')} testid="diag-by-reason" />
            </div>
            <h3 className="qx-diag__h">{t('diagnostics.recent')}</h3>
            {d.recent.length === 0 ? (
              <p className="qx-empty">{t('diagnostics.none')}</p>
            ) : (
              <div className="qx-diag__scroll">
                <table className="qx-table" data-testid="diag-recent">
                  <thead>
                    <tr>
                      <th>{t('diagnostics.time')}</th>
                      <th>{t('diagnostics.source')}</th>
                      <th>{t('diagnostics.where')}</th>
                      <th>{t('diagnostics.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...d.recent].reverse().map((r, i) => (
                      <tr key={`${r.at}-${i}`}>
                        <td className="qx-mono">{clock(r.at)}</td>
                        <td>{r.source}</td>
                        <td className="qx-mono qx-break">{r.where}</td>
                        <td className="qx-break">{r.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
