/** A category from the tree, indented under its parent (the form's and the triage's picker). */
import { useTranslation } from 'react-i18next';
import { useCaseNames, useCases } from '../../hooks/cases';
import { categoryOptions } from '../../lib/cases';

export function CategorySelect({ value, onChange, testId }: { value: string; onChange: (id: string) => void; testId: string }) {
  const { t } = useTranslation();
  const catalog = useCases((s) => s.catalog);
  const names = useCaseNames();
  return (
    <label className="qx-field">
      <span>{t('cases.form.category')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('cases.form.chooseCategory')}</option>
        {categoryOptions(catalog).map((c) => (
          <option key={c.id} value={c.id}>
            {'\u00a0\u00a0\u00a0'.repeat(c.depth)}
            {names.category(c.id)}
          </option>
        ))}
      </select>
    </label>
  );
}
