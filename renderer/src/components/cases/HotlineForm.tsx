/**
 * A new case from a hotline call or a walk-in: caller, phone, location (a place or coordinates
 * typed, or a click on the map), category from the tree, urgency (the category's by default) and
 * what the caller says. Keyboard first: the caller's name has the focus, Tab moves on, Enter
 * submits from any field (Shift+Enter: a new line in the description), Escape cancels.
 */
import { useEffect, useRef, useState, type SubmitEvent as ReactSubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_URGENCIES, type CaseUrgency } from '../../../../shared/cases/model';
import { useCases } from '../../hooks/cases';
import { usePlaces } from '../../hooks/places';
import { useRuntime } from '../../hooks/runtime';
import { categoryOptions } from '../../lib/cases';
import { placeName } from '../../../../shared/domain/places';
import { HOME_CENTRE } from '../../map/console-map';
import { LocationField, resolveLocation, type LocationState } from '../side/form/LocationField';
import { CategorySelect } from './CategorySelect';
import { submitOnEnter } from '../../lib/keys';

export function HotlineForm({ lat, lon }: { lat: number | null; lon: number | null }) {
  const { t, i18n } = useTranslation();
  const { cases, ui } = useRuntime();
  const places = usePlaces();
  const catalog = useCases((s) => s.catalog);
  const [channel, setChannel] = useState<'phone' | 'walk_in'>('phone');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [location, setLocation] = useState<LocationState>({ text: '', committed: true });
  const [address, setAddress] = useState('');
  const [category, setCategory] = useState('');
  const [urgency, setUrgency] = useState<CaseUrgency | null>(null);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  // The caller's name first (the location field asks for the focus too; this runs after it).
  useEffect(() => first.current?.focus(), []);

  const node = categoryOptions(catalog).find((c) => c.id === category)?.node;
  const effectiveUrgency = urgency ?? node?.urgency ?? 'normal';

  const submit = (e: ReactSubmitEvent): void => {
    e.preventDefault();
    if (busy) return;
    let at = lat !== null && lon !== null ? { lat, lon } : null;
    let addr = address.trim();
    if (!location.committed) {
      const r = resolveLocation(location.text, places.list);
      if (r) {
        at = r;
        if (!addr && r.place) addr = placeName(r.place, i18n.language);
      }
    }
    if (!at) return setMissing('location');
    if (!category) return setMissing('category');
    setBusy(true);
    void cases
      .act((api) =>
        api['cases.create']({
          channel,
          reporterName: name.trim() || undefined,
          phone: phone.trim() || undefined,
          lat: at.lat,
          lon: at.lon,
          address: addr,
          category,
          description: description.trim(),
          urgency: effectiveUrgency,
        }),
      )
      .then((r) => {
        setBusy(false);
        if (r) cases.select(r.case.id);
      });
  };

  const pickOnMap = (): void => {
    cases.setPicking(true);
    ui.setView('map');
  };

  return (
    <form
      className="qx-panel qx-form qx-case-form"
      onSubmit={submit}
      onKeyDown={submitOnEnter}
      data-testid="case-form"
      data-point={lat === null ? 'none' : 'set'}
      aria-labelledby="qx-case-form-title"
    >
      <h2 className="qx-panel__title" id="qx-case-form-title">
        {t('cases.form.title')}
      </h2>
      <div className="qx-lang" role="radiogroup" aria-label={t('cases.form.channel')}>
        {(['phone', 'walk_in'] as const).map((c) => (
          <button key={c} type="button" role="radio" className="qx-lang__btn" aria-checked={channel === c} aria-pressed={channel === c} onClick={() => setChannel(c)} data-testid={`case-channel-${c}`}>
            {t(`cases.channel.${c}`)}
          </button>
        ))}
      </div>
      <div className="qx-case-form__grid">
        <label className="qx-field">
          <span>{t('cases.form.caller')}</span>
          <input ref={first} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-testid="case-caller" />
        </label>
        <label className="qx-field">
          <span>{t('cases.form.phone')}</span>
          <input maxLength={40} inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="case-phone" />
        </label>
      </div>
      <LocationField
        value={location}
        onChange={(v) => {
          setLocation(v);
          setMissing(null);
        }}
        onCommit={(p, place) => {
          cases.setPoint(p.lat, p.lon);
          if (place && !address.trim()) setAddress(placeName(place, i18n.language));
        }}
        lat={lat ?? HOME_CENTRE[1]}
        lon={lon ?? HOME_CENTRE[0]}
      />
      <button type="button" className="qx-btn qx-btn--ghost" onClick={pickOnMap} data-testid="case-pick-map">
        {t('cases.form.pickOnMap')}
      </button>
      <label className="qx-field">
        <span>{t('cases.form.address')}</span>
        <input maxLength={200} value={address} onChange={(e) => setAddress(e.target.value)} data-testid="case-address" />
      </label>
      <div className="qx-case-form__grid">
        <CategorySelect value={category} onChange={(v) => (setCategory(v), setUrgency(null), setMissing(null))} testId="case-category" />
        <label className="qx-field">
          <span>{t('cases.form.urgency')}</span>
          <select value={effectiveUrgency} onChange={(e) => setUrgency(e.target.value as CaseUrgency)} data-testid="case-urgency">
            {CASE_URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`cases.urgency.${u}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="qx-field">
        <span>{t('cases.form.description')}</span>
        <textarea maxLength={4000} rows={3} value={description} onChange={(e) => setDescription(e.target.value)} data-testid="case-description" />
      </label>
      {missing && (
        <p className="qx-alert qx-alert--error" role="alert" data-testid="case-form-missing">
          {t(`cases.form.missing.${missing}`)}
        </p>
      )}
      <div className="qx-form__actions">
        <button type="button" className="qx-btn qx-btn--ghost" onClick={() => cases.closeSide()} data-testid="case-form-cancel">
          {t('form.cancel')} <kbd>Esc</kbd>
        </button>
        <button type="submit" className="qx-btn qx-btn--primary" disabled={busy} data-testid="case-submit">
          {t('cases.form.submit')} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
}
