/** The field link in detail: where, how, as whom, and while it is down, when it tries again and why it failed. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkView } from '../../../../shared/model';
import { useNow } from '../../hooks/now';
import { useConsole } from '../../hooks/runtime';
import { clock, span } from '../../lib/format';

export function LinkDetails({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const link = useConsole((d) => d.link);
  const now = useNow();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus({ preventScroll: true }), []);
  if (!link) return null;
  const retry = (l: LinkView): string => {
    if (l.status === 'connected' || l.retryAt === undefined) return '—';
    const left = l.retryAt - now;
    return left > 0 ? t('link.retryIn', { time: span(left) }) : t('link.retryNow');
  };

  const rows: readonly [string, string, string][] = [
    ['state', t('link.state'), `${t(`link.${link.status}`)} · ${t('link.since', { time: clock(link.since) })}`],
    ['broker', t('link.broker'), link.embedded ? `${link.broker} (${t('link.embedded')})` : link.broker],
    ['protocol', t('link.protocol'), link.protocol ? `MQTT ${link.protocol}` : '—'],
    ['tls', t('link.tls'), link.tls === undefined ? '—' : link.tls ? t('link.tlsOn') : t('link.tlsOff')],
    ['user', t('link.user'), link.user || t('link.anonymous')],
    ['attempt', t('link.attempt'), String(link.attempt ?? 0)],
    ['retry', t('link.retry'), retry(link)],
    ['error', t('link.lastError'), link.lastError || '—'],
    ['outbox', t('link.outboxCount'), String(link.outbox)],
  ];

  return (
    <div
      ref={box}
      id="qx-link-details"
      className="qx-popover"
      role="dialog"
      aria-labelledby="qx-link-title"
      tabIndex={-1}
      data-testid="link-details"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onClose();
      }}
    >
      <h2 className="qx-panel__title" id="qx-link-title">
        {t('link.details')}
      </h2>
      <dl className="qx-facts qx-popover__facts">
        {rows.map(([id, k, v]) => (
          <div key={id} className="qx-popover__row" data-testid={`link-${id}`}>
            <dt>{k}</dt>
            <dd className={id === 'broker' || id === 'error' ? 'qx-mono qx-break' : undefined}>{v}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="qx-btn qx-btn--ghost" onClick={onClose} data-testid="link-details-close">
        {t('link.close')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}
