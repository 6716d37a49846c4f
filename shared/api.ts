/**
 * The app API: the one contract between the renderer (or any client) and the core. Each method
 * has a zod schema for its input (checked by the core on every call) and a result type. The
 * Electron preload bridge, the WebSocket host and the REST routes are all built from this map.
 */
import { z } from 'zod';
import {
  DISPOSITIONS,
  UNIT_STATUSES,
  type DiagnosticsView,
  type IncidentView,
  type LinkView,
  type NoteView,
  type OrderView,
  type RecommendationView,
  type TimelineEntry,
  type UnitView,
} from './model.js';
import { REPORT_STATUSES, type ReportView, type SensorView, type WarningView } from './model.js';
import { sensorDefSchema } from './schemas/field.js';
import type { Catalog } from './schemas/catalog.js';
import type { ApiName } from './api-names.js';
import type { Role } from './roles.js';
import { idSchema, latSchema, lonSchema, uuidSchema } from './schemas/common.js';
import { caseInputs, type CaseResults } from './cases/api.js';
import type { CaseView } from './cases/model.js';
import { panoramaInputs, type PanoramaPush, type PanoramaResults } from './panorama/api.js';
import { drillInputs, type DrillResults, type DrillStatus } from './drills/api.js';

export * from './api-names.js';

export const createIncidentInput = z
  .object({
    type: idSchema,
    lat: latSchema,
    lon: lonSchema,
    priority: z.number().int().min(1).max(9).optional(),
    address: z.string().max(200).optional(),
    summary: z.string().max(2000).optional(),
  })
  .strict();

export const dispatchInput = z
  .object({ incidentId: uuidSchema, unitIds: z.array(idSchema).min(1).max(50).optional() })
  .strict();

const empty = z.object({}).strict();
const reason = z.string().trim().min(1, 'a reason is required').max(500);

export const apiInputs = {
  'session.snapshot': empty,
  'incidents.create': createIncidentInput,
  'incidents.get': z.object({ incidentId: uuidSchema }).strict(),
  'incidents.recommend': z.object({ incidentId: uuidSchema, level: z.number().int().min(1).max(5).optional() }).strict(),
  'incidents.dispatch': dispatchInput,
  /** Open incidents that a new one at this point may duplicate (checked while the form is open). */
  'incidents.nearby': z.object({ type: idSchema, lat: latSchema, lon: lonSchema }).strict(),
  /** Raise the alarm level by one and dispatch the units the new level adds. */
  'incidents.escalate': z.object({ incidentId: uuidSchema }).strict(),
  'incidents.setStatus': z
    .object({ incidentId: uuidSchema, status: z.enum(['under_control', 'closed']), disposition: z.enum(DISPOSITIONS).optional() })
    .strict(),
  'incidents.addNote': z.object({ incidentId: uuidSchema, text: z.string().trim().min(1).max(4000) }).strict(),
  'incidents.link': z.object({ incidentId: uuidSchema, otherId: uuidSchema, relation: z.enum(['duplicate', 'related']) }).strict(),
  'incidents.timeline': z.object({ incidentId: uuidSchema }).strict(),
  'orders.cancel': z.object({ orderId: uuidSchema, reason }).strict(),
  /** Dispatch the next-best unit in place of a refused, unanswered or cancelled order. */
  'orders.replace': z.object({ orderId: uuidSchema }).strict(),
  /** A status set by the dispatcher (radio report, unit without a device). */
  'units.setStatus': z.object({ unitId: idSchema, status: z.enum(UNIT_STATUSES) }).strict(),
  /** Take a unit from its (lower-priority) incident to this one, with a logged reason. */
  'units.reassign': z.object({ unitId: idSchema, incidentId: uuidSchema, reason }).strict(),
  'diagnostics.get': empty,
  /** Open warnings of every source; with includeCleared also those cleared in the last day. */
  'warnings.list': z.object({ includeCleared: z.boolean().optional() }).strict(),
  /** Records the caller as having seen the warning (the first acknowledgement stands). */
  'warnings.ack': z.object({ warningId: uuidSchema }).strict(),
  'sensors.list': empty,
  /** Registers a sensor, or changes its definition and lines. */
  'sensors.register': sensorDefSchema,
  /** One CAP 1.2 XML document (the parser's own limit, 256 KiB, applies too). */
  'alerts.importCap': z.object({ xml: z.string().min(1).max(256 * 1024) }).strict(),
  /** The citizen reports intake queue: one status oldest first, or all newest first. */
  'reports.list': z.object({ status: z.enum(REPORT_STATUSES).optional() }).strict(),
  ...caseInputs,
  ...panoramaInputs,
  ...drillInputs,
  // The names live in api-names.ts (free of zod, for the preload bundle): both lists must agree.
} as const satisfies Record<ApiName, z.ZodType>;

