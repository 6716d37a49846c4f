/**
 * What is around a point and linked to it, as the core returned it for this role: hazards,
 * hydrants, cameras (a button opens the feed), residents who need help (names only for roles that
 * may see them, else their number), other places, past incidents and citizen reports, the grid
 * cell and its grid workers with their status. Everything is text: nothing hides behind a hover.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AroundView, NearEntity } from '../../../../shared/panorama/model';
import { useNames } from '../../hooks/names';
import { colourVar } from '../../lib/css';
import { dateIso, distance } from '../../lib/format';
import { STATUS_COLOURS } from '../../map/palette';
import { usePanoramaRt } from '../hooks';
import { ENTITY_COLOURS } from '../map/entity-colours';

const SHOWN = 4;

function Section({ id, n, children }: { id: string; n: number; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="qx-around__sec" data-testid={`around-${id}`} data-count={n}>
      <h4>
        {t(`panorama.around.${id}`)} <span className="qx-badge qx-badge--info">{n}</span>
      </h4>
      {n === 0 ? <p className="qx-muted">{t('panorama.around.none')}</p> : <ul>{children}</ul>}
    </section>
  );
}

function Near({ n, action }: { n: NearEntity; action?: ReactNode }) {
  const pano = usePanoramaRt();
  const e = n.entity;
  return (
    <li className="qx-around__item" data-entity={e.id}>
      <i className="qx-pano-dot" style={colourVar(ENTITY_COLOURS[e.kind])} />
      <button type="button" className="qx-linkbtn" onClick={() => pano.store.openCard({ kind: e.kind === 'camera' ? 'camera' : 'entity', id: e.id })}>
        {e.name}
      </button>
      <span className="qx-mono qx-around__d">{distance(n.distanceM)}</span>
      {action}
    </li>
  );
}

export function AroundList({ view }: { view: AroundView }) {
  const { t } = useTranslation();
  const names = useNames();
  const pano = usePanoramaRt();
  const list = (l: readonly NearEntity[]) => l.slice(0, SHOWN).map((n) => <Near key={n.entity.id} n={n} />);
  return (
    <div className="qx-around" data-testid="around" data-took={view.tookMs}>
      <Section id="cell" n={view.cell ? 1 : 0}>
        {view.cell && (
          <li className="qx-around__item" data-testid="around-cell-name">
            <strong>{view.cell.name}</strong>
            {view.gridWorkers.length === 0 && <span className="qx-muted">{t('panorama.around.noWorker')}</span>}
            {view.gridWorkers.map((u) => (
              <span key={u.id} className="qx-around__worker" data-testid="around-worker" style={colourVar(STATUS_COLOURS[u.status])}>
                {u.name} · {t(`unitStatus.${u.status}`)}
              </span>
            ))}
          </li>
        )}
      </Section>
      <Section id="hazards" n={view.hazards.length}>
        {list(view.hazards)}
      </Section>
      <Section id="hydrants" n={view.hydrants.length}>
        {list(view.hydrants)}
      </Section>
      <Section id="cameras" n={view.cameras.length}>
        {view.cameras.slice(0, SHOWN).map((c) => (
          <Near
            key={c.entity.id}
            n={c}
            action={
              <button type="button" className="qx-btn qx-btn--small" onClick={() => pano.store.openCard({ kind: 'camera', id: c.entity.id })} data-testid="around-camera-open">
                {c.sees ? t('panorama.camera.seesOpen') : t('panorama.camera.open')}
              </button>
            }
          />
        ))}
      </Section>
      <Section id="vulnerable" n={view.vulnerableCount}>
        {view.vulnerable.length > 0 ? list(view.vulnerable) : <li className="qx-muted">{t('panorama.around.vulnerableHidden', { n: view.vulnerableCount })}</li>}
      </Section>
      <Section id="places" n={view.places.length}>
        {list(view.places)}
      </Section>
      <Section id="incidents" n={view.incidents.length}>
        {view.incidents.slice(0, SHOWN).map((i) => (
          <li key={i.id} className="qx-around__item">
            <span>
              #{i.number} {names.incidentType(i.type)}
            </span>
            <span className="qx-muted">{dateIso(i.createdAt)}</span>
            <span className="qx-mono qx-around__d">{distance(i.distanceM)}</span>
          </li>
        ))}
      </Section>
      <Section id="reports" n={view.reports.length}>
        {view.reports.slice(0, SHOWN).map((r) => (
          <li key={r.id} className="qx-around__item">
            <span>{r.text.slice(0, 40)}</span>
            <span className="qx-mono qx-around__d">{distance(r.distanceM)}</span>
          </li>
        ))}
      </Section>
    </div>
  );
}
