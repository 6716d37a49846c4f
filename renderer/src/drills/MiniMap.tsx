/**
 * A small vector map of the training city for drill screens (replay, after-action report): roads
 * and the river from the basemap's GeoJSON, unit tracks, units and incidents. Plain SVG, so it
 * prints sharp on paper and in PDF.
 */
import { useEffect, useMemo, useState } from 'react';
import basemapUrl from '../../../resources/map/training-city.geojson?url';
import { loadGeoJson } from '../map/geojson';

export interface MapPoint {
  readonly lat: number;
  readonly lon: number;
}

export interface MiniMapProps {
  readonly tracks?: readonly { readonly id: string; readonly color: string; readonly points: readonly (readonly [number, number, number])[] }[];
  readonly units?: readonly (MapPoint & { readonly id: string; readonly color: string; readonly title: string })[];
  readonly incidents?: readonly (MapPoint & { readonly id: string; readonly title: string })[];
  readonly label: string;
  readonly testId?: string;
}

const W = 1000;

interface Basemap {
  readonly roads: string;
  readonly water: string;
  readonly box: { minLat: number; maxLat: number; minLon: number; maxLon: number };
}

type Geometry = { type: string; coordinates: unknown };
type Feature = { properties?: Record<string, unknown> | null; geometry?: Geometry | null };

function useBasemap(): Basemap | null {
  const [map, setMap] = useState<Basemap | null>(null);
  useEffect(() => {
    let live = true;
    void loadGeoJson(basemapUrl).then(
      (json) => live && setMap(toBasemap(json as { features: Feature[] })),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return map;
}

function toBasemap(json: { features: Feature[] }): Basemap {
  const lines: [number, number][][] = [];
  const water: [number, number][][] = [];
  for (const f of json.features) {
    const layer = f.properties?.layer;
    const g = f.geometry;
    if (!g) continue;
    if (layer === 'road' && g.type === 'LineString') lines.push(g.coordinates as [number, number][]);
    if (layer === 'water' && g.type === 'Polygon') water.push((g.coordinates as [number, number][][])[0]);
  }
  const all = lines.flat();
  const box = {
    minLat: Math.min(...all.map((c) => c[1])),
    maxLat: Math.max(...all.map((c) => c[1])),
    minLon: Math.min(...all.map((c) => c[0])),
    maxLon: Math.max(...all.map((c) => c[0])),
  };
  const p = projector(box);
  const d = (ring: [number, number][], close: boolean): string => ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${p(lat, lon).join(' ')}`).join('') + (close ? 'Z' : '');
  return { roads: lines.map((l) => d(l, false)).join(''), water: water.map((r) => d(r, true)).join(''), box };
}

function projector(box: Basemap['box']): (lat: number, lon: number) => [number, number] {
  const k = Math.cos((((box.minLat + box.maxLat) / 2) * Math.PI) / 180);
  const sx = W / ((box.maxLon - box.minLon) * k);
  return (lat, lon) => [Math.round((lon - box.minLon) * k * sx * 10) / 10, Math.round((box.maxLat - lat) * sx * 10) / 10];
}

export function MiniMap({ tracks = [], units = [], incidents = [], label, testId }: MiniMapProps) {
  const base = useBasemap();
  const p = useMemo(() => (base ? projector(base.box) : null), [base]);
  if (!base || !p) return <div className="qx-minimap qx-minimap--empty" aria-label={label} data-testid={testId} />;
  const k = Math.cos((((base.box.minLat + base.box.maxLat) / 2) * Math.PI) / 180);
  const h = Math.round(((base.box.maxLat - base.box.minLat) / ((base.box.maxLon - base.box.minLon) * k)) * W);
  return (
    <svg className="qx-minimap" viewBox={`-10 -10 ${W + 20} ${h + 20}`} role="img" aria-label={label} data-testid={testId}>
      <path d={base.water} className="qx-minimap__water" />
      <path d={base.roads} className="qx-minimap__roads" />
      {tracks.map((t) => (
        <polyline key={t.id} points={t.points.map(([lat, lon]) => p(lat, lon).join(',')).join(' ')} stroke={t.color} className="qx-minimap__track" data-unit={t.id} />
      ))}
      {incidents.map((i) => {
        const [x, y] = p(i.lat, i.lon);
        return (
          <g key={i.id} className="qx-minimap__incident">
            <rect x={x - 9} y={y - 9} width={18} height={18} transform={`rotate(45 ${x} ${y})`} />
            <title>{i.title}</title>
          </g>
        );
      })}
      {units.map((u) => {
        const [x, y] = p(u.lat, u.lon);
        return (
          <circle key={u.id} cx={x} cy={y} r={5} fill={u.color} className="qx-minimap__unit" data-unit={u.id}>
            <title>{u.title}</title>
          </circle>
        );
      })}
    </svg>
  );
}
