/**
 * Editing an entity in the console (every change is an event in the log): its name and address,
 * and a link to another entity found by name, with the relation.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIONS, type EntityView, type Relation } from '../../../../shared/panorama/model';
import { usePanoramaRt } from '../hooks';

export function EntityEdit({ entity, onSaved }: { entity: EntityView; onSaved: () => void }) {
  const { t } = useTranslation();
  const pano = usePanoramaRt();
  const [name, setName] = useState(entity.name);
  const [address, setAddress] = useState(entity.address);
  const [other, setOther] = useState('');
  const [relation, setRelation] = useState<Relation>('related');
  const [note, setNote] = useState<string | null>(null);

  const save = async (): Promise<void> => {
    const r = await pano.run((a) => a['entities.update']({ id: entity.id, name: name.trim(), address }));
    if (r) onSaved();
  };
  const link = async (): Promise<void> => {
    const q = other.trim();
    if (!q) return;
    const found = await pano.run((a) => a['entities.list']({ q, limit: 2 }));
    const target = found?.entities.find((x) => x.id === q || x.name === q) ?? found?.entities[0];
    if (!target) {
      setNote(t('panorama.entity.notFound', { q }));
      return;
    }
    const ok = await pano.run((a) => a['entities.link']({ from: entity.id, to: target.id, relation }));
    if (ok) {
      setNote(null);
      setOther('');
      onSaved();
    }
  };

  return (
    <div className="qx-pano-edit">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('panorama.entity.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="entity-name" />
        </label>
        <label>
          {t('incident.address')}
          <input value={address} onChange={(e) => setAddress(e.target.value)} data-testid="entity-address" />
        </label>
        <button type="submit" className="qx-btn qx-btn--small" disabled={!name.trim()} data-testid="entity-save">
          {t('panorama.entity.save')}
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void link();
        }}
      >
        <label>
          {t('panorama.entity.linkTo')}
          <input value={other} onChange={(e) => setOther(e.target.value)} placeholder={t('panorama.entity.linkPlaceholder')} data-testid="entity-link-to" />
        </label>
        <select value={relation} onChange={(e) => setRelation(e.target.value as Relation)} aria-label={t('panorama.entity.relation')} data-testid="entity-relation">
          {RELATIONS.map((r) => (
            <option key={r} value={r}>
              {t(`panorama.relation.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="qx-btn qx-btn--small" disabled={!other.trim()} data-testid="entity-link-add">
          {t('panorama.entity.link')}
        </button>
        {note && <p className="qx-muted">{note}</p>}
      </form>
    </div>
  );
}
