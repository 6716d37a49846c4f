/**
 * Possible duplicates while the form is open: open incidents of a similar type near the point,
 * asked of the core (incidents.nearby) as the type or the point changes. Opening one drops the
 * form: the call is about an incident the hall already has.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { distanceM } from '../../../../../shared/geo';
import type { IncidentView } from '../../../../../shared/model';
import { useNames } from '../../../hooks/names';
import { useRuntime } from '../../../hooks/runtime';
import { distance } from '../../../lib/format';
import { Age } from '../../lists/Age';

const ASK_AFTER_MS = 300;

export function NearbyWarning({ type, lat, lon }: { type: string; lat: number; lon: number }) {
  const { t } = useTranslation();
  const { ops, actions } = useRuntime();
  const names = useNames();
  const [found, setFound] = useState<{ key: string; list: readonly IncidentView[] }>({ key: '', list: [] });
  const key = `${type}|${lat}|${lon}`;

  useEffect(() => {
    if (!type) return;
    let live = true;
    const timer = setTimeout(() => {
      ops.nearby({ type, lat, lon }).then(
        (list) => live && setFound({ key, list }),
        () => undefined,
      );
    }, ASK_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [ops, type, lat, lon, key]);

  const list = found.key === key ? found.list : [];
  if (list.length === 0) return null;
  return (
    <div className="qx-alert qx-alert--warn qx-dups" role="alert" data-testid="form-duplicates">
      <p>{t('dup.formTitle', { count: list.length })}</p>
      <ul>
        {list.map((i) => (
          <li key={i.id} className="qx-dups__row">
            <span>
              #{i.number} {names.incidentType(i.type)} · {i.address || t('incident.noAddress')} · {distance(distanceM({ lat, lon }, i))} · <Age since={i.createdAt} />
            </span>
            <button type="button" className="qx-btn qx-btn--ghost" onClick={() => void actions.select(i.id, true)}>
              {t('dup.open', { n: i.number })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
