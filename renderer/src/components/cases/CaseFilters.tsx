/** The queue's filters: status (open by default), channel, category, handling body. */
import { useTranslation } from 'react-i18next';
import { CASE_CHANNELS, CASE_STATUSES, type CaseChannel, type CaseStatus } from '../../../../shared/cases/model';
import { useCaseNames, useCases } from '../../hooks/cases';
import { useRuntime } from '../../hooks/runtime';
import { categoryOptions } from '../../lib/cases';
import type { CaseFilters } from '../../store/cases-store';
import { SelectField } from '../fields/SelectField';

export function CaseFiltersBar() {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const f = useCases((s) => s.filters);
  const catalog = useCases((s) => s.catalog);
  const names = useCaseNames();
  const categories = categoryOptions(catalog);
  const any = t('cases.filters.any');
  return (
    <div className="qx-case-filters" role="group" aria-label={t('cases.filters.label')} data-testid="case-filters">
      <SelectField<CaseFilters['status']>
        label={t('cases.filters.status')}
        value={f.status}
        choices={[
          { value: 'open', label: t('cases.filters.open') },
          { value: 'all', label: t('cases.filters.all') },
          ...CASE_STATUSES.map((s: CaseStatus) => ({ value: s, label: t(`cases.status.${s}`) })),
        ]}
        onChange={(status) => cases.setFilters({ status })}
        testid="case-filter-status"
      />
      <SelectField<CaseChannel>
        label={t('cases.filters.channel')}
        value={f.channel}
        any={any}
        choices={CASE_CHANNELS.map((c) => ({ value: c, label: t(`cases.channel.${c}`) }))}
        onChange={(channel) => cases.setFilters({ channel })}
        testid="case-filter-channel"
      />
      <SelectField
        label={t('cases.filters.category')}
        value={f.category}
        any={any}
        choices={categories.map((c) => ({ value: c.id, label: `${'\u00a0\u00a0'.repeat(c.depth)}${names.category(c.id)}` }))}
        onChange={(category) => cases.setFilters({ category })}
        testid="case-filter-category"
      />
      <SelectField
        label={t('cases.filters.body')}
        value={f.body}
        any={any}
        choices={(catalog?.bodies ?? []).map((b) => ({ value: b.id, label: names.body(b.id) }))}
        onChange={(body) => cases.setFilters({ body })}
        testid="case-filter-body"
      />
    </div>
  );
}
