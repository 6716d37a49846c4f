/**
 * MQTT contract v1, field side: sensor readings, citizen reports and CAP alerts, plus the sensor
 * definition shared by the registry CSV and the `sensors.register` API. Same rules as mqtt.ts:
 * payloads go through decodePayload (size, UTF-8, strict JSON, schema, timestamp sanity); unknown
 * fields are dropped, so senders may add optional fields without breaking the console.
 *
 *   qx/v1/sensors/{sensorId}/reading  {"kind","value","unit","ts"}
 *   qx/v1/reports/{channel}           {"reportId","category","text","lat","lon","address","contact"?,"ts"}
 *                                     channel: app | hotline | station | grid (a grid worker)
 *   qx/v1/alerts/cap                  raw CAP 1.2 XML (checked by electron/core/alerts/cap.ts, not JSON)
 */
import { z } from 'zod';
import { REPORT_CHANNELS, SENSOR_KINDS, type ReportChannel } from '../model.js';
import { epochMsSchema, idSchema, latSchema, lonSchema } from './common.js';
import { TOPIC_PREFIX } from './mqtt.js';

export const SENSOR_READING_TOPIC = `${TOPIC_PREFIX}/sensors/+/reading`;
export const REPORT_TOPIC = `${TOPIC_PREFIX}/reports/+`;
export const CAP_ALERT_TOPIC = `${TOPIC_PREFIX}/alerts/cap`;
/** What the console subscribes to for this contract (add to the router's subscriptions). */
export const FIELD_SUBSCRIPTIONS: readonly string[] = [SENSOR_READING_TOPIC, REPORT_TOPIC, CAP_ALERT_TOPIC];

export const fieldTopics = {
  reading: (sensorId: string) => `${TOPIC_PREFIX}/sensors/${sensorId}/reading`,
  report: (channel: ReportChannel) => `${TOPIC_PREFIX}/reports/${channel}`,
  cap: CAP_ALERT_TOPIC,
} as const;

/** Splits `qx/v1/sensors/{id}/reading`; null for any other topic or an id unsafe in topics. */
export function parseSensorTopic(topic: string): { sensorId: string } | null {
  const parts = topic.split('/');
  if (parts.length !== 5 || `${parts[0]}/${parts[1]}` !== TOPIC_PREFIX || parts[2] !== 'sensors' || parts[4] !== 'reading') return null;
  return idSchema.safeParse(parts[3]).success ? { sensorId: parts[3] } : null;
}

/** Splits `qx/v1/reports/{channel}`; null for any other topic or an unknown channel. */
export function parseReportTopic(topic: string): { channel: ReportChannel } | null {
  const parts = topic.split('/');
  if (parts.length !== 4 || `${parts[0]}/${parts[1]}` !== TOPIC_PREFIX || parts[2] !== 'reports') return null;
  const channel = REPORT_CHANNELS.find((c) => c === parts[3]);
  return channel ? { channel } : null;
}

/** Units are short symbols as the registry writes them ("m", "mm/h", "%LEL", "人/m²"). */
export const sensorUnitSchema = z.string().trim().min(1).max(16);

export const sensorReadingSchema = z.object({
  // Any id-like kind: a mismatch with the registered kind is refused with both names, which says
  // more than an enum error would.
  kind: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a lower-case kind such as water_level'),
  value: z.number(),
  unit: sensorUnitSchema,
  ts: epochMsSchema,
});
export type SensorReadingMsg = z.infer<typeof sensorReadingSchema>;

export const REPORT_TEXT_MAX = 4000;

export const reportSchema = z.object({
  reportId: idSchema,
  category: z.string().trim().min(1).max(64),
  text: z.string().trim().min(1, 'must not be empty').max(REPORT_TEXT_MAX),
  lat: latSchema,
  lon: lonSchema,
  address: z.string().trim().max(500),
  contact: z.string().trim().max(200).optional(),
  ts: epochMsSchema,
});
export type ReportMsg = z.infer<typeof reportSchema>;

const sensorFields = {
  id: idSchema,
  name: z.string().trim().min(1).max(100),
  kind: z.enum(SENSOR_KINDS),
  lat: latSchema,
  lon: lonSchema,
  unit: sensorUnitSchema,
  warning: z.number(),
  alarm: z.number(),
  /** Optional hysteresis band in the sensor's unit (default: a share of each line). */
  band: z.number().min(0).optional(),
};

const linesInOrder = (d: { warning: number; alarm: number }, ctx: z.RefinementCtx): void => {
  if (!(d.alarm > d.warning)) ctx.addIssue({ code: 'custom', path: ['alarm'], message: 'must be greater than warning' });
};

/** A sensor as the API registers it. */
export const sensorDefSchema = z.object(sensorFields).strict().superRefine(linesInOrder);
export type SensorDef = z.infer<typeof sensorDefSchema>;

/**
 * CSV cells are text: numbers must be plain decimals (an empty cell is missing, not 0 as
 * z.coerce would make it); an empty band cell means no band.
 */
const decimal = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (s === '') return undefined;
  return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
};
const csv = <T extends z.ZodType>(schema: T) => z.preprocess(decimal, schema);

/** One registry row (CSV columns id,name,kind,lat,lon,unit,warning,alarm and optional band). */
export const sensorRowSchema = z
  .object({
    ...sensorFields,
    lat: csv(latSchema),
    lon: csv(lonSchema),
    warning: csv(z.number()),
    alarm: csv(z.number()),
    band: csv(z.number().min(0).optional()),
  })
  .strip()
  .superRefine(linesInOrder);
