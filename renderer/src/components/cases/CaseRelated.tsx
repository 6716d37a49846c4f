/**
 * Possible duplicates (same phone, same address, similar words, same category nearby) with why,
 * each mergeable into this case in one press; cases already merged into it are listed below.
 */
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/cases/api';
import { useCaseNames } from '../../hooks/cases';
import { useRuntime } from '../../hooks/runtime';
import { isOpen } from '../../lib/cases';

export function CaseRelated({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const names = useCaseNames();
  const c = detail.case;
  if (detail.duplicates.length === 0 && detail.merged.length === 0) return null;
  return (
    <section className="qx-case-related" aria-label={t('cases.related.title')} data-testid="case-related">
      <h3 className="qx-case__sub">{t('cases.related.title')}</h3>
      <ul>
        {detail.duplicates.map((d) => (
          <li key={d.case.id} data-testid="case-duplicate" data-case={d.case.id}>
            <button type="button" className="qx-btn qx-btn--ghost" onClick={() => cases.select(d.case.id)}>
              #{d.case.number} {names.category(d.case.category)}
            </button>
            <span className="qx-hint">{d.reasons.map((r) => t(`cases.related.why.${r}`)).join(' · ')}</span>
            {isOpen(c) && (
              <button
                type="button"
                className="qx-btn"
                onClick={() => void cases.act((api) => api['cases.merge']({ caseId: d.case.id, intoId: c.id }))}
                data-testid="case-merge"
              >
                {t('cases.related.merge', { n: d.case.number })}
              </button>
            )}
          </li>
        ))}
        {detail.merged.map((m) => (
          <li key={m.id} data-testid="case-merged">
            <span>
              #{m.number} {names.category(m.category)}
            </span>
            <span className="qx-tag">{t('cases.status.merged')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
