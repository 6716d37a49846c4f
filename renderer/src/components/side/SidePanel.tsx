/** The right-hand action panel: new-incident form, an incident's recommendation and orders, or help. */
import { useTranslation } from 'react-i18next';
import { useUi } from '../../hooks/runtime';
import { useErrorText } from '../keyboard/error-text';
import { IncidentForm } from './IncidentForm';
import { IncidentPanel } from './IncidentPanel';

export function SidePanel() {
  const { t } = useTranslation();
  const panel = useUi((s) => s.panel);
  const error = useUi((s) => s.error);
  const errorText = useErrorText();
  return (
    <div className="qx-side" data-testid="side-panel" data-panel={panel.kind}>
      {error && (
        <p className="qx-alert qx-alert--error" role="alert" data-testid="error" data-code={error.code}>
          {errorText(error)}
        </p>
      )}
      {panel.kind === 'new' && <IncidentForm key={panel.form} lat={panel.lat} lon={panel.lon} />}
      {panel.kind === 'incident' && <IncidentPanel key={panel.id} id={panel.id} />}
      {panel.kind === 'idle' && (
        <section className="qx-panel qx-idle">
          <h2 className="qx-panel__title">{t('idle.title')}</h2>
          <p className="qx-idle__text">{t('idle.text')}</p>
          <ol className="qx-idle__steps">
            <li>{t('idle.step1')}</li>
            <li>{t('idle.step2')}</li>
            <li>{t('idle.step3')}</li>
          </ol>
        </section>
      )}
    </div>
  );
}
