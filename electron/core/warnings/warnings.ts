/**
 * Field intake and risk warnings: sensors and their readings, CAP alerts, citizen reports, and the
 * one warnings list they feed. The core wires it like this (see core.ts):
 *
 *   const warnings = new WarningService(store, { consoleId, push, now });
 *   if (cfg.sensorsFile) warnings.loadRegistry(cfg.sensorsFile);     // --sensors FILE; throws ResourceError
 *   handlers: { ...dispatchHandlers, ...warnings.handlers }            // the six API methods below
 *   setInterval(() => warnings.checkExpiry(), 30_000)                  // clears expired CAP warnings
 *
 * and the field router subscribes to FIELD_SUBSCRIPTIONS (shared/schemas/field.ts) and hands it
 * those messages, counting a returned reason as a rejection; ./field.ts does the decoding:
 *
 *   const source = fieldSource(topic);                                // 'mqtt:sensor' | 'mqtt:report' | 'mqtt:cap' | null
 *   if (source) this.guard(source, topic, () => routeField(warnings, topic, payload, this.now()));
 *
 *   qx/v1/sensors/{id}/reading  decodePayload(sensorReadingSchema, …) → warnings.reading(id, msg)
 *   qx/v1/reports/{channel}     decodePayload(reportSchema, …)        → warnings.report(channel, msg)
 *   qx/v1/alerts/cap            raw XML, not JSON                       → warnings.capXml(payload)
 *
 * API: warnings.list, warnings.ack, sensors.list, sensors.register, alerts.importCap, reports.list.
 * Pushes: { kind: 'warning' } for every raise, change, acknowledgement or clear (after it commits),
 * { kind: 'report' } for every new report. REST: `activeWarnings()` for GET /api/warnings and
 * `importCapBody(body, ctx)` for POST /api/alerts/cap.
 */
import { ApiError, type ApiHandlers, type ApiResults, type CallContext, type Push } from '../../../shared/api.js';
import type { ReportChannel, WarningView } from '../../../shared/model.js';
import type { ReportMsg, SensorReadingMsg } from '../../../shared/schemas/field.js';
import { parseCap } from '../alerts/cap.js';
import type { Author } from '../store/events.js';
import type { Store } from '../store/store.js';
import { WarningBook } from './book.js';
import { CapDesk } from './cap-warnings.js';
import { ReportDesk } from './reports.js';
import { loadSensorRegistry, SensorDesk, type SensorDeskOptions } from './sensors.js';
import { WarningQueries } from './views.js';

export type WarningApiName = 'warnings.list' | 'warnings.ack' | 'sensors.list' | 'sensors.register' | 'alerts.importCap' | 'reports.list';

export interface WarningServiceOptions {
  readonly consoleId: string;
  readonly push: (p: Push) => void;
  /** Defaults to the store's clock. */
  readonly now?: () => number;
  /** Hysteresis band per sensor kind, as a share of each line (default 5 %). */
  readonly kindBands?: SensorDeskOptions['kindBands'];
  /** How long a cleared warning stays in `warnings.list {includeCleared}` (default one day). */
  readonly clearedForMs?: number;
}

export class WarningService {
  readonly queries: WarningQueries;
  readonly book: WarningBook;
  readonly sensors: SensorDesk;
  readonly cap: CapDesk;
  readonly reports: ReportDesk;
  readonly handlers: Pick<ApiHandlers, WarningApiName>;
  private readonly now: () => number;
  private readonly system: Author;

  constructor(store: Store, opts: WarningServiceOptions) {
    this.now = opts.now ?? store.now;
    this.system = { actor: 'system', consoleId: opts.consoleId };
    this.queries = new WarningQueries(store.db);
    this.book = new WarningBook(store, this.queries, (warning) => opts.push({ kind: 'warning', warning }));
    this.sensors = new SensorDesk(store, this.queries, this.book, { consoleId: opts.consoleId, kindBands: opts.kindBands });
    this.cap = new CapDesk(store, this.queries, this.book, this.now);
    this.reports = new ReportDesk(store, this.queries, opts.consoleId, (report) => opts.push({ kind: 'report', report }));
    this.handlers = {
      'warnings.list': async ({ includeCleared }) => ({
        warnings: this.queries.warnings({ includeCleared, clearedSince: this.now() - (opts.clearedForMs ?? 24 * 3_600_000) }),
      }),
      'warnings.ack': async ({ warningId }, ctx) => this.ack(warningId, ctx),
      'sensors.list': async () => ({ sensors: this.sensors.list() }),
      'sensors.register': async (input, ctx) => this.sensors.register(input, ctx),
      'alerts.importCap': async ({ xml }, ctx) => this.importCap(xml, ctx),
      'reports.list': async ({ status }) => ({ reports: this.reports.list(status) }),
    };
  }

  /** Loads a sensor registry CSV and records each new or changed sensor. Throws ResourceError on a bad file. */
  loadRegistry(file: string): number {
    return this.sensors.registerAll(loadSensorRegistry(file), this.system);
  }

  /** One decoded reading from qx/v1/sensors/{id}/reading; returns the rejection reason or null. */
  reading(sensorId: string, msg: SensorReadingMsg): string | null {
    return this.sensors.reading(sensorId, msg);
  }

  /** One payload from qx/v1/alerts/cap (raw XML); returns the rejection reason or null (acted on or ignored). */
  capXml(payload: Uint8Array | string): string | null {
    const r = parseCap(payload);
    if (!r.ok) return r.reason;
    this.cap.receive(r.alert, this.system);
    return null;
  }

  /** One decoded report from qx/v1/reports/{channel}; returns the rejection reason or null. */
  report(channel: ReportChannel, msg: ReportMsg): string | null {
    return this.reports.receive(channel, msg);
  }

  /** Clears every open warning whose expiry has passed; returns how many. Call it periodically. */
  checkExpiry(): number {
    const ids = this.queries.expiredIds(this.now());
    if (ids.length === 0) return 0;
    return this.book.batch(() => ids.filter((id) => this.book.clear(id, 'expired', this.system)).length);
  }

  /** A CAP document from a file or the API; a document the parser refuses is a bad request. */
  importCap(xml: Uint8Array | string, who: Author): ApiResults['alerts.importCap'] {
    const r = parseCap(xml);
    if (!r.ok) throw new ApiError('bad_request', r.reason);
    return this.cap.receive(r.alert, who);
  }

  ack(warningId: string, who: CallContext): WarningView {
    const w = this.book.batch(() => this.book.ack(warningId, who));
    if (!w) throw new ApiError('not_found', `no warning ${warningId}`);
    return w;
  }

  /** GET /api/warnings: the open warnings (source, severity, area, times), worst first. */
  activeWarnings(): { warnings: WarningView[] } {
    return { warnings: this.queries.warnings() };
  }

  /** POST /api/alerts/cap: the raw request body (application/xml). */
  importCapBody(body: Uint8Array | string, ctx: CallContext): ApiResults['alerts.importCap'] {
    return this.importCap(body, ctx);
  }
}
