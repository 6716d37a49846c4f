/**
 * New incident at a map point. The type decides the default priority (the catalog's); Enter
 * anywhere in the form submits, Escape cancels (handled globally).
 */
import { useState, type SubmitEvent as ReactSubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNames } from '../../hooks/names';
import { useRuntime } from '../../hooks/runtime';
import { latLon } from '../../lib/format';

const PRIORITIES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function IncidentForm({ lat, lon }: { lat: number; lon: number }) {
  const { t } = useTranslation();
  const { actions, ui } = useRuntime();
  const names = useNames();
  const types = names.catalog?.incidentTypes ?? [];
  const [type, setType] = useState(types[0]?.id ?? '');
  const [priority, setPriority] = useState<number | null>(null);
  const [address, setAddress] = useState('');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const typeDefault = types.find((x) => x.id === type)?.priority ?? 3;
  const effectivePriority = priority ?? typeDefault;

  const submit = (e: ReactSubmitEvent): void => {
    e.preventDefault();
    if (!type || busy) return;
    setBusy(true);
    void actions
      .createIncident({ type, lat, lon, priority: effectivePriority, address: address.trim() || undefined, summary: summary.trim() || undefined })
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="qx-panel qx-form"
      onSubmit={submit}
      onKeyDown={(e) => {
        // Inputs submit on Enter natively; make selects and the summary do the same (Shift+Enter
        // still starts a new line in the summary).
        const tag = (e.target as HTMLElement).tagName;
        if (e.key === 'Enter' && !e.shiftKey && (tag === 'SELECT' || tag === 'TEXTAREA')) {
          e.preventDefault();
          e.currentTarget.requestSubmit();
        }
      }}
      data-testid="incident-form"
      aria-labelledby="qx-form-title"
    >
      <h2 className="qx-panel__title" id="qx-form-title">
        {t('form.title')}
      </h2>
      <div className="qx-form__where" data-testid="form-coords">
        <span className="qx-form__k">{t('form.location')}</span>
        <span className="qx-mono">{latLon(lat, lon)}</span>
      </div>
      <label className="qx-field">
        <span>{t('form.type')}</span>
        <select
          autoFocus
          value={type}
          onChange={(e) => {
            setType(e.target.value);
            setPriority(null);
          }}
          data-testid="form-type"
        >
          {types.map((x) => (
            <option key={x.id} value={x.id}>
              {names.incidentType(x.id)}
            </option>
          ))}
        </select>
      </label>
      <label className="qx-field">
        <span>
          {t('form.priority')} <span className="qx-hint">{t('form.priorityHint', { n: typeDefault })}</span>
        </span>
        <select value={effectivePriority} onChange={(e) => setPriority(Number(e.target.value))} data-testid="form-priority">
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t('form.priorityOption', { n: p })}
            </option>
          ))}
        </select>
      </label>
      <label className="qx-field">
        <span>{t('form.address')}</span>
        <input maxLength={200} value={address} onChange={(e) => setAddress(e.target.value)} data-testid="form-address" />
      </label>
      <label className="qx-field">
        <span>{t('form.summary')}</span>
        <textarea
          maxLength={2000}
          rows={3}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          data-testid="form-summary"
        />
      </label>
      <div className="qx-form__actions">
        <button type="button" className="qx-btn qx-btn--ghost" onClick={() => ui.close()} data-testid="form-cancel">
          {t('form.cancel')} <kbd>Esc</kbd>
        </button>
        <button type="submit" className="qx-btn qx-btn--primary" disabled={busy || !type} data-testid="form-submit">
          {t('form.submit')} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
}
