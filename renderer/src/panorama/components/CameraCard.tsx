/** A camera opened from the map or an "around" list: its name, place, field of view and feed. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityView } from '../../../../shared/panorama/model';
import { usePanoramaRt } from '../hooks';
import { CameraFeed } from './CameraFeed';

export function CameraCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const [entity, setEntity] = useState<EntityView | null>(null);
  useEffect(() => {
    let live = true;
    pano.api['entities.get']({ id }).then((r) => live && setEntity(r.entity), () => undefined);
    return () => {
      live = false;
    };
  }, [pano, id]);
  return (
    <div className="qx-pano-camera" data-testid="camera-card" data-camera={id}>
      <h3>{entity?.name ?? id}</h3>
      {entity?.address && <p className="qx-muted">{entity.address}</p>}
      {entity?.camera && (
        <p className="qx-muted">{t('panorama.camera.fov', { direction: entity.camera.direction, angle: entity.camera.angle, range: entity.camera.rangeM })}</p>
      )}
      <CameraFeed cameraId={id} name={entity?.name ?? id} />
    </div>
  );
}
