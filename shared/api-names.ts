/**
 * The app API's method names, errors and IPC channels: the part of the contract that needs no
 * zod, so that the sandboxed preload bundle stays small. `api.ts` checks that its input schemas
 * cover exactly these names.
 */
export const API_NAMES = [
  'session.snapshot',
  'incidents.create',
  'incidents.get',
  'incidents.recommend',
  'incidents.dispatch',
  'incidents.nearby',
  'incidents.escalate',
  'incidents.setStatus',
  'incidents.addNote',
  'incidents.link',
  'incidents.timeline',
  'orders.cancel',
  'orders.replace',
  'units.setStatus',
  'units.reassign',
  'diagnostics.get',
  'warnings.list',
  'warnings.ack',
  'sensors.list',
  'sensors.register',
  'alerts.importCap',
  'reports.list',
  // Case desk (shared/cases/api.ts)
  'cases.catalog',
  'cases.list',
  'cases.get',
  'cases.timeline',
  'cases.create',
  'cases.triage',
  'cases.duplicates',
  'cases.merge',
  'cases.toIncident',
  'cases.route',
  'cases.assign',
  'cases.return',
  'cases.accept',
  'cases.start',
  'cases.addNote',
  'cases.addSession',
  'cases.addAttachment',
  'cases.pause',
  'cases.resume',
  'cases.resolve',
  'cases.close',
  'cases.kpi',
  'cases.kpiCases',
  'cases.report',
  'cases.map',
  'cases.exportCsv',
  // The panorama (shared/panorama/api.ts).
  'maps.list',
  'maps.open',
  'maps.close',
  'entities.list',
  'entities.get',
  'entities.create',
  'entities.update',
  'entities.delete',
  'entities.link',
  'entities.unlink',
  'entities.import',
  'entities.export',
  'panorama.around',
  'grid.cells',
  'grid.assign',
  'grid.coverage',
  'geofences.list',
  'geofences.save',
  'geofences.delete',
  'cameras.feed',
  'wall.show',
  'wall.state',
  'wall.setLayout',
  'stats.summary',
  'drill.status',
  'drill.scenarios',
  'drill.start',
  'drill.control',
  'drill.stop',
  'drill.runs',
  'drill.report',
  'replay.range',
  'replay.at',
] as const;
export type ApiName = (typeof API_NAMES)[number];

export const API_ERROR_CODES = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'internal'] as const;
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
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};


/** Rebuilds an ApiError from what crossed a boundary (Electron's contextBridge keeps only plain data). */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (typeof e === 'object' && e !== null) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    const known = (API_ERROR_CODES as readonly unknown[]).includes(code);
    return new ApiError(known ? (code as ApiErrorCode) : 'internal', typeof message === 'string' ? message : 'internal error');
  }
  return new ApiError('internal', String(e));
}

/** Channel names on IPC: one per method, plus the push channel. */
export const ipcChannel = (name: ApiName): string => `qx:${name}`;
export const IPC_PUSH = 'qx:push';
