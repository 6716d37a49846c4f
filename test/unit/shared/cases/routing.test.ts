import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaseCatalog } from '../../../../electron/core/cases/catalog-load';
import { locate } from '../../../../shared/cases/areas';
import { bodyFileSchema, categoryFileSchema, resolveCasesCatalog, slaPolicy } from '../../../../shared/cases/catalog';
import { nextLevel, proposeBody } from '../../../../shared/cases/routing';
import { HOUR_MS } from '../../../../shared/cases/sla';

const RES = join(import.meta.dirname, '../../../../resources');
const { catalog, areas } = loadCaseCatalog(RES, join(RES, 'map', 'training-city.geojson'));
const route = (category: string, lat: number, lon: number) => proposeBody(catalog, { category, lat, lon, ...locate(areas, lat, lon) });

describe('routing rules', () => {
  it('place a point in its district and grid community of the training city', () => {
    expect(locate(areas, 31.13, 104.4)).toEqual({ district: 'chengdong', community: 'G-05-07' });
    expect(locate(areas, 31.09, 104.35)).toMatchObject({ district: 'jiangnan' });
    expect(locate(areas, 30, 100)).toEqual({ district: null, community: null });
  });

  it('send a neighbour dispute to the community committee whose community list covers the place', () => {
    const p = route('neighbour_dispute.noise', 31.13, 104.4);
    const body = catalog.body.get(p.bodyId ?? '');
    expect(body?.kind).toBe('community_committee');
    expect(body?.communities).toContain('G-05-07');
    // then the mediation committee and the street office of the district, in the category's order
    expect(p.candidates.slice(1, 3).map((c) => c.bodyId)).toEqual(['pmc-chengdong', 'street-chengdong']);
    expect(p.candidates[0].why).toMatch(/community_committee.*G-05-07/);
  });

  it('prefer a body whose polygon covers the place over the district one of the same kind', () => {
    expect(route('labour_wages.arrears', 31.14, 104.44).bodyId).toBe('park-labour-mediation');
    expect(route('labour_wages.arrears', 31.14, 104.35).bodyId).toBe('pmc-chengxi');
  });

  it('follow the subtree rules: domestic violence to the police, consumer to market regulation, petitions to 信访', () => {
    expect(route('family.domestic_violence', 31.13, 104.4).bodyId).toBe('police-chengdong');
    expect(route('family.support', 31.13, 104.4).bodyId).toMatch(/^cc-chengdong-/);
    expect(route('consumer.prepaid_card', 31.09, 104.35).bodyId).toBe('market-regulation');
    expect(route('petition', 31.09, 104.35).bodyId).toBe('petition-office');
  });

  it('outside every district only city-wide bodies remain', () => {
    const p = route('neighbour_dispute', 30, 100);
    expect(p.candidates.every((c) => catalog.body.get(c.bodyId)?.level === 3)).toBe(true);
    expect(p.bodyId).toBe('justice-bureau');
  });

  it('escalate a breach one level up the body tree', () => {
    expect(nextLevel(catalog, 'cc-chengdong-05')).toBe('street-chengdong');
    expect(nextLevel(catalog, 'street-chengdong')).toBe('petition-office');
    expect(nextLevel(catalog, 'petition-office')).toBeNull();
    expect(nextLevel(catalog, null)).toBeNull();
  });

  it('take SLA budgets from the body, else the defaults (accept 12 h, complete 4 days)', () => {
    expect(slaPolicy(catalog, 'police-chengdong', 'public_safety_hazard.fire')).toMatchObject({ acceptMs: 2 * HOUR_MS, completeMs: 72 * HOUR_MS });
    expect(slaPolicy(catalog, 'cc-chengdong-05', 'neighbour_dispute')).toMatchObject({ acceptMs: 12 * HOUR_MS, completeMs: 96 * HOUR_MS });
    expect(slaPolicy(catalog, null, 'neighbour_dispute')).toMatchObject({ acceptMs: 12 * HOUR_MS, completeMs: 96 * HOUR_MS, hours: null });
  });

  it('refuse catalogs with broken references, naming the entry', () => {
    const cats = categoryFileSchema.parse({ categories: [{ id: 'a', parent: null, zh: '甲', en: 'A' }] });
    const body = { id: 'b1', zh: '乙', en: 'B', kind: 'street_office', level: 2, parent: 'nope', area: { city: true }, categories: [] };
    const file = bodyFileSchema.parse({ sla: { acceptHours: 12, completeHours: 96, warnAt: 0.75 }, bodies: [body] });
    expect(() => resolveCasesCatalog(cats, file, [], new Set())).toThrow('bodies: "b1": parent "nope" is not a body');
    const file2 = bodyFileSchema.parse({ sla: { acceptHours: 12, completeHours: 96, warnAt: 0.75 }, bodies: [{ ...body, parent: null, area: { districts: ['atlantis'] } }] });
    expect(() => resolveCasesCatalog(cats, file2, [], new Set())).toThrow('unknown district "atlantis"');
    expect(bodyFileSchema.safeParse({ sla: { acceptHours: -1, completeHours: 96, warnAt: 0.75 }, bodies: [body] }).success).toBe(false);
  });
});
