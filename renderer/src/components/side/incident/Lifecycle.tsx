/**
 * Under control, then closed with a disposition. Closing waits until no unit is assigned: the
 * button says why it is disabled and which units hold it; if the core still refuses (another
 * console just assigned one), its reason shows here. C focuses the disposition (Enter closes).
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPOSITIONS, type Disposition, type IncidentView } from '../../../../../shared/model';
import { useFocusRequest } from '../../../hooks/focus';
import { useConsole, useDetail, useRuntime } from '../../../hooks/runtime';
import { assignedTo } from '../../../lib/lifecycle';
import { toUiError } from '../../../store/operations';
import type { UiError } from '../../../store/ui-store';
import { useErrorText } from '../../keyboard/error-text';

/** A few names, then "…": the count says how many there are. */
const listed = (names: readonly string[], max = 3): string => names.slice(0, max).join('、') + (names.length > max ? '…' : '');

export function Lifecycle({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const { ops, ui } = useRuntime();
  const errorText = useErrorText();
  const units = useConsole((d) => d.units);
  const assigned = useMemo(() => assignedTo(units, incident.id), [units, incident.id]);
  const linkedDuplicate = useDetail((d) => d.links.some((l) => l.relation === 'duplicate'));
  const [chosen, setChosen] = useState<Disposition | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const disposition = chosen ?? (linkedDuplicate ? 'duplicate' : 'resolved');
  useFocusRequest('close', select);

  if (incident.status === 'closed') {
    return (
      <section className="qx-panel qx-life" data-testid="lifecycle">
        <p className="qx-life__closed" data-testid="closed-as">
          {t('life.closedAs', { disposition: t(`disposition.${incident.disposition ?? 'resolved'}`) })}
        </p>
      </section>
    );
  }

  const run = (work: () => Promise<unknown>): void => {
    setBusy(true);
    setError(null);
    work()
      .catch((e: unknown) => setError(toUiError(e)))
      .finally(() => setBusy(false));
  };
  const blocked = assigned.length > 0;

  return (
    <section className="qx-panel qx-life" aria-labelledby="qx-life-title" data-testid="lifecycle">
      <h2 className="qx-panel__title" id="qx-life-title">
        {t('life.title')}
      </h2>
      <div className="qx-life__row">
        <button
          type="button"
          className="qx-btn"
          disabled={busy || incident.status === 'under_control'}
          onClick={() => run(() => ops.setIncidentStatus(incident.id, 'under_control'))}
          data-testid="under-control"
        >
          {t('life.underControl')} <kbd>U</kbd>
        </button>
      </div>
      <form
        className="qx-life__row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!blocked && !busy) run(() => ops.setIncidentStatus(incident.id, 'closed', disposition));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'SELECT') {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
      >
        <label className="qx-life__disp">
          <span>{t('life.disposition')}</span>
          <select ref={select} value={disposition} onChange={(e) => setChosen(e.target.value as Disposition)} data-testid="disposition">
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {t(`disposition.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="qx-btn qx-btn--primary"
          disabled={busy || blocked}
          aria-describedby={blocked ? 'qx-life-why' : undefined}
          data-testid="close-incident"
        >
          {t('life.close')} <kbd>C</kbd>
        </button>
      </form>
      {blocked && (
        <p className="qx-hint" id="qx-life-why" data-testid="close-blocked">
          {t('life.blocked', { count: assigned.length, units: listed(assigned.map((u) => u.name)) })}{' '}
          <button type="button" className="qx-link-btn" onClick={() => ui.setView('board')}>
            {t('life.openBoard')}
          </button>
        </p>
      )}
      {error && (
        <p className="qx-alert qx-alert--error" role="alert" data-testid="lifecycle-error">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}
