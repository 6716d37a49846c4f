/**
 * One entity: kind, name, address, attributes, personal fields (only present for roles that may
 * see them), its links to other entities (each opens that entity; unlink), and — for roles that
 * write — edit and link. Refreshes itself when the entity changes on any console.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResults } from '../../../../shared/api';
import { colourVar } from '../../lib/css';
import { latLon } from '../../lib/format';
import { usePanoramaRt } from '../hooks';
import { ENTITY_COLOURS } from '../map/entity-colours';
import { EntityEdit } from './EntityEdit';

type Detail = ApiResults['entities.get'];

function Props({ props, testid }: { props: Readonly<Record<string, string | number | boolean | null>>; testid: string }) {
  const entries = Object.entries(props);
  if (entries.length === 0) return null;
  return (
    <dl className="qx-facts" data-testid={testid}>
      {entries.map(([k, v]) => (
        <div key={k} className="qx-facts__row">
          <dt>{k}</dt>
          <dd>{v === null ? '—' : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function EntityCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [missing, setMissing] = useState(false);
  const load = useCallback(() => {
    pano.api['entities.get']({ id }).then(setDetail, () => setMissing(true));
  }, [pano, id]);
  const linked = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    linked.current = new Set(detail?.links.map((l) => l.other?.id ?? ''));
  }, [detail]);
  useEffect(() => {
    load();
    return pano.onPush((p) => {
      if (p.kind === 'entity' && (p.id === id || linked.current.has(p.id))) load();
    });
  }, [pano, id, load]);

  if (missing) return <p className="qx-muted">{t('panorama.entity.missing')}</p>;
  if (!detail) return <p className="qx-muted">{t('panorama.around.loading')}</p>;
  const e = detail.entity;
  const writable = !pano.readOnly();
  return (
    <div className="qx-pano-entity" data-testid="entity-card" data-entity={e.id} data-kind={e.kind}>
      <h3>
        <i className="qx-pano-dot" style={colourVar(ENTITY_COLOURS[e.kind])} /> {e.name}
      </h3>
      <p className="qx-muted">
        {t(`panorama.kind.${e.kind}`)} · {e.address || t('incident.noAddress')} · <span className="qx-mono">{latLon(e.lat, e.lon)}</span>
      </p>
      <Props props={e.props} testid="entity-props" />
      {e.personal && <Props props={e.personal} testid="entity-personal" />}
      <h4>{t('panorama.entity.links')}</h4>
      {detail.links.length === 0 && <p className="qx-muted">{t('panorama.entity.noLinks')}</p>}
      <ul className="qx-pano-links" data-testid="entity-links">
        {detail.links.map((l) => (
          <li key={`${l.from}|${l.relation}|${l.to}`} data-testid="entity-link">
            <span className="qx-muted">{t(`panorama.relation.${l.relation}`)}{l.direction === 'in' ? ' ←' : ' →'}</span>{' '}
            {l.other ? (
              <button type="button" className="qx-linkbtn" onClick={() => pano.store.openCard({ kind: l.other?.kind === 'camera' ? 'camera' : 'entity', id: l.other?.id ?? '' })}>
                {l.other.name}
              </button>
            ) : (
              <span className="qx-muted">{t('panorama.entity.hidden')}</span>
            )}
            {writable && (
              <button
                type="button"
                className="qx-btn qx-btn--small qx-btn--ghost"
                onClick={() => void pano.run((a) => a['entities.unlink']({ from: l.from, to: l.to, relation: l.relation })).then(load)}
                data-testid="entity-unlink"
              >
                {t('panorama.entity.unlink')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {writable && <EntityEdit entity={e} onSaved={load} />}
    </div>
  );
}
