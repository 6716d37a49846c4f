/**
 * The camera wall: up to nine feeds tiled; the cameras nearest what the dispatcher put on the wall
 * when there is one, else the first cameras of the panorama.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityView } from '../../../../shared/panorama/model';
import { CameraFeed } from '../components/CameraFeed';
import { usePanorama, usePanoramaRt } from '../hooks';

const TILES = 9;

export function CameraWall() {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const focused = usePanorama((s) => s.wallFocus?.cameraIds);
  const [cameras, setCameras] = useState<readonly EntityView[] | null>(null);
  useEffect(
    () =>
      pano.onReady(() => {
        void pano.api['entities.list']({ kinds: ['camera'], limit: 500 }).then((r) => setCameras(r.entities), () => setCameras([]));
      }),
    [pano],
  );
  if (!cameras) return <p className="qx-wall__hint">{t('panorama.around.loading')}</p>;
  const byId = new Map(cameras.map((c) => [c.id, c]));
  const chosen = focused && focused.length > 0 ? focused.map((id) => byId.get(id)).filter((c): c is EntityView => c !== undefined) : cameras;
  const tiles = chosen.slice(0, TILES);
  if (tiles.length === 0) return <p className="qx-wall__hint">{t('panorama.wall.noCameras')}</p>;
  return (
    <div className={`qx-camwall qx-camwall--${Math.ceil(Math.sqrt(tiles.length))}`} data-testid="camera-wall" data-tiles={tiles.length}>
      {tiles.map((c) => (
        <CameraFeed key={c.id} cameraId={c.id} name={c.name} big />
      ))}
    </div>
  );
}
