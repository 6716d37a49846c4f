/**
 * The case desk's catalogs: categories (resources/cases/categories.json) and handling bodies with
 * their areas and SLA budgets (resources/cases/bodies.json). Validated with zod; cross references
 * (parents, categories, districts, communities) are checked by `resolveCasesCatalog`.
 */
import { z } from 'zod';
import type { LonLat } from '../model.js';
import { CASE_URGENCIES, type BodyView, type CasesCatalog, type CategoryNode } from './model.js';
import { HOUR_MS, type OfficeHours, type SlaPolicy } from './sla.js';

const id = z.string().regex(/^[a-z0-9_.-]{1,64}$/, 'must be 1–64 characters of a–z 0–9 _ . -');
const hours = z.number().positive().max(24 * 365);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const slaSchema = z.object({ acceptHours: hours, completeHours: hours }).strict();
const officeHoursSchema = z.object({ start: hhmm, end: hhmm, days: z.array(z.number().int().min(0).max(6)).min(1).max(7) }).strict();

export const categoryFileSchema = z
  .object({
    categories: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9_.]{1,64}$/, 'must be 1–64 characters of a–z 0–9 _ .'),
            parent: z.string().nullable(),
            zh: z.string().min(1).max(100),
            en: z.string().min(1).max(100),
            urgency: z.enum(CASE_URGENCIES).optional(),
            route: z.array(id).max(10).optional(),
            dispute: z.boolean().optional(),
            incidentType: z.string().max(64).optional(),
            aliases: z.array(z.string().min(1).max(64)).max(20).optional(),
            sla: slaSchema.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict();

const areaSchema = z.union([
  z.object({ city: z.literal(true) }).strict(),
  z.object({ districts: z.array(z.string().min(1).max(64)).min(1) }).strict(),
  z.object({ communities: z.array(z.string().min(1).max(64)).min(1) }).strict(),
  z.object({ polygon: z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(4).max(10_000) }).strict(),
]);

