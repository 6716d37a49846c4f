/**
 * Two links matter to a dispatcher: this screen to the console core, and the core to the field
 * (the MQTT broker). Orders wait in the outbox while the field link is down, so its size is shown.
 */
import { useTranslation } from 'react-i18next';
import { useConsole } from '../../hooks/runtime';

export function LinkStatus() {
  const { t } = useTranslation();
  const connection = useConsole((d) => d.connection);
  const link = useConsole((d) => d.link);
  const coreOk = connection === 'ready';
  const field = coreOk ? (link?.status ?? 'connecting') : 'unknown';
  const tone = !coreOk ? 'bad' : field === 'connected' ? 'ok' : field === 'offline' ? 'bad' : 'warn';
  return (
    <div className="qx-link" data-testid="link-status" data-core={connection} data-link={field} title={link?.broker ?? ''}>
      <span className={`qx-dot qx-dot--${tone}`} aria-hidden="true" />
      <span className="qx-link__label">{coreOk ? t(`link.${field}`) : t(`core.${connection}`)}</span>
      {coreOk && link && (
        <span className={`qx-link__outbox${link.outbox > 0 ? ' qx-link__outbox--pending' : ''}`} data-testid="outbox">
          {t('link.outbox', { count: link.outbox })}
        </span>
      )}
    </div>
  );
}
