/**
 * Replay: the console's state at any instant of its event log — units where they were, incidents,
 * orders and warnings as they stood — on a timeline with a scrubber and play/pause. Each position
 * of the scrubber asks the core to rebuild the projections up to that instant (replay.at).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplayState } from '../../../shared/drills/api';
import { COMMITTED_STATUSES } from '../../../shared/model';
import { useNames } from '../hooks/names';
import { useConsole, useRuntime } from '../hooks/runtime';
import { clock, dateIso } from '../lib/format';
import { useDrillStore } from './context';
import { MiniMap } from './MiniMap';

/** Playback: scenario seconds per real second. */
const PLAY_RATE = 30;
const STEP_MS = 250;

export function ReplayView() {
  const { t } = useTranslation();
  const { session } = useRuntime();
  const drills = useDrillStore();
  const catalog = useConsole((d) => d.catalog);
  const names = useNames();
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const [at, setAt] = useState<number | null>(null);
  const [state, setState] = useState<ReplayState | null>(null);
  const [playing, setPlaying] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    void session.api['replay.range']({}).then((r) => {
      if (r.from === null || r.to === null) return;
      setRange({ from: r.from, to: r.to });
      setAt(r.to);
    });
  }, [session]);

  useEffect(() => {
    if (at === null) return;
    const n = ++asked.current;
    void session.api['replay.at']({ at: Math.round(at) }).then((s) => {
      if (n === asked.current) setState(s);
    });
  }, [at, session]);

  useEffect(() => {
    if (!playing || !range) return;
    const timer = setInterval(() => {
      setAt((x) => {
        const next = Math.min(range.to, (x ?? range.from) + PLAY_RATE * STEP_MS);
        if (next >= range.to) setPlaying(false);
        return next;
      });
    }, STEP_MS);
    return () => clearInterval(timer);
  }, [playing, range]);

  const color = (agency: string | null): string => catalog?.agencies.find((a) => a.id === agency)?.color ?? '#8797ad';
  const open = state?.incidents.filter((i) => i.status !== 'closed') ?? [];
  return (
    <div className="qx-modal qx-drill-view" role="dialog" aria-modal="true" aria-label={t('drills.replay.title')} data-testid="replay">
      <div className="qx-modal__box qx-drill-view__box">
        <div className="qx-modal__head">
          <h2>{t('drills.replay.title')}</h2>
          <span className="qx-drill-view__time" data-testid="replay-time">
            {at === null ? '—' : `${dateIso(at)} ${clock(at)}`}
          </span>
          <span className="qx-drill-banner__spacer" />
          <button type="button" className="qx-btn" onClick={() => drills.open({ kind: 'none' })} data-testid="replay-close">
            {t('drills.close')}
          </button>
        </div>
        {range ? (
          <div className="qx-drill-view__scrub">
            <button type="button" className="qx-btn" onClick={() => setPlaying(!playing)} data-testid="replay-play">
              {playing ? t('drills.replay.pause') : t('drills.replay.play')}
            </button>
            <input
              type="range"
              min={range.from}
              // A whole number of steps above the start, so the last step (End) is at or after the log's last event.
              max={range.from + Math.ceil((range.to - range.from) / 1000) * 1000}
              step={1000}
              value={at ?? range.to}
              onChange={(e) => {
                setPlaying(false);
                setAt(Number(e.target.value));
              }}
              aria-label={t('drills.replay.scrubber')}
              // The keyboard starts on the timeline: ←/→ a second, PageUp/PageDown, Home/End (the input's own keys).
              autoFocus
              data-testid="replay-slider"
            />
          </div>
        ) : (
          <p>{t('drills.replay.empty')}</p>
        )}
        {state && (
          <div className="qx-drill-view__cols">
            <MiniMap
              label={t('drills.replay.map')}
              testId="replay-map"
              units={state.units.flatMap((u) => (u.lat === null || u.lon === null ? [] : [{ id: u.id, lat: u.lat, lon: u.lon, color: COMMITTED_STATUSES.has(u.status) ? color(u.agency) : '#55657a', title: `${u.name} · ${t(`unitStatus.${u.status}`)}` }]))}
              incidents={open.map((i) => ({ id: i.id, lat: i.lat, lon: i.lon, title: `#${i.number} ${names.incidentType(i.type)} ${i.address}` }))}
            />
            <div className="qx-drill-view__side">
              <p data-testid="replay-counts">{t('drills.replay.counts', { events: state.events, incidents: open.length, orders: state.orders.length, warnings: state.warnings.length })}</p>
              <ul className="qx-drill-list" data-testid="replay-incidents">
                {open.map((i) => (
                  <li key={i.id}>
                    <b>#{i.number}</b> {names.incidentType(i.type)} {i.address} · {t(`incidentStatus.${i.status}`)}
                    <div className="qx-drill-list__sub">
                      {state.orders
                        .filter((o) => o.incidentId === i.id)
                        .map((o) => `${o.unitId} ${t(`orderState.${o.state}`)}`)
                        .join(' · ')}
                    </div>
                  </li>
                ))}
              </ul>
              <ul className="qx-drill-list">
                {state.warnings.map((w) => (
                  <li key={w.id}>⚠ {w.title}</li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
