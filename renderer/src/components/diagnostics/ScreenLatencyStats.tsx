/**
 * How old field positions are when this console's map draws them, over the last minute: p50, p99
 * and how many were drawn; and the same at the moment the page received them (what came before
 * the page, so the rest is the page's own: waiting for and drawing a frame). Refreshed every
 * second while the diagnostics view is open; "measure from now" starts afresh (after a known
 * disruption, or a bench's warm-up).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrawLimit, LatencySummary, ScreenLatency } from '../../lib/screen-latency';

const WINDOW_MS = 60_000;

const ms = (x: number): string => (Number.isFinite(x) ? String(Math.round(x)) : '—');

export function ScreenLatencyStats({ latency }: { latency: ScreenLatency }) {
  const { t } = useTranslation();
  const [s, setS] = useState<LatencySummary>(() => latency.summary(Date.now(), WINDOW_MS));
  useEffect(() => {
    const timer = setInterval(() => setS(latency.summary(Date.now(), WINDOW_MS)), 1000);
    return () => clearInterval(timer);
  }, [latency]);
  return (
    <section
      className="qx-diag__latency"
      data-testid="diag-screen-latency"
      data-samples={s.samples}
      data-p50={ms(s.p50)}
      data-p99={ms(s.p99)}
      data-received-p50={ms(s.received.p50)}
      data-received-p99={ms(s.received.p99)}
      data-draws-per-second={s.drawsPerSecond.toFixed(1)}
    >
      <h3 className="qx-diag__h">
        {t('diagnostics.screenLatency')}{' '}
        <button
          type="button"
          className="qx-btn qx-btn--ghost"
          data-testid="diag-latency-reset"
          onClick={() => {
            latency.reset();
            setS(latency.summary(Date.now(), WINDOW_MS));
          }}
        >
          {t('diagnostics.measureFromNow')}
        </button>
      </h3>
      <div className="qx-diag__totals">
        <div className="qx-stat">
          <span className="qx-stat__n">{ms(s.p50)}</span>
          <span className="qx-stat__k">{t('diagnostics.p50')}</span>
        </div>
        <div className="qx-stat">
          <span className={s.p99 > 250 ? 'qx-stat__n qx-stat__n--warn' : 'qx-stat__n'}>{ms(s.p99)}</span>
          <span className="qx-stat__k">{t('diagnostics.p99')}</span>
        </div>
        <div className="qx-stat">
          <span className="qx-stat__n">{s.samples}</span>
          <span className="qx-stat__k">{t('diagnostics.positionsDrawn')}</span>
        </div>
        <div className="qx-stat">
          <span className="qx-stat__n">{s.drawsPerSecond.toFixed(1)}</span>
          <span className="qx-stat__k">{t('diagnostics.drawsPerSecond')}</span>
        </div>
      </div>
      <p className="qx-muted">{t('diagnostics.receivedAt', { p50: ms(s.received.p50), p99: ms(s.received.p99) })}</p>
      <DrawLimitNote limit={s.drawLimit} />
    </section>
  );
}

/** How often the map may draw moving units here, and why (nothing until the map has drawn). */
function DrawLimitNote({ limit }: { limit: DrawLimit }) {
  const { t } = useTranslation();
  if (limit.software === null) return null;
  const n = limit.perSecond;
  const text = limit.auto
    ? limit.software
      ? t('diagnostics.drawLimitSoftware', { n })
      : t('diagnostics.drawLimitGpu')
    : n === null
      ? t('diagnostics.drawLimitBatch')
      : t('diagnostics.drawLimitSet', { n });
  return (
    <p className="qx-muted" data-testid="diag-draw-limit" data-software={String(limit.software)} data-auto={String(limit.auto)} data-per-second={n ?? ''}>
      {text}
    </p>
  );
}
