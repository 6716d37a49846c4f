/** Every event of the case, oldest first: when, what (in words), who, and the reason where there is one. */
import { useTranslation } from 'react-i18next';
import type { CaseEventEntry } from '../../../../shared/cases/model';
import { useCases } from '../../hooks/cases';
import { useNow } from '../../hooks/now';
import { stamp } from '../../lib/format';

const TYPE = /^case\.[a-z_]{1,40}$/;

/** A short text from the event's payload worth showing: a reason, a summary, a note. */
function detailText(d: Readonly<Record<string, unknown>>): string {
  for (const k of ['reason', 'summary', 'text', 'comment', 'feedback', 'outcome']) {
    const v = d[k];
    if (typeof v === 'string' && v) return v;
  }
  return '';
}

export function CaseTimeline() {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const entries: readonly CaseEventEntry[] = useCases((s) => s.timeline);
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
              {detailText(e.detail) && <span className="qx-break"> — {detailText(e.detail)}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
