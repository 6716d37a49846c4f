import { useTranslation } from 'react-i18next';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { Clock } from './Clock';
import { LanguageSwitch } from './LanguageSwitch';
import { LinkStatus } from './LinkStatus';
import { WarningsButton } from './WarningsButton';
import { ReplayButton } from '../../drills/ReplayButton';

/** The centre's views and their keys (the case desk's texts are under `cases.`). */
const VIEWS = [
  ['map', 'B', 'view.map'],
  ['board', 'B', 'view.board'],
  ['cases', 'Q', 'cases.view.desk'],
  ['kpi', 'P', 'cases.view.kpi'],
] as const;

export function Header() {
  const { t } = useTranslation();
  const { ui, session } = useRuntime();
  const consoleId = useConsole((d) => d.consoleId);
  const rejected = useConsole((d) => d.diagnostics?.rejectedTotal ?? 0);
  const open = useUi((s) => s.diagnosticsOpen);
  const view = useUi((s) => s.view);
  return (
    <header className="qx-header">
      <div className="qx-brand" title={`${t('header.console')} ${consoleId || '—'} · ${t('header.dispatcher')} ${session.actor}`}>
        <span className="qx-brand__zh">全响应</span>
        <span className="qx-brand__en">Quanxiang</span>
        <span className="qx-brand__sub">{t('app.subtitle')}</span>
      </div>
      <div className="qx-header__meta">
        <span className="qx-meta">
          <span className="qx-meta__k">{t('header.console')}</span>
          <span className="qx-meta__v" data-testid="console-id">
            {consoleId || '—'}
          </span>
        </span>
        <span className="qx-meta">
          <span className="qx-meta__k">{t('header.dispatcher')}</span>
          <span className="qx-meta__v">{session.actor}</span>
        </span>
      </div>
      <LinkStatus />
      <div className="qx-header__spacer" />
      <div className="qx-lang" role="group" aria-label={t('view.label')} data-testid="view-switch">
        {VIEWS.map(([v, key, label]) => (
          <button key={v} type="button" className="qx-lang__btn" aria-pressed={view === v} onClick={() => ui.setView(v)} data-testid={`view-${v}`}>
            {t(label)} <kbd>{key}</kbd>
          </button>
        ))}
      </div>
      <WarningsButton />
      <ReplayButton />
      <button
        type="button"
        className="qx-btn qx-btn--ghost qx-diag-btn"
        aria-pressed={open}
        onClick={() => ui.setDiagnostics(!open)}
        data-testid="diagnostics-button"
        title={t('diagnostics.shortcut')}
      >
        {t('diagnostics.button')}
        {rejected > 0 && <span className="qx-badge qx-badge--warn">{rejected}</span>}
      </button>
      <LanguageSwitch />
      <Clock />
    </header>
  );
}
