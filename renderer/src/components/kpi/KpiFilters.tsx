/** The dashboard's period, district and body, and its two outputs: the CSV of the cases and the printable report. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseNames, useCases, useKpi } from '../../hooks/cases';
import { useRuntime } from '../../hooks/runtime';
import { PERIODS, type Period } from '../../store/kpi-store';
import { SelectField } from '../fields/SelectField';

/** Hands a text to the browser as a file download. */
function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function KpiFilters({ onPrint }: { onPrint: () => void }) {
  const { t, i18n } = useTranslation();
  const { kpi, cases } = useRuntime();
  const q = useKpi((s) => s.query);
  const loading = useKpi((s) => s.loading);
  const catalog = useCases((s) => s.catalog);
  const names = useCaseNames();
  const [exporting, setExporting] = useState(false);

  const exportCsv = (): void => {
    const { from, to, district, bodyId } = kpi.params();
    setExporting(true);
    void cases
      .act((api) => api['cases.exportCsv']({ from, to, district, bodyId, lang: i18n.language.startsWith('zh') ? 'zh-CN' : 'en' }))
      .then((r) => {
        setExporting(false);
        // A byte-order mark so that spreadsheet programs read the Chinese text as UTF-8.
        if (r) download(r.filename, `\ufeff${r.csv}`, 'text/csv;charset=utf-8');
      });
  };

  return (
    <div className="qx-kpi__bar" role="group" aria-label={t('cases.kpi.filters')} data-testid="kpi-filters" data-loading={loading}>
      <h2 className="qx-panel__title">{t('cases.kpi.title')}</h2>
      <SelectField<Period>
        label={t('cases.kpi.period')}
        value={q.period}
        choices={PERIODS.map((p) => ({ value: p, label: t(`cases.kpi.periods.${p}`) }))}
        onChange={(period) => kpi.setQuery({ period })}
        testid="kpi-period"
      />
      <SelectField
        label={t('cases.kpi.district')}
        value={q.district}
        any={t('cases.kpi.allDistricts')}
        choices={(catalog?.districts ?? []).map((d) => ({ value: d.id, label: names.district(d.id) }))}
        onChange={(district) => kpi.setQuery({ district })}
        testid="kpi-district"
      />
      <SelectField
        label={t('cases.kpi.body')}
        value={q.bodyId}
        any={t('cases.kpi.allBodies')}
        choices={(catalog?.bodies ?? []).map((b) => ({ value: b.id, label: names.body(b.id) }))}
        onChange={(bodyId) => kpi.setQuery({ bodyId })}
        testid="kpi-body"
      />
      <span className="qx-header__spacer" />
      <button type="button" className="qx-btn" disabled={exporting} onClick={exportCsv} data-testid="kpi-export">
        {t('cases.kpi.exportCsv')}
      </button>
      <button type="button" className="qx-btn qx-btn--primary" onClick={onPrint} data-testid="kpi-print">
        {t('cases.kpi.report')}
      </button>
    </div>
  );
}
