/**
 * The drill scenario format (YAML or JSON; documented in docs/drills.md). A scenario says where and
 * when the drill happens, which units are on duty, what happens when (injects), how the headless
 * dispatcher behaves, and what the hall is expected to achieve. Durations are seconds or text such
 * as "90s", "2m", "1m30s", "1h".
 */
import { z } from 'zod';
import { AGENCIES, REPORT_CHANNELS } from '../model.js';
import { idSchema, latSchema, lonSchema } from '../schemas/common.js';

/** "1h2m3s", "90s", "2m", "1.5m" or a number of seconds → seconds. */
export function parseDuration(v: string | number): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : null;
  const m = /^\s*(?:(\d+(?:\.\d+)?)h)?\s*(?:(\d+(?:\.\d+)?)m(?!s))?\s*(?:(\d+(?:\.\d+)?)s)?\s*$/.exec(v);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

export const durationSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const s = parseDuration(v);
  if (s === null) {
    ctx.addIssue({ code: 'custom', message: 'must be a duration such as 90, "90s", "2m" or "1m30s"' });
    return z.NEVER;
  }
  return s;
});

/** A text in both languages. A plain string serves both. */
export const bilingualSchema = z.union([
  z.string().trim().min(1).max(2000).transform((s) => ({ zh: s, en: s })),
  z.object({ zh: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) }).strict(),
]);
export type Bilingual = z.output<typeof bilingualSchema>;

/** A place: a block of the map by id (its centre), or coordinates. */
export const placeSchema = z.union([
  z.object({ block: z.string().regex(/^B-\d{3}$/, 'must be a block id such as B-123') }).strict(),
  z.object({ lat: latSchema, lon: lonSchema }).strict(),
]);
export type Place = z.output<typeof placeSchema>;

const callSchema = z
  .object({
    channel: z.enum(REPORT_CHANNELS).default('hotline'),
    category: z.string().trim().min(1).max(64),
    text: bilingualSchema,
    place: placeSchema,
    address: bilingualSchema.optional(),
    contact: z.string().max(200).optional(),
    /** The incident type the caller's situation is (for the headless dispatcher and the report). */
    incidentType: idSchema,
    /** Calls about the same incident share a key; the headless dispatcher opens one incident per key. */
    incident: idSchema.optional(),
  })
  .strict();

const curveSchema = z
  .object({
    shape: z.enum(['linear', 'ease-in', 'ease-out', 'step']).default('linear'),
    from: z.number(),
    to: z.number(),
    over: durationSchema,
    /** How often the sensor reports while the curve runs (scenario time). */
    every: durationSchema.default(30),
  })
  .strict();

const sensorSchema = z.object({ id: idSchema, curve: curveSchema }).strict();

const capSchema = z
  .object({
    event: bilingualSchema,
    severity: z.enum(['Extreme', 'Severe', 'Moderate', 'Minor']),
    urgency: z.enum(['Immediate', 'Expected', 'Future']).default('Immediate'),
    headline: bilingualSchema,
    description: bilingualSchema.optional(),
    /** Circle around a place, radius in km. */
    area: z.object({ place: placeSchema, radiusKm: z.number().positive().max(100), name: bilingualSchema }).strict(),
    expires: durationSchema.default(6 * 3600),
  })
  .strict();

const unitEventSchema = z.object({ unit: idSchema, reason: bilingualSchema.optional() }).strict();

export const injectSchema = z
  .object({
    at: durationSchema,
    call: callSchema.optional(),
    sensor: sensorSchema.optional(),
    cap: capSchema.optional(),
    /** The unit breaks down: it reports out of service (and stops where it is). */
    breakdown: unitEventSchema.optional(),
    /** The unit will refuse its next order. */
    refuse: unitEventSchema.optional(),
    /** The unit's device falls silent for `for` (no positions, statuses or acks). */
    signalLoss: z.object({ unit: idSchema, for: durationSchema }).strict().optional(),
    /** Roads within radiusM of the place are closed to simulated traffic (units drive around). */
    roadClosure: z.object({ place: placeSchema, radiusM: z.number().positive().max(2000).default(150), name: bilingualSchema }).strict().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const kinds = (['call', 'sensor', 'cap', 'breakdown', 'refuse', 'signalLoss', 'roadClosure'] as const).filter((k) => v[k] !== undefined);
    if (kinds.length !== 1)
      ctx.addIssue({ code: 'custom', message: `an inject is exactly one of call, sensor, cap, breakdown, refuse, signalLoss, roadClosure (found ${kinds.length ? kinds.join(', ') : 'none'})` });
  });
export type Inject = z.output<typeof injectSchema>;

export const METRICS = ['call_to_incident', 'call_to_dispatch', 'incident_to_dispatch', 'dispatch_to_ack', 'dispatch_to_on_scene', 'call_to_on_scene', 'incidents', 'dispatched_units'] as const;
export type Metric = (typeof METRICS)[number];
export const COUNT_METRICS: ReadonlySet<Metric> = new Set(['incidents', 'dispatched_units']);

export const expectationSchema = z
  .object({
    metric: z.enum(METRICS),
    /** For times: the worst case must not exceed this. */
    max: durationSchema.optional(),
    /** For counts: at least this many. */
    min: z.number().int().min(0).optional(),
    /** Only incidents of this type. */
    incidentType: idSchema.optional(),
    label: bilingualSchema.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const count = COUNT_METRICS.has(v.metric);
    if (count && v.min === undefined) ctx.addIssue({ code: 'custom', path: ['min'], message: `${v.metric} is a count: give min` });
    if (!count && v.max === undefined) ctx.addIssue({ code: 'custom', path: ['max'], message: `${v.metric} is a time: give max` });
  });
export type Expectation = z.output<typeof expectationSchema>;

export const scenarioSchema = z
  .object({
    id: idSchema,
    title: bilingualSchema,
    summary: bilingualSchema.optional(),
    /** The scenario's notional start (ISO 8601 with offset), shown as scenario time. */
    start: z.iso.datetime({ offset: true }),
    area: z.object({ center: placeSchema, zoom: z.number().min(8).max(19).default(14) }).strict(),
    units: z
      .object({
        /** Every roster unit of these agencies… */
        agencies: z.array(z.enum(AGENCIES)).default([]),
        /** …and these units by id. */
        ids: z.array(idSchema).default([]),
      })
      .strict()
      .refine((u) => u.agencies.length + u.ids.length > 0, 'name at least one agency or unit'),
    /** How the simulated crews behave (scenario time). */
    crews: z
      .object({
        ackAfter: durationSchema.default(15),
        rollAfter: durationSchema.default(45),
        onSceneFor: durationSchema.default(600),
        /** Share of the road's speed limit that units drive at (emergency driving: near it). */
        speedFactor: z.number().min(0.2).max(1.5).default(0.9),
      })
      .strict()
      .default({ ackAfter: 15, rollAfter: 45, onSceneFor: 600, speedFactor: 0.9 }),
    /** The headless dispatcher: how long after a call it opens the incident and dispatches the plan. */
    autoDispatch: z.object({ after: durationSchema.default(60) }).strict().default({ after: 60 }),
    /** The drill ends this long after start at the latest. */
    duration: durationSchema,
    timeline: z.array(injectSchema).min(1).max(500),
    expectations: z.array(expectationSchema).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    s.timeline.forEach((inj, i) => {
      if (inj.at > s.duration) ctx.addIssue({ code: 'custom', path: ['timeline', i, 'at'], message: `is after the end of the drill (duration ${s.duration} s)` });
    });
  });
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
