/**
 * The app API: the one contract between the renderer (or any client) and the core. Each method
 * has a zod schema for its input (checked by the core on every call) and a result type. The
 * Electron preload bridge, the WebSocket host and the REST routes are all built from this map.
 */
import { z } from 'zod';
import type {
  DiagnosticsView,
  IncidentView,
  LinkView,
  OrderView,
  RecommendationView,
  UnitView,
} from './model.js';
import type { Catalog } from './schemas/catalog.js';
import { idSchema, latSchema, lonSchema, uuidSchema } from './schemas/common.js';

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

export const apiInputs = {
  'session.snapshot': empty,
  'incidents.create': createIncidentInput,
  'incidents.get': z.object({ incidentId: uuidSchema }).strict(),
  'incidents.recommend': z.object({ incidentId: uuidSchema, level: z.number().int().min(1).max(5).optional() }).strict(),
  'incidents.dispatch': dispatchInput,
  'diagnostics.get': empty,
} as const;

export type ApiName = keyof typeof apiInputs;
export const API_NAMES = Object.keys(apiInputs) as ApiName[];
export type ApiInput<K extends ApiName> = z.infer<(typeof apiInputs)[K]>;

export interface Snapshot {
  readonly consoleId: string;
  readonly catalog: Catalog;
  readonly units: readonly UnitView[];
  readonly incidents: readonly IncidentView[];
  readonly orders: readonly OrderView[];
  readonly diagnostics: DiagnosticsView;
  readonly link: LinkView;
}

export interface IncidentDetail {
  readonly incident: IncidentView;
  readonly orders: readonly OrderView[];
}

export interface ApiResults {
  'session.snapshot': Snapshot;
  'incidents.create': { incident: IncidentView; recommendation: RecommendationView };
  'incidents.get': IncidentDetail;
  'incidents.recommend': RecommendationView;
  'incidents.dispatch': { orders: readonly OrderView[] };
  'diagnostics.get': DiagnosticsView;
}

/** Who is calling: recorded with every event the call causes. */
export interface CallContext {
  readonly actor: string;
  readonly consoleId: string;
}

/** The core implements this map; a host turns calls into it. */
export type ApiHandlers = {
  [K in ApiName]: (input: ApiInput<K>, ctx: CallContext) => Promise<ApiResults[K]>;
};

/** What a renderer holds: the same methods without the context (the host supplies it). */
export type ClientApi = {
  [K in ApiName]: (input: ApiInput<K>) => Promise<ApiResults[K]>;
};

/** Changes the core pushes to every client. Units arrive coalesced, at most one batch a frame. */
export type Push =
  | { readonly kind: 'units'; readonly units: readonly UnitView[] }
  | { readonly kind: 'incident'; readonly incident: IncidentView }
  | { readonly kind: 'order'; readonly order: OrderView }
  | { readonly kind: 'diagnostics'; readonly diagnostics: DiagnosticsView }
  | { readonly kind: 'link'; readonly link: LinkView };

export const API_ERROR_CODES = ['bad_request', 'unauthorized', 'not_found', 'conflict', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

/** What the Electron preload exposes as `window.qx` (and the WebSocket client imitates). */
export interface QxBridge {
  readonly api: ClientApi;
  onPush(listener: (p: Push) => void): () => void;
}

/** Channel names on IPC: one per method, plus the push channel. */
export const ipcChannel = (name: ApiName): string => `qx:${name}`;
export const IPC_PUSH = 'qx:push';
