/** new → dispatched → on scene → under control → closed: where the incident stands. */
import { useTranslation } from 'react-i18next';
import type { IncidentStatus } from '../../../../../shared/model';
import { statusSteps } from '../../../lib/lifecycle';

export function StatusChips({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <ol className="qx-steps" aria-label={t('incident.statusSteps')} data-testid="status-chips">
      {statusSteps(status).map((s) => (
        <li key={s.status} className={`qx-steps__step qx-steps__step--${s.state}`} aria-current={s.state === 'current' ? 'step' : undefined} data-state={s.state}>
          {t(`incidentStatus.${s.status}`)}
        </li>
      ))}
    </ol>
  );
}
