/** One colour per entity kind, for the map's points and the panels' chips (dark hall, high contrast). */
import type { EntityKind } from '../../../../shared/panorama/model';

export const ENTITY_COLOURS: Readonly<Record<EntityKind, string>> = {
  building: '#7f8ea8',
  compound: '#94a3b8',
  key_area: '#f472b6',
  school: '#facc15',
  hospital: '#f87171',
  shelter: '#34d399',
  hydrant: '#38bdf8',
  sensor: '#22d3ee',
  camera: '#e879f9',
  vehicle: '#a3a3a3',
  hazmat_store: '#fb923c',
  agency: '#cbd5e1',
  station: '#cbd5e1',
  company: '#a8a29e',
  community_committee: '#86efac',
  grid_worker: '#2dd4bf',
  building_manager: '#a5b4fc',
  vulnerable_resident: '#fde047',
};
