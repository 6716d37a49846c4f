/**
 * Possible duplicates found when the incident was created: open incidents of a similar type
 * nearby. "Link as duplicate" records the link (incidents.link); the incident can then be closed
 * with the disposition "duplicate".
 */
import { useTranslation } from 'react-i18next';
import type { IncidentView } from '../../../../../shared/model';
import { useNames } from '../../../hooks/names';
import { useDetail, useRuntime, useUi } from '../../../hooks/runtime';
import { Age } from '../../lists/Age';

const NONE: readonly IncidentView[] = [];

export function Duplicates({ incident }: { incident: IncidentView }) {
  const { t } = useTranslation();
  const { actions } = useRuntime();
  const names = useNames();
  const list = useUi((s) => s.duplicates.get(incident.id) ?? NONE);
  const links = useDetail((d) => d.links);
  if (list.length === 0) return null;
  return (
    <section className="qx-alert qx-alert--warn qx-dups" role="alert" data-testid="duplicates">
      <p className="qx-dups__title">{t('dup.title', { count: list.length })}</p>
      <ul>
        {list.map((d) => {
          const linked = links.some((l) => l.otherId === d.id);
          return (
            <li key={d.id} className="qx-dups__row" data-testid="duplicate-row">
              <button type="button" className="qx-link-btn" onClick={() => void actions.select(d.id, true)}>
                #{d.number} {names.incidentType(d.type)} · {d.address || t('incident.noAddress')} · <Age since={d.createdAt} />
              </button>
              {linked ? (
                <span className="qx-tag" data-testid="duplicate-linked">
                  {t('dup.linked')}
                </span>
              ) : (
                <button
                  type="button"
                  className="qx-btn qx-btn--ghost"
                  disabled={incident.status === 'closed'}
                  onClick={() => void actions.link(incident.id, d.id, 'duplicate')}
                  data-testid="link-duplicate"
                >
                  {t('dup.link')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
