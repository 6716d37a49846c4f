/** Every event of the case, oldest first: when, what (in words), who, and the reason where there is one. */
import { useTranslation } from 'react-i18next';
import type { CaseEventEntry } from '../../../../shared/cases/model';
import { useCases } from '../../hooks/cases';
import { useNow } from '../../hooks/now';
import { stamp } from '../../lib/format';

const TYPE = /^case\.[a-z_]{1,40}$/;

/** A short text from the event's payload worth showing: a reason, a summary, a note, the feedback. */
function useDetailText(): (type: string, d: Readonly<Record<string, unknown>>) => string {
  const { t } = useTranslation();
  return (type, d) => {
    const str = (k: string): string => (typeof d[k] === 'string' ? (d[k]) : '');
    if (type === 'case.completed') return [t(`cases.outcome.${str('outcome') === 'resolved' ? 'resolved' : 'not_resolved'}`), str('summary')].filter(Boolean).join(' · ');
    if (type === 'case.closed') {
      const f = str('feedback');
      return [f === 'satisfied' || f === 'dissatisfied' || f === 'none' ? t(`cases.feedback.${f}`) : '', str('comment')].filter(Boolean).join(' · ');
    }
    for (const k of ['reason', 'summary', 'text']) if (str(k)) return str(k);
    return '';
  };
}

export function CaseTimeline() {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const entries: readonly CaseEventEntry[] = useCases((s) => s.timeline);
  const detailText = useDetailText();
  const label = (type: string): string => {
    const key = `cases.event.${type.slice(5)}`;
    return TYPE.test(type) && i18n.exists(key) ? t(key) : type;
  };
  return (
    <section aria-label={t('cases.timeline')} data-testid="case-timeline">
      <h3 className="qx-case__sub">{t('cases.timeline')}</h3>
      <ol className="qx-case-timeline">
        {entries.map((e) => (
          <li key={e.seq} data-testid="case-event" data-type={e.type}>
            <time>{stamp(e.at, now)}</time>
            <span>
              {label(e.type)} <span className="qx-hint">· {e.actor}</span>
              {detailText(e.type, e.detail) && <span className="qx-break"> — {detailText(e.type, e.detail)}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
