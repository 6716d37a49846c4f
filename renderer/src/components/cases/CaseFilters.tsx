/** The queue's filters: status (open by default), channel, category, handling body. */
import { useTranslation } from 'react-i18next';
import { CASE_CHANNELS, CASE_STATUSES, type CaseChannel, type CaseStatus } from '../../../../shared/cases/model';
import { useCaseNames, useCases } from '../../hooks/cases';
import { useRuntime } from '../../hooks/runtime';
import { categoryOptions } from '../../lib/cases';
import type { CaseFilters } from '../../store/cases-store';

export function CaseFiltersBar() {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const f = useCases((s) => s.filters);
  const catalog = useCases((s) => s.catalog);
  const names = useCaseNames();
  const categories = categoryOptions(catalog);
  return (
    <div className="qx-case-filters" role="group" aria-label={t('cases.filters.label')} data-testid="case-filters">
      <label className="qx-field">
        <span>{t('cases.filters.status')}</span>
        <select value={f.status} onChange={(e) => cases.setFilters({ status: e.target.value as CaseFilters['status'] })} data-testid="case-filter-status">
          <option value="open">{t('cases.filters.open')}</option>
          <option value="all">{t('cases.filters.all')}</option>
          {CASE_STATUSES.map((s: CaseStatus) => (
            <option key={s} value={s}>
              {t(`cases.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="qx-field">
        <span>{t('cases.filters.channel')}</span>
        <select value={f.channel} onChange={(e) => cases.setFilters({ channel: e.target.value as CaseChannel | '' })} data-testid="case-filter-channel">
          <option value="">{t('cases.filters.any')}</option>
          {CASE_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`cases.channel.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="qx-field">
        <span>{t('cases.filters.category')}</span>
        <select value={f.category} onChange={(e) => cases.setFilters({ category: e.target.value })} data-testid="case-filter-category">
          <option value="">{t('cases.filters.any')}</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {'\u00a0\u00a0'.repeat(c.depth)}
              {names.category(c.id)}
            </option>
          ))}
        </select>
      </label>
      <label className="qx-field">
        <span>{t('cases.filters.body')}</span>
        <select value={f.body} onChange={(e) => cases.setFilters({ body: e.target.value })} data-testid="case-filter-body">
          <option value="">{t('cases.filters.any')}</option>
          {(catalog?.bodies ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              {names.body(b.id)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
