/** Catalogs in resources/catalog: agencies, unit types, incident types with response plans. */
import { z } from 'zod';
import { AGENCIES } from '../model.js';
import { idSchema } from './common.js';
import { ownTracksIdSchema } from './owntracks.js';

const localized = z.object({ zh: z.string().min(1).max(100), en: z.string().min(1).max(100) }).strict();

export const agencySchema = z
  .object({ id: z.enum(AGENCIES), name: localized, color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be #rrggbb') })
  .strict();

export const unitTypeSchema = z
  .object({ id: idSchema, agency: z.enum(AGENCIES), name: localized, capabilities: z.array(idSchema).max(32) })
  .strict();

export const planSlotSchema = z.object({ unitType: idSchema, count: z.number().int().min(1).max(50) }).strict();
export const planLevelSchema = z
  .object({ level: z.number().int().min(1).max(5), slots: z.array(planSlotSchema).min(1).max(30) })
  .strict();

export const incidentTypeSchema = z
  .object({
    id: idSchema,
    name: localized,
    priority: z.number().int().min(1).max(9),
    icon: z.string().max(40).optional(),
    plan: z.array(planLevelSchema).min(1).max(5),
  })
  .strict();

export const catalogSchema = z
  .object({
    agencies: z.array(agencySchema).min(1),
    unitTypes: z.array(unitTypeSchema).min(1),
    incidentTypes: z.array(incidentTypeSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const types = new Set(c.unitTypes.map((t) => t.id));
    const agencies = new Set(c.agencies.map((a) => a.id));
    c.unitTypes.forEach((t, i) => {
      if (!agencies.has(t.agency)) ctx.addIssue({ code: 'custom', path: ['unitTypes', i, 'agency'], message: `unknown agency "${t.agency}"` });
    });
    c.incidentTypes.forEach((it, i) =>
      it.plan.forEach((lvl, j) =>
        lvl.slots.forEach((s, k) => {
          if (!types.has(s.unitType))
            ctx.addIssue({ code: 'custom', path: ['incidentTypes', i, 'plan', j, 'slots', k, 'unitType'], message: `unknown unit type "${s.unitType}" in ${it.id}` });
        }),
      ),
    );
    for (const [name, list] of [['agencies', c.agencies], ['unitTypes', c.unitTypes], ['incidentTypes', c.incidentTypes]] as const) {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [name, i, 'id'], message: `duplicate id "${item.id}"` });
        seen.add(item.id);
      });
    }
  });

export type Agency = z.infer<typeof agencySchema>;
export type UnitType = z.infer<typeof unitTypeSchema>;
export type IncidentType = z.infer<typeof incidentTypeSchema>;
export type Catalog = z.infer<typeof catalogSchema>;

/** One roster row (CSV columns id,name,agency,type,station,lat,lon). */
export const rosterRowSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(100),
    agency: z.enum(AGENCIES),
    type: idSchema,
    station: z.string().max(64),
    lat: z.coerce.number().min(-90).max(90),
    lon: z.coerce.number().min(-180).max(180),
    /** Optional: the OwnTracks phone `{user}/{device}` that reports for this unit. */
    owntracks: z.preprocess((v) => (v === '' ? undefined : v), ownTracksIdSchema.optional()),
  })
  .strip();
export type RosterRow = z.infer<typeof rosterRowSchema>;