export type ApiInput<K extends ApiName> = z.infer<(typeof apiInputs)[K]>;

export interface Snapshot {
  readonly consoleId: string;
  readonly catalog: Catalog;
  readonly units: readonly UnitView[];
  readonly incidents: readonly IncidentView[];
  readonly orders: readonly OrderView[];
  readonly diagnostics: DiagnosticsView;
  readonly link: LinkView;
  /** Drill mode and the running drill, if any (absent from consoles before drills). */
  readonly drill?: DrillStatus;
}

export interface IncidentDetail {
  readonly incident: IncidentView;
  readonly orders: readonly OrderView[];
  readonly notes: readonly NoteView[];
  readonly links: readonly { readonly otherId: string; readonly relation: string }[];
}

export interface ApiResults extends CaseResults, PanoramaResults, DrillResults {
  'session.snapshot': Snapshot;
  'incidents.create': { incident: IncidentView; recommendation: RecommendationView; duplicates: readonly IncidentView[] };
  'incidents.get': IncidentDetail;
  'incidents.recommend': RecommendationView;
  'incidents.dispatch': { orders: readonly OrderView[] };
  'incidents.nearby': { duplicates: readonly IncidentView[] };
  'incidents.escalate': { incident: IncidentView; orders: readonly OrderView[]; recommendation: RecommendationView };
  'incidents.setStatus': IncidentView;
  'incidents.addNote': NoteView;
  'incidents.link': { ok: true };
  'incidents.timeline': { entries: readonly TimelineEntry[] };
  'orders.cancel': OrderView;
  'orders.replace': { order: OrderView | null; recommendation: RecommendationView };
  'units.setStatus': UnitView;
  'units.reassign': { cancelled: OrderView; order: OrderView };
  'diagnostics.get': DiagnosticsView;
  'warnings.list': { warnings: readonly WarningView[] };
  'warnings.ack': WarningView;
  'sensors.list': { sensors: readonly SensorView[] };
  'sensors.register': SensorView;
  /** `key`: the message's capKey; `ignored`: why it changed nothing (a repeat, a test message…), else null. */
  'alerts.importCap': { key: string; warnings: readonly WarningView[]; ignored: string | null };
  'reports.list': { reports: readonly ReportView[] };
}

/** Who is calling: recorded with every event the call causes. */
export interface CallContext {
  readonly actor: string;
  readonly consoleId: string;
  /** What the caller may do and see (shared/roles.ts); checked by the core on every call. */
  readonly role: Role;
}

/** The core implements this map; a host turns calls into it. */
export type ApiHandlers = {
  [K in ApiName]: (input: ApiInput<K>, ctx: CallContext) => Promise<ApiResults[K]>;
};

/** What a renderer holds: the same methods without the context (the host supplies it). */
export type ClientApi = {
  [K in ApiName]: (input: ApiInput<K>) => Promise<ApiResults[K]>;
};

/** A unit's new position, pushed without the rest of its view (see Push `positions`). */
export type UnitPosition = Pick<UnitView, 'id' | 'lat' | 'lon' | 'heading' | 'speed' | 'positionTs'>;

/**
 * Changes the core pushes to every client. Units arrive coalesced, at most one batch a frame:
 * `units` carries whole views (units new to the client or changed by an event), `positions` just
 * the new positions of units the client already has (thousands a second: a fraction of the bytes).
 */
export type Push =
  | { readonly kind: 'units'; readonly units: readonly UnitView[] }
  | { readonly kind: 'positions'; readonly positions: readonly UnitPosition[] }
  | { readonly kind: 'incident'; readonly incident: IncidentView }
  | { readonly kind: 'order'; readonly order: OrderView }
  | { readonly kind: 'diagnostics'; readonly diagnostics: DiagnosticsView }
  | { readonly kind: 'link'; readonly link: LinkView }
  /** A warning raised, changed, acknowledged or cleared. */
  | { readonly kind: 'warning'; readonly warning: WarningView }
  /** A citizen report entered the intake queue. */
  | { readonly kind: 'report'; readonly report: ReportView }
  /** A case created or changed (reporter always null here: fetch cases.get for the contact). */
  | { readonly kind: 'case'; readonly case: CaseView }
  | PanoramaPush
  /** Drill mode, speed, pause, the running drill. */
  | { readonly kind: 'drill'; readonly drill: DrillStatus };

/** What the Electron preload exposes as `window.qx` (and the WebSocket client imitates). */
export interface QxBridge {
  readonly api: ClientApi;
  onPush(listener: (p: Push) => void): () => void;
}

