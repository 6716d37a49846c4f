/** "?": every shortcut and command in the current language. Escape or "?" again closes it. */
import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../../hooks/runtime';
import { COMMAND_HELP, shortcutLabel, SHORTCUTS } from '../../lib/shortcuts';

export function HelpOverlay() {
  const { t } = useTranslation();
  const { ui } = useRuntime();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);

  return (
    <div
      className="qx-overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="qx-help-title"
      onClick={(e) => e.target === e.currentTarget && ui.setOverlay(null)}
    >
      <div
        ref={box}
        className="qx-help"
        tabIndex={-1}
        data-testid="help"
        onKeyDown={(e) => {
          if (e.key === '?' || e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            ui.setOverlay(null);
          }
        }}
      >
        <h2 className="qx-panel__title" id="qx-help-title">
          {t('help.title')}
        </h2>
        <div className="qx-help__cols">
          <dl className="qx-help__keys">
            {SHORTCUTS.map((s) => (
              <Fragment key={s.label}>
                <dt>
                  {s.keys.map((k, i) => (
                    <Fragment key={k}>
                      {i > 0 && <span className="qx-help__join">{s.join === 'plus' ? '+' : s.join === 'then' ? t('help.then') : t('help.or')}</span>}
                      <kbd>{k}</kbd>
                    </Fragment>
                  ))}
                </dt>
                <dd data-testid="help-shortcut">{t(shortcutLabel(s))}</dd>
              </Fragment>
            ))}
          </dl>
          <div>
            <h3 className="qx-help__sub">{t('help.commands')}</h3>
            <ul className="qx-help__cmds">
              {COMMAND_HELP.map((v) => (
                <li key={v}>
                  <code>{t(`cmd.usage.${v}`)}</code>
                  <span>{t(`cmd.what.${v}`)}</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
        <p className="qx-hint">{t('help.close')}</p>
      </div>
    </div>
  );
}
