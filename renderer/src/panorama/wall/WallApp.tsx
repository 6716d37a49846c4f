/**
 * A wall screen: one layout (map, KPI, cameras, incident board) filling the display, legible from
 * five metres. It only reads: no control on it changes anything, whatever the token's role. A
 * slot at the top is kept for banners of other features (drills, "演练 / DRILL"); below it a
 * header with the layout's title, the link state and the clock.
 */
import { useTranslation } from 'react-i18next';
import type { WallLayout } from '../../../../shared/panorama/model';
import { useConsole } from '../../hooks/runtime';
import { Clock } from '../../components/header/Clock';
import { CameraWall } from './CameraWall';
import { IncidentWall } from './IncidentWall';
import { KpiWall } from './KpiWall';
import { MapWall } from './MapWall';
import { WallFocusBar } from './WallFocusBar';

function Layout({ layout }: { layout: WallLayout }) {
  switch (layout) {
    case 'map':
      return <MapWall />;
    case 'kpi':
      return <KpiWall />;
    case 'cameras':
      return <CameraWall />;
    case 'incidents':
      return <IncidentWall />;
  }
}

export function WallApp({ layout }: { layout: WallLayout }) {
  const { t } = useTranslation();
  const loaded = useConsole((d) => d.loaded);
  const connection = useConsole((d) => d.connection);
  return (
    <div className="qx-wall" data-testid="wall" data-layout={layout} data-loaded={loaded}>
      <div className="qx-wall__banners" data-testid="wall-banners" />
      <header className="qx-wall__head">
        <span className="qx-wall__brand">全响应</span>
        <h1 className="qx-wall__title" data-testid="wall-title">
          {t(`panorama.wall.layout.${layout}`)}
        </h1>
        <WallFocusBar />
        <span className={`qx-wall__link qx-wall__link--${connection}`} data-testid="wall-link">
          {t(`panorama.wall.link.${connection}`)}
        </span>
        <span className="qx-wall__clock">
          <Clock />
        </span>
      </header>
      <main className="qx-wall__body">{loaded ? <Layout layout={layout} /> : <p className="qx-wall__loading">{t(`core.${connection}`)}</p>}</main>
    </div>
  );
}
