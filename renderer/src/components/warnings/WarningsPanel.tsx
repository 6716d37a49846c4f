/**
 * The open risk warnings, worst and newest first: sensors over their lines, CAP alerts, hotspots,
 * geofences. ↑/↓ move through the list, Enter shows a warning on the map, A acknowledges it. The
 * tone switch and the CAP file import sit on top.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { sortWarnings, unacknowledged } from '../../lib/warnings';
import { CapImport } from './CapImport';
import { SoundToggle } from './SoundToggle';
import { WarningRow } from './WarningRow';

const MAIN = '.qx-warn__main';

export function WarningsPanel() {
  const { t } = useTranslation();
  const { ui } = useRuntime();
  const warnings = useConsole((d) => d.warnings);
  const focusId = useUi((s) => s.focusWarning?.id ?? null);
  const pending = useUi((s) => s.pendingFocus);
  const list = useMemo(() => sortWarnings(warnings.values()), [warnings]);
  const open = useRef<HTMLOListElement>(null);
  const title = useRef<HTMLHeadingElement>(null);

  // Opened with W: the keyboard lands on the first warning (or the title when there is none).
  useEffect(() => {
    if (pending !== 'warnings') return;
    (open.current?.querySelector<HTMLElement>(MAIN) ?? title.current)?.focus();
    ui.focusTaken();
  }, [pending, ui]);

  return (
    <section className="qx-panel qx-warnings" aria-labelledby="qx-warnings-title" data-testid="warnings-panel">
      <h2 className="qx-panel__title" id="qx-warnings-title" ref={title} tabIndex={-1}>
        {t('warnings.title')}
        <span className="qx-count" data-testid="warnings-count">
          {t('warnings.counts', { count: list.length, unacked: unacknowledged(list) })}
        </span>
      </h2>
      <div className="qx-warnings__tools">
        <SoundToggle />
        <CapImport />
      </div>
      {list.length === 0 ? (
        <p className="qx-empty" data-testid="warnings-empty">
          {t('warnings.empty')}
        </p>
      ) : (
        <ol
          ref={open}
          className="qx-warnings__list"
          aria-label={t('warnings.list')}
          onKeyDown={(e) => {
            const row = (e.target as HTMLElement).closest<HTMLElement>('[data-testid="warning-row"]');
            if (!row) return;
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              const next = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
              next?.querySelector<HTMLElement>(MAIN)?.focus();
              e.preventDefault();
            } else if (e.key.toLowerCase() === 'a' && !e.ctrlKey && !e.metaKey && !e.altKey) {
              row.querySelector<HTMLButtonElement>('[data-testid="warning-ack"]')?.click();
              e.preventDefault();
            }
          }}
        >
          {list.map((w) => (
            <WarningRow key={w.id} w={w} focused={focusId === w.id} onShow={() => ui.showWarning(w.id)} />
          ))}
        </ol>
      )}
      <p className="qx-hint">{t('warnings.keys')}</p>
    </section>
  );
}
