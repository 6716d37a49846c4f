/**
 * A camera's picture in a panel. The console hands out a fresh same-origin feed path per opening
 * (cameras.feed): MJPEG plays as an <img>; a snapshot camera is an <img> refreshed every few
 * seconds; HLS and WebRTC cannot play inside the offline console, so their address is shown with
 * why, to open in the hall's video system.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraInfo } from '../../../../shared/panorama/model';
import { usePanoramaRt } from '../hooks';
import { hostUrl } from '../map/tile-layers';

export const SNAPSHOT_MS = 3000;

function withTick(url: string, n: number): string {
  return `${url}${url.includes('?') ? '&' : '?'}t=${n}`;
}

/** The picture of one camera, or why there is none; `big` on the wall. */
export function CameraFeed({ cameraId, name, big = false }: { cameraId: string; name: string; big?: boolean }) {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const [info, setInfo] = useState<CameraInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  /** The console could not get a picture from the camera (it answers 502 with the reason). */
  const [broken, setBroken] = useState(false);

  useEffect(() => {
    let live = true;
    pano.api['cameras.feed']({ cameraId }).then(
      (c) => live && setInfo(c),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [pano, cameraId]);
  useEffect(() => {
    if (info?.streamKind !== 'snapshot') return;
    const timer = setInterval(() => setTick((n) => n + 1), SNAPSHOT_MS);
    return () => clearInterval(timer);
  }, [info]);

  const cls = `qx-feed${big ? ' qx-feed--big' : ''}`;
  if (error) return <p className={`${cls} qx-feed--none`}>{error}</p>;
  if (broken)
    return (
      <p className={`${cls} qx-feed--none`} data-testid="camera-feed" data-kind="unreachable" data-camera={cameraId}>
        {name}: {t('panorama.camera.unreachable')}
      </p>
    );
  if (!info) return <p className={`${cls} qx-feed--none`}>{t('panorama.camera.loading')}</p>;
  if ((info.streamKind === 'mjpeg' || info.streamKind === 'snapshot') && info.feedPath) {
    const src = hostUrl(info.feedPath);
    return (
      <figure className={cls} data-testid="camera-feed" data-kind={info.streamKind} data-camera={cameraId}>
        <img src={info.streamKind === 'snapshot' ? withTick(src, tick) : src} alt={t('panorama.camera.alt', { name })} onError={() => setBroken(true)} />
        <figcaption>
          {name} · {t(`panorama.camera.kind.${info.streamKind}`)}
        </figcaption>
      </figure>
    );
  }
  return (
    <div className={`${cls} qx-feed--none`} data-testid="camera-feed" data-kind={info.streamKind} data-camera={cameraId}>
      <p>{t(`panorama.camera.cannot.${info.streamKind}`)}</p>
      {(info.external ?? info.feedPath) && <p className="qx-mono qx-feed__url">{info.external ?? hostUrl(info.feedPath ?? '')}</p>}
    </div>
  );
}
