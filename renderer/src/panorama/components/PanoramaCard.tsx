/**
 * The card over the map's right edge: an entity, a camera's feed, what is around a map point, or
 * import/export. Escape (or ×) closes it; it never covers the incident panel.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { latLon } from '../../lib/format';
import { usePanorama, usePanoramaRt } from '../hooks';
import { pointKey } from '../store';
import { AroundList } from './AroundList';
import { CameraCard } from './CameraCard';
import { DataCard } from './DataCard';
import { EntityCard } from './EntityCard';

function PointAround({ lat, lon }: { lat: number; lon: number }) {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const view = usePanorama((s) => s.around.get(pointKey(lat, lon)));
  const error = usePanorama((s) => s.aroundError);
  useEffect(() => {
    void pano.around({ lat, lon });
  }, [pano, lat, lon]);
  return (
    <>
      <h3>
        {t('panorama.around.title')} <span className="qx-mono qx-muted">{latLon(lat, lon)}</span>
      </h3>
      {view ? <AroundList view={view} /> : <p className="qx-muted">{error ?? t('panorama.around.loading')}</p>}
    </>
  );
}

export function PanoramaCard() {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const card = usePanorama((s) => s.card);
  if (card.kind === 'none') return null;
  const close = (): void => pano.store.openCard({ kind: 'none' });
  return (
    <aside
      className="qx-pano-card"
      data-testid="pano-card"
      data-card={card.kind}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        close();
        e.stopPropagation();
      }}
    >
      <button type="button" className="qx-pano-card__close" onClick={close} aria-label={t('panorama.close')} data-testid="pano-card-close">
        ×
      </button>
      {card.kind === 'entity' && <EntityCard id={card.id} />}
      {card.kind === 'camera' && <CameraCard id={card.id} />}
      {card.kind === 'around' && <PointAround lat={card.lat} lon={card.lon} />}
      {card.kind === 'data' && <DataCard />}
    </aside>
  );
}
