/**
 * New incident. Usable without a mouse: the location field has the focus (coordinates or a
 * place name, with a list of matches), then type, priority, address, summary. Enter submits
 * from any field (Shift+Enter: a new line in the summary); Escape cancels (handled globally).
 * The type decides the default priority (the catalog's). Possible duplicates show as they are found.
 */
import { useState, type SubmitEvent as ReactSubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNames } from '../../hooks/names';
import { usePlaces } from '../../hooks/places';
import { useRuntime } from '../../hooks/runtime';
import { placeName } from '../../../../shared/domain/places';
import { LocationField, resolveLocation, type LocationState } from './form/LocationField';
import { NearbyWarning } from './form/NearbyWarning';
import { submitOnEnter } from '../../lib/keys';
import { SelectField } from '../fields/SelectField';

const PRIORITIES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function IncidentForm({ lat, lon }: { lat: number; lon: number }) {
  const { t, i18n } = useTranslation();
  const { actions, ui } = useRuntime();
  const names = useNames();
  const places = usePlaces();
  const types = names.catalog?.incidentTypes ?? [];
  const [type, setType] = useState(types[0]?.id ?? '');
  const [priority, setPriority] = useState<number | null>(null);
  const [location, setLocation] = useState<LocationState>({ text: '', committed: true });
  const [address, setAddress] = useState('');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [unknownPlace, setUnknownPlace] = useState(false);
  const typeDefault = types.find((x) => x.id === type)?.priority ?? 3;
  const effectivePriority = priority ?? typeDefault;

  const submit = (e: ReactSubmitEvent): void => {
    e.preventDefault();
    if (!type || busy) return;
    let at = { lat, lon };
    let addr = address.trim();
    if (!location.committed) {
      // Typed but not chosen (a click on Create): take the best match, or say there is none.
      const r = resolveLocation(location.text, places.list);
      if (!r) return setUnknownPlace(true);
      at = r;
      if (!addr && r.place) addr = placeName(r.place, i18n.language);
    }
    setBusy(true);
    void actions
      .createIncident({ type, lat: at.lat, lon: at.lon, priority: effectivePriority, address: addr || undefined, summary: summary.trim() || undefined })
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="qx-panel qx-form"
      onSubmit={submit}
      onKeyDown={submitOnEnter}
      data-testid="incident-form"
      aria-labelledby="qx-form-title"
    >
      <h2 className="qx-panel__title" id="qx-form-title">
        {t('form.title')}
      </h2>
      <LocationField
        value={location}
        onChange={(v) => {
          setLocation(v);
          setUnknownPlace(false);
        }}
        onCommit={(p, place) => {
          ui.moveDraft(p.lat, p.lon);
          if (place && !address.trim()) setAddress(placeName(place, i18n.language));
        }}
        lat={lat}
        lon={lon}
      />
      {unknownPlace && (
        <p className="qx-alert qx-alert--error" role="alert" data-testid="form-unknown-place">
          {t('form.unknownPlace', { text: location.text })}
        </p>
      )}
      <SelectField
        label={t('form.type')}
        value={type}
        choices={types.map((x) => ({ value: x.id, label: names.incidentType(x.id) }))}
        onChange={(v) => {
          setType(v);
          setPriority(null);
        }}
        testid="form-type"
      />
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
        <textarea maxLength={2000} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} data-testid="form-summary" />
      </label>
      <NearbyWarning type={type} lat={lat} lon={lon} />
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
