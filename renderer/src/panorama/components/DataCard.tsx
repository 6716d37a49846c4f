/**
 * Import and export of entities from the console: a GeoJSON or CSV file is read in the browser
 * and sent to the core (good rows are kept, bad rows listed with their line and reason); export
 * saves the entities of the shown kinds as a file.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResults } from '../../../../shared/api';
import { usePanorama, usePanoramaRt } from '../hooks';

type Format = 'geojson' | 'csv';
const formatOf = (file: string): Format => (/\.csv$/i.test(file) ? 'csv' : 'geojson');

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DataCard() {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const kinds = usePanorama((s) => s.kinds);
  const [result, setResult] = useState<ApiResults['entities.import'] | null>(null);
  const [exported, setExported] = useState<number | null>(null);

  const importFile = async (file: File): Promise<void> => {
    const text = await file.text();
    const r = await pano.run((a) => a['entities.import']({ format: formatOf(file.name), text }));
    setResult(r);
  };
  const exportAs = async (format: Format): Promise<void> => {
    const r = await pano.run((a) => a['entities.export']({ format, kinds: [...kinds] }));
    if (!r) return;
    setExported(r.count);
    download(r.text, `entities.${format === 'csv' ? 'csv' : 'geojson'}`, format === 'csv' ? 'text/csv' : 'application/geo+json');
  };

  return (
    <div className="qx-pano-data" data-testid="data-card">
      <h3>{t('panorama.data.title')}</h3>
      <label className="qx-pano-data__file">
        {t('panorama.data.import')}
        <input
          type="file"
          accept=".geojson,.json,.csv"
          data-testid="entities-import"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
            e.target.value = '';
          }}
        />
      </label>
      {result && (
        <div role="status" data-testid="import-result" data-created={result.created} data-updated={result.updated} data-errors={result.errors.length}>
          <p>{t('panorama.data.imported', { created: result.created, updated: result.updated, errors: result.errors.length })}</p>
          <ul className="qx-pano-data__errors">
            {result.errors.slice(0, 20).map((e) => (
              <li key={e.row}>{t('panorama.data.rowError', { row: e.row, reason: e.reason })}</li>
            ))}
          </ul>
        </div>
      )}
      <p>{t('panorama.data.exportHint', { n: kinds.size })}</p>
      <div className="qx-pano-data__row">
        {(['geojson', 'csv'] as const).map((f) => (
          <button key={f} type="button" className="qx-btn qx-btn--small" onClick={() => void exportAs(f)} data-testid={`entities-export-${f}`}>
            {t(`panorama.data.export.${f}`)}
          </button>
        ))}
      </div>
      {exported !== null && (
        <p role="status" data-testid="export-result" data-count={exported}>
          {t('panorama.data.exported', { n: exported })}
        </p>
      )}
    </div>
  );
}