export const bodyFileSchema = z
  .object({
    sla: z.object({ acceptHours: hours, completeHours: hours, warnAt: z.number().gt(0).lt(1) }).strict(),
    bodies: z
      .array(
        z
          .object({
            id,
            zh: z.string().min(1).max(100),
            en: z.string().min(1).max(200),
            kind: id,
            level: z.number().int().min(1).max(5),
            parent: id.nullable(),
            area: areaSchema,
            categories: z.array(z.string().max(64)).max(200),
            sla: slaSchema.optional(),
            /** Per category (and its subtree): overrides the body's budgets. */
            slaByCategory: z.record(z.string(), slaSchema).optional(),
            hours: officeHoursSchema.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(5000),
  })
  .strict();

export type CategoryFile = z.infer<typeof categoryFileSchema>;
export type BodyFile = z.infer<typeof bodyFileSchema>;

/** A body as routing and SLA need it (the view plus its polygon, office hours and category budgets). */
export interface BodyDef extends BodyView {
  readonly polygon: readonly LonLat[] | null;
  readonly hours: OfficeHours | null;
  readonly slaByCategory: Readonly<Record<string, { acceptHours: number; completeHours: number }>>;
}

/** Catalog with lookups, as the core and the pure logic use it. */
export interface CaseCatalog extends CasesCatalog {
  readonly bodies: readonly BodyDef[];
  readonly category: ReadonlyMap<string, CategoryNode>;
  readonly body: ReadonlyMap<string, BodyDef>;
  /** Category budgets from categories.json (inherited down the tree). */
  readonly categorySla: ReadonlyMap<string, { acceptHours: number; completeHours: number }>;
  /** Alias or id → category id, for reports whose category is a free word (e.g. "noise"). */
  readonly alias: ReadonlyMap<string, string>;
}

export interface District {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
}

const minutes = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Checks cross references; throws an Error naming the entry and the reason. */
export function resolveCasesCatalog(cats: CategoryFile, bodyFile: BodyFile, districts: readonly District[], communities: ReadonlySet<string>): CaseCatalog {
  const raw = new Map(cats.categories.map((c) => [c.id, c]));
  if (raw.size !== cats.categories.length) throw new Error('categories: duplicate category id');
  const nodes = new Map<string, CategoryNode>();
  const categorySla = new Map<string, { acceptHours: number; completeHours: number }>();
  const alias = new Map<string, string>();
  const resolve = (cid: string, depth = 0): CategoryNode => {
    const done = nodes.get(cid);
    if (done) return done;
    const c = raw.get(cid);
    if (!c) throw new Error(`categories: unknown category "${cid}"`);
    if (depth > 10) throw new Error(`categories: "${cid}": parent chain too deep or circular`);
    const parent = c.parent === null ? null : resolve(c.parent, depth + 1);
    const node: CategoryNode = {
      id: c.id,
      parent: c.parent,
      zh: c.zh,
      en: c.en,
      urgency: c.urgency ?? parent?.urgency ?? 'normal',
      route: c.route ?? parent?.route ?? [],
      dispute: c.dispute ?? parent?.dispute ?? false,
      incidentType: c.incidentType ?? parent?.incidentType ?? null,
    };
    nodes.set(cid, node);
    const sla = c.sla ?? (c.parent ? categorySla.get(c.parent) : undefined);
    if (sla) categorySla.set(cid, sla);
    return node;
  };
  for (const c of cats.categories) {
    resolve(c.id);
    alias.set(c.id, c.id);
    for (const a of c.aliases ?? []) alias.set(a.toLowerCase(), c.id);
  }
  const districtIds = new Set(districts.map((d) => d.id));
  const bodyIds = new Set(bodyFile.bodies.map((b) => b.id));
  if (bodyIds.size !== bodyFile.bodies.length) throw new Error('bodies: duplicate body id');
  const bodies = bodyFile.bodies.map((b): BodyDef => {
    const where = `bodies: "${b.id}"`;
    if (b.parent !== null && !bodyIds.has(b.parent)) throw new Error(`${where}: parent "${b.parent}" is not a body`);
    for (const c of b.categories) if (!nodes.has(c)) throw new Error(`${where}: unknown category "${c}"`);
    for (const c of Object.keys(b.slaByCategory ?? {})) if (!nodes.has(c)) throw new Error(`${where}: slaByCategory: unknown category "${c}"`);
    const a = b.area;
    if ('districts' in a) for (const d of a.districts) if (!districtIds.has(d)) throw new Error(`${where}: unknown district "${d}"`);
    if ('communities' in a) for (const g of a.communities) if (!communities.has(g)) throw new Error(`${where}: unknown community "${g}"`);
    return {
      id: b.id,
      zh: b.zh,
      en: b.en,
      kind: b.kind,
      level: b.level,
      parentId: b.parent,
      districts: 'districts' in a ? a.districts : [],
      communities: 'communities' in a ? a.communities : [],
      polygon: 'polygon' in a ? a.polygon : null,
      categories: b.categories,
      slaAcceptHours: b.sla?.acceptHours ?? bodyFile.sla.acceptHours,
      slaCompleteHours: b.sla?.completeHours ?? bodyFile.sla.completeHours,
      slaByCategory: b.slaByCategory ?? {},
      hours: b.hours ? { startMin: minutes(b.hours.start), endMin: minutes(b.hours.end), days: b.hours.days } : null,
    };
  });
  for (const b of bodies) {
    const seen = new Set<string>();
    for (let p: string | null = b.id; p !== null; p = bodies.find((x) => x.id === p)?.parentId ?? null) {
      if (seen.has(p)) throw new Error(`bodies: "${b.id}": parent chain is circular`);
      seen.add(p);
    }
  }
  return {
    categories: [...nodes.values()],
    bodies,
    sla: bodyFile.sla,
    districts,
    category: nodes,
    body: new Map(bodies.map((b) => [b.id, b])),
    categorySla,
    alias,
  };
}

/** The category and its ancestors, nearest first. */
export function lineage(cat: CaseCatalog, categoryId: string): string[] {
  const out: string[] = [];
  for (let c = cat.category.get(categoryId); c; c = c.parent ? cat.category.get(c.parent) : undefined) out.push(c.id);
  return out;
}

/** A report's free category word → a catalog category ('other' when unknown). */
export function categoryFor(cat: CaseCatalog, word: string): string {
  return cat.alias.get(word) ?? cat.alias.get(word.toLowerCase()) ?? (cat.category.has('other') ? 'other' : cat.categories[0].id);
}

/**
 * The SLA policy of a case handled by `bodyId` (or not yet assigned) in `categoryId`: the body's
 * budget for the category (or an ancestor), else the category's own, else the body's, else the defaults.
 */
export function slaPolicy(cat: CaseCatalog, bodyId: string | null, categoryId: string): SlaPolicy {
  const body = bodyId ? cat.body.get(bodyId) : undefined;
  const chain = lineage(cat, categoryId);
  const byBody = body ? chain.map((c) => body.slaByCategory[c]).find((s) => s !== undefined) : undefined;
  const byCat = cat.categorySla.get(categoryId);
  const h = byBody ?? byCat ?? (body ? { acceptHours: body.slaAcceptHours, completeHours: body.slaCompleteHours } : cat.sla);
  return { acceptMs: h.acceptHours * HOUR_MS, completeMs: h.completeHours * HOUR_MS, hours: body?.hours ?? null };
}

/** A view without the lookups (what crosses the API). */
export function catalogView(cat: CaseCatalog): CasesCatalog {
  return { categories: cat.categories, bodies: cat.bodies, sla: cat.sla, districts: cat.districts };
}
