/**
 * Re-triage an open case: another category or urgency when the first take was wrong (a "noise"
 * call that is really a safety hazard). The core logs it, recomputes the SLA targets and the
 * routing proposal; the timeline shows the change.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_URGENCIES, type CaseUrgency, type CaseView } from '../../../../shared/cases/model';
import { useRuntime } from '../../hooks/runtime';
import { SelectField } from '../fields/SelectField';
import { CategorySelect } from './CategorySelect';

export function CaseTriage({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { cases } = useRuntime();
  const [category, setCategory] = useState(c.category);
  const [urgency, setUrgency] = useState<CaseUrgency>(c.urgency);
  const changed = category !== c.category || urgency !== c.urgency;
  const apply = (): void => {
    void cases.act((api) =>
      api['cases.triage']({ caseId: c.id, category: category !== c.category ? category : undefined, urgency: urgency !== c.urgency ? urgency : undefined }),
    );
  };
  return (
    <section className="qx-case__row" aria-label={t('cases.triage.title')} data-testid="case-triage">
      <CategorySelect value={category} onChange={setCategory} testId="case-triage-category" />
      <SelectField<CaseUrgency>
        label={t('cases.form.urgency')}
        value={urgency}
        choices={CASE_URGENCIES.map((u) => ({ value: u, label: t(`cases.urgency.${u}`) }))}
        onChange={setUrgency}
        testid="case-triage-urgency"
      />
      <button type="button" className="qx-btn" disabled={!changed || category === ''} onClick={apply} data-testid="case-triage-apply">
        {t('cases.triage.apply')}
      </button>
    </section>
  );
}
