/**
 * The incident panel's panorama section: what is around the incident and linked to it (fetched
 * when the panel opens, so a new incident shows it at once), the nearest cameras offered first,
 * and "show this incident on the wall" (V) for every wall screen to follow.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePanorama, usePanoramaRt } from '../hooks';
import { AroundList } from './AroundList';

export function IncidentAround({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const view = usePanorama((s) => s.around.get(incidentId));
  const error = usePanorama((s) => s.aroundError);
  const onWall = usePanorama((s) => s.wallFocus?.incidentId === incidentId);

  useEffect(() => {
    void pano.around({ incidentId });
  }, [pano, incidentId]);

  return (
    <section className="qx-panel qx-pano-incident" data-testid="incident-around">
      <header className="qx-pano-incident__head">
        <h3>{t('panorama.around.title')}</h3>
        {!pano.readOnly() && (
          <button
            type="button"
            className="qx-btn"
            aria-pressed={onWall}
            onClick={() => void pano.showOnWall(incidentId)}
            data-testid="show-on-wall"
            data-on-wall={onWall}
          >
            {onWall ? t('panorama.wall.onWall') : t('panorama.wall.show')} <kbd>V</kbd>
          </button>
        )}
      </header>
      {view ? <AroundList view={view} /> : <p className="qx-muted">{error ?? t('panorama.around.loading')}</p>}
    </section>
  );
}
