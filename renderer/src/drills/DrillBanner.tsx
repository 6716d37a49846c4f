/**
 * The DRILL banner: "演练 / DRILL" in both languages whatever the interface language, the running
 * scenario with its own clock and elapsed time, speed ×1 ×2 ×5 ×10 and pause, stop; a scenario to
 * start when none runs; the replay and the after-action report. Always on top in drill mode.
 * Controls show only to roles that may use them: a read-only wall screen shows the banner alone.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRILL_SPEED_CHOICES } from '../../../shared/drills/api';
import { useNow } from '../hooks/now';
import { useAllowed } from '../hooks/runtime';
import { useDrill, useDrillStore } from './context';
import { drillNow } from './drill-store';
import { mmss, scenarioClock } from './format';

export function DrillBanner() {
  const { t, i18n } = useTranslation();
  const store = useDrillStore();
  const state = useDrill((s) => s);
  const wall = useNow(); // every second: the clocks below run
  const { status, scenarios, error } = state;
  const run = status?.run ?? null;
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const mayControl = useAllowed('drill.control');
  const mayStart = useAllowed('drill.start');
  const mayRead = useAllowed('drill.report') && mayControl;
  const [pick, setPick] = useState('');
  const [auto, setAuto] = useState(false);
  const chosen = pick || scenarios[0]?.id || '';
  const now = drillNow(state, wall);
  const elapsedS = run ? Math.max(0, (now - run.startedAt) / 1000) : 0;

  return (
    <div className="qx-drill-banner" role="banner" aria-label={t('drills.banner.label')} data-testid="drill-banner">
      <strong className="qx-drill-banner__mark">演练 / DRILL</strong>
      {run ? (
        <>
          <span className="qx-drill-banner__title" data-testid="drill-title">
            {run.title[lang]}
          </span>
          <span className="qx-drill-banner__meta" title={t('drills.banner.scenarioTime')}>
            {scenarioClock(run.scenarioStart, elapsedS)}
          </span>
          <span className="qx-drill-banner__meta" data-testid="drill-elapsed">
            {mmss(elapsedS)} / {mmss(run.durationS)}
          </span>
          {mayControl && (
          <span className="qx-drill-banner__group" role="group" aria-label={t('drills.banner.speed')}>
            {DRILL_SPEED_CHOICES.map((x) => (
              <button key={x} type="button" className="qx-drill-btn" aria-pressed={status?.speed === x && !status.paused} onClick={() => void store.control({ speed: x, paused: false })} data-testid={`drill-speed-${x}`}>
                ×{x}
              </button>
            ))}
            <button type="button" className="qx-drill-btn" aria-pressed={status?.paused ?? false} onClick={() => void store.control({ paused: !status?.paused })} data-testid="drill-pause">
              {status?.paused ? t('drills.banner.resume') : t('drills.banner.pause')}
            </button>
          </span>
          )}
          {mayStart && (
          <button type="button" className="qx-drill-btn" onClick={() => void store.stop()} data-testid="drill-stop">
            {t('drills.banner.stop')}
          </button>
          )}
        </>
      ) : (
        mayStart && (
        <span className="qx-drill-banner__group">
          <select className="qx-drill-select" value={chosen} onChange={(e) => setPick(e.target.value)} aria-label={t('drills.banner.scenario')} data-testid="drill-scenario">
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[lang]}
              </option>
            ))}
          </select>
          <label className="qx-drill-banner__check">
            <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} data-testid="drill-auto" /> {t('drills.banner.auto')}
          </label>
          <button type="button" className="qx-drill-btn qx-drill-btn--go" disabled={!chosen} onClick={() => void store.startScenario(chosen, auto)} data-testid="drill-start">
            {t('drills.banner.start')}
          </button>
        </span>
        )
      )}
      <span className="qx-drill-banner__spacer" />
      {error && (
        <span className="qx-drill-banner__error" role="alert">
          {error}
        </span>
      )}
      {mayRead && (
        <>
          <button type="button" className="qx-drill-btn" onClick={() => store.open({ kind: 'replay' })} data-testid="drill-replay">
            {t('drills.replay.open')}
          </button>
          <button type="button" className="qx-drill-btn" onClick={() => store.open({ kind: 'report', runId: null })} data-testid="drill-report">
            {t('drills.report.open')}
          </button>
        </>
      )}
    </div>
  );
}
