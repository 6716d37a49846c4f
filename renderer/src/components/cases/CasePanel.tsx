/**
 * One case: what, where, who (the contact only when the core returns it to this role), its SLA
 * clocks, the handling body, what can be done now, duplicates, progress, conversion to an
 * incident, and the timeline.
 */
import { useTranslation } from 'react-i18next';
import { useCaseNames, useCases } from '../../hooks/cases';
import { useNow } from '../../hooks/now';
import { isOpen } from '../../lib/cases';
import { latLon, stamp } from '../../lib/format';
import { CaseActions } from './CaseActions';
import { CaseConvert } from './CaseConvert';
import { CaseRelated } from './CaseRelated';
import { CaseRouting } from './CaseRouting';
import { CaseTimeline } from './CaseTimeline';
import { CaseTriage } from './CaseTriage';
import { CaseWork } from './CaseWork';
import { SlaClock } from './SlaClock';

export function CasePanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const names = useCaseNames();
  const now = useNow();
  const c = useCases((s) => s.list.get(id) ?? null);
  const detail = useCases((s) => (s.detail?.case.id === id ? s.detail : null));
  if (!c) return <p className="qx-empty">{t('cases.panel.loading')}</p>;
  const reporter = detail?.case.reporter ?? c.reporter;
  const hidden = detail?.case.reporterHidden ?? c.reporterHidden;
  return (
    <section className="qx-panel qx-case" aria-labelledby="qx-case-title" data-testid="case-panel" data-case={c.id} data-number={c.number} data-status={c.status}>
      <h2 className="qx-panel__title" id="qx-case-title">
        {t('cases.panel.title', { n: c.number })}
        <span className="qx-tag" data-testid="case-status">
          {t(`cases.status.${c.status}`)}
        </span>
        <SlaClock c={c} />
      </h2>
      <dl>
        <dt>{t('cases.panel.category')}</dt>
        <dd data-testid="case-category">{names.category(c.category)}</dd>
        <dt>{t('cases.panel.urgency')}</dt>
        <dd data-testid="case-urgency">{t(`cases.urgency.${c.urgency}`)}</dd>
        <dt>{t('cases.panel.channel')}</dt>
        <dd>{t(`cases.channel.${c.channel}`)}</dd>
        <dt>{t('cases.panel.where')}</dt>
        <dd>
          {c.address || '—'} <span className="qx-hint qx-mono">{latLon(c.lat, c.lon)}</span> · {names.district(c.district)}
        </dd>
        <dt>{t('cases.panel.reporter')}</dt>
        <dd data-testid="case-reporter">{reporter ? `${reporter.name || '—'} · ${reporter.phone || '—'}` : t(hidden ? 'cases.panel.hidden' : 'cases.panel.noContact')}</dd>
        <dt>{t('cases.panel.body')}</dt>
        <dd data-testid="case-body">{names.body(c.bodyId)}</dd>
        <dt>{t('cases.panel.received')}</dt>
        <dd>{stamp(c.receivedAt, now)}</dd>
        {c.outcome && (
          <>
            <dt>{t('cases.panel.outcome')}</dt>
            <dd data-testid="case-outcome">{t(`cases.outcome.${c.outcome}`)}</dd>
          </>
        )}
        {c.feedback && (
          <>
            <dt>{t('cases.panel.feedback')}</dt>
            <dd data-testid="case-feedback-shown">{t(`cases.feedback.${c.feedback}`)}</dd>
          </>
        )}
        {c.incidentId && (
          <>
            <dt>{t('cases.panel.incident')}</dt>
            <dd data-testid="case-incident">{t('cases.panel.converted')}</dd>
          </>
        )}
      </dl>
      <p className="qx-case__text" data-testid="case-description">
        {c.description}
      </p>
      {isOpen(c) && <CaseTriage key={`${c.id}:${c.category}:${c.urgency}`} c={c} />}
      {detail && isOpen(c) && <CaseRouting detail={detail} />}
      <CaseActions c={c} />
      {detail && <CaseRelated detail={detail} />}
      {detail && <CaseWork detail={detail} />}
      {isOpen(c) && <CaseConvert c={c} />}
      <CaseTimeline />
    </section>
  );
}
