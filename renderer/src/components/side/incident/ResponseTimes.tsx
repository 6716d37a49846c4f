/**
 * The times that matter, live: call to first dispatch, then from the dispatch to the first
 * acknowledgement, the first unit en route and the first on scene. A span still running ticks.
 */
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../../../shared/model';
import { useNow } from '../../../hooks/now';
import { clock, span } from '../../../lib/format';
import { responseTimes } from '../../../lib/lifecycle';

export function ResponseTimes({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <dl className="qx-times" aria-label={t('times.title')} data-testid="response-times">
      {responseTimes(incident, now).map((r) => (
        <div key={r.key} className={`qx-times__cell${r.pending ? ' qx-times__cell--pending' : ''}`} data-testid={`time-${r.key}`} data-pending={r.pending}>
          <dt>{t(`times.${r.key}`)}</dt>
          <dd className="qx-mono" title={r.to !== null ? clock(r.to) : undefined}>
            {r.ms === null ? '—' : span(r.ms)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
