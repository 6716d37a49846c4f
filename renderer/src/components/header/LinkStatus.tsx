/**
 * Two links matter to a dispatcher: this screen to the console core, and the core to the field
 * (the MQTT broker). Orders wait in the outbox while the field link is down, so its size is shown.
 * A click (or Enter) opens the field link's details: broker, protocol, TLS, user, retries.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useConsole, useRuntime, useUi } from '../../hooks/runtime';
import { LinkDetails } from './LinkDetails';

export function LinkStatus() {
  const { t } = useTranslation();
  const { ui } = useRuntime();
  const connection = useConsole((d) => d.connection);
  const link = useConsole((d) => d.link);
  const open = useUi((s) => s.linkOpen);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const coreOk = connection === 'ready';
  const field = coreOk ? (link?.status ?? 'connecting') : 'unknown';
  const tone = !coreOk ? 'bad' : field === 'connected' ? 'ok' : field === 'offline' ? 'bad' : 'warn';

  // A press anywhere else closes the details.
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent): void => {
      if (!wrap.current?.contains(e.target as Node)) ui.setLinkOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open, ui]);

  return (
    <div className="qx-link-wrap" ref={wrap}>
      <button
        ref={button}
        type="button"
        className="qx-link"
        data-testid="link-status"
        data-core={connection}
        data-link={field}
        aria-expanded={open}
        aria-controls="qx-link-details"
        title={t('link.detailsHint')}
        onClick={() => ui.setLinkOpen(!open)}
      >
        <span className={`qx-dot qx-dot--${tone}`} aria-hidden="true" />
        <span className="qx-link__label">{coreOk ? t(`link.${field}`) : t(`core.${connection}`)}</span>
        {coreOk && link && (
          <span className={`qx-link__outbox${link.outbox > 0 ? ' qx-link__outbox--pending' : ''}`} data-testid="outbox">
            {t('link.outbox', { count: link.outbox })}
          </span>
        )}
      </button>
      {open && (
        <LinkDetails
          onClose={() => {
            ui.setLinkOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </div>
  );
}
