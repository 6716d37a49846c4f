/**
 * "This is an emergency": the case becomes a dispatch incident in one action, of the type its
 * category proposes (or another), at its place; the incident then waits in the dispatch queue.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/cases/model';
import { useCases } from '../../hooks/cases';
import { useNames } from '../../hooks/names';
import { useRuntime } from '../../hooks/runtime';
import { SelectField } from '../fields/SelectField';

export function CaseConvert({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const { cases, ui } = useRuntime();
  const names = useNames();
  const proposed = useCases((s) => s.catalog?.categories.find((n) => n.id === c.category)?.incidentType ?? null);
  const types = names.catalog?.incidentTypes ?? [];
  const [type, setType] = useState(proposed ?? types[0]?.id ?? '');
  const convert = (): void => {
    void cases.act((api) => api['cases.toIncident']({ caseId: c.id, type })).then((r) => {
      if (r) ui.notify('cases.convert.done', { n: c.number });
    });
  };
  return (
    <div className="qx-case__row" data-testid="case-convert-box">
      <SelectField
        label={t('cases.convert.type')}
        value={type}
        choices={types.map((x) => ({ value: x.id, label: names.incidentType(x.id) }))}
        onChange={setType}
        testid="case-incident-type"
      />
      <button type="button" className="qx-btn qx-btn--danger" disabled={!type} onClick={convert} data-testid="case-convert">
        {t('cases.convert.button')}
      </button>
    </div>
  );
}
