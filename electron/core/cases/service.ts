/**
 * The case desk: every citizen request and dispute from every channel in one queue, routed to a
 * handling body, followed on SLA clocks to closure, measured by KPIs. Wiring (see core.ts):
 *
 *   const cases = new CaseService(store, warnings, { consoleId, push, now, resourcesDir, mapFile, incidents });
 *   handlers: { ...cases.handlers }          // the cases.* methods (shared/cases/api.ts)
 *   cases.start() / cases.stop()             // SLA watch every 30 s; reports left without a case at start
 *
 * MQTT citizen reports (report.received, electron/core/warnings/reports.ts) become cases as soon
 * as they commit; reports left without a case (a crash in between) are taken at start.
 */
import { ApiError, type ApiHandlers, type CallContext, type Push } from '../../../shared/api.js';
import type { CaseApiName, CaseDetail } from '../../../shared/cases/api.js';
import type { CityAreas } from '../../../shared/cases/areas.js';
import type { Place } from '../../../shared/domain/places.js';
import { catalogView, type CaseCatalog } from '../../../shared/cases/catalog.js';
import { DEFAULT_CASE_DUPLICATE_RULE, findDuplicates } from '../../../shared/cases/duplicates.js';
import type { DuplicateCandidate } from '../../../shared/cases/model.js';
import { proposeBody } from '../../../shared/cases/routing.js';
import { can } from '../../../shared/roles.js';
import type { EventRecord } from '../store/events.js';
import type { Store } from '../store/store.js';
import type { WarningService } from '../warnings/warnings.js';
import { loadCaseCatalog } from './catalog-load.js';
import { casesCsv } from './csv.js';
import { CaseDesk } from './desk.js';
import { HotspotWatch } from './hotspot-watch.js';
import { KpiService } from './kpi-service.js';
import { CaseQueries, type CaseRow } from './queries.js';
import { SlaWatch } from './sla-watch.js';

export interface IncidentBridge {
  create(input: { type: string; lat: number; lon: number; priority?: number; address?: string; summary?: string }, ctx: CallContext): { id: string };
  note(incidentId: string, text: string, ctx: CallContext): void;
}

export interface CaseServiceOptions {
  readonly consoleId: string;
  readonly push: (p: Push) => void;
  readonly now?: () => number;
  readonly resourcesDir: string;
  readonly mapFile: string;
  readonly incidents?: IncidentBridge;
  readonly slaCheckMs?: number;
  /** False: no case pushes (bulk work without clients, e.g. a generated history). */
  readonly pushCases?: boolean;
}

export class CaseService {
  readonly catalog: CaseCatalog;
  readonly areas: CityAreas;
  /** The map's named places: an address without coordinates (Open311) is located with them. */
  readonly places: readonly Place[];
  readonly queries: CaseQueries;
  readonly desk: CaseDesk;
  readonly sla: SlaWatch;
  readonly hotspots: HotspotWatch;
  readonly kpi: KpiService;
  readonly handlers: Pick<ApiHandlers, CaseApiName>;
  private timer: NodeJS.Timeout | null = null;
  private warm: NodeJS.Timeout | null = null;
  private offEvents: (() => void) | null = null;
  private readonly system;

  constructor(
    private readonly store: Store,
    warnings: WarningService,
    private readonly opts: CaseServiceOptions,
  ) {
    const now = opts.now ?? store.now;
    this.system = { actor: 'system', consoleId: opts.consoleId };
    ({ catalog: this.catalog, areas: this.areas, places: this.places } = loadCaseCatalog(opts.resourcesDir, opts.mapFile));
    this.queries = new CaseQueries(store.db, this.catalog, now);
    this.kpi = new KpiService(this.queries, this.catalog, now);
    this.sla = new SlaWatch(store, this.queries, this.catalog, warnings, this.system, (id) => this.pushCase(id));
    this.hotspots = new HotspotWatch(this.queries, this.catalog, warnings, this.system);
    this.desk = new CaseDesk(store, this.queries, this.catalog, this.areas, {
      changed: (id, kind) => {
        if (kind === 'new') this.hotspots.onNewCase(id);
        this.sla.settle(id);
        this.pushCase(id);
      },
    });
    this.handlers = this.makeHandlers();
    // Reports become cases and KPI facts follow case events from the start (also without start()).
    this.offEvents = store.onEvent((e) => this.onEvent(e));
  }

  /** Runs `fn` in one store transaction (bulk work such as a generated history). */
  transaction<T>(fn: () => T): T {
    return this.store.tx(fn);
  }

  /** Takes the MQTT reports left without a case (a crash in between), and starts the SLA watch. */
  start(): void {
    for (const r of this.queries.reportsWithoutCase()) this.fromReport(r);
    this.timer = setInterval(() => this.sla.check(), this.opts.slaCheckMs ?? 30_000);
    // Load the KPI facts once the console is up, so the first dashboard refresh is not the slow one.
    this.warm = setTimeout(() => void this.kpi.current(), 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.warm) clearTimeout(this.warm);
    this.offEvents?.();
  }

  private onEvent(e: EventRecord): void {
    if (e.type === 'report.received') this.fromReport((e as EventRecord<'report.received'>).payload);
    else if (e.type.startsWith('case.')) this.kpi.touch((e.payload as { caseId: string }).caseId);
  }

  private fromReport(p: EventRecord<'report.received'>['payload']): void {
    this.desk.receive(
      { channel: p.channel, sourceRef: p.reportId, category: p.category, description: p.text, lat: p.lat, lon: p.lon, address: p.address, reporterName: null, phone: p.contact },
      { actor: `citizen:${p.channel}`, consoleId: this.opts.consoleId },
    );
  }

  private pushCase(id: string): void {
    if (this.opts.pushCases === false) return;
    const r = this.queries.row(id);
    if (r) this.opts.push({ kind: 'case', case: this.queries.view(r, false) });
  }

  view(id: string, ctx: CallContext) {
    return this.queries.view(this.desk.must(id), can(ctx.role, 'personal'));
  }

  duplicates(r: CaseRow, personal: boolean): DuplicateCandidate[] {
    const subject = (x: CaseRow) => ({ id: x.id, phone: x.phone, address: x.address, description: x.description, category: x.category, lat: x.lat, lon: x.lon, receivedAt: x.received_at });
    const window = DEFAULT_CASE_DUPLICATE_RULE.windowMs;
    const others = this.queries.around(r.received_at - window, r.received_at + window, r.id);
    return findDuplicates(subject(r), others.map((o) => ({ ...subject(o), row: o })))
      .slice(0, 20)
      .map((d) => ({ case: this.queries.view(d.other.row, personal), reasons: d.reasons, score: d.score }));
  }

  detail(id: string, ctx: CallContext): CaseDetail {
    const r = this.desk.must(id);
    const personal = can(ctx.role, 'personal');
    return {
      case: this.queries.view(r, personal),
      notes: this.queries.notes(id),
      merged: this.queries.mergedInto(id).map((m) => this.queries.view(m, personal)),
      duplicates: this.duplicates(r, personal),
      proposal: proposeBody(this.catalog, { category: r.category, lat: r.lat, lon: r.lon, district: r.district, community: r.community }),
    };
  }

  toIncident(caseId: string, type: string, priority: number | undefined, ctx: CallContext): string {
    if (!can(ctx.role, 'dispatch')) throw new ApiError('forbidden', `the ${ctx.role} role may not create incidents (needs dispatch)`);
    const bridge = this.opts.incidents;
    if (!bridge) throw new ApiError('internal', 'no dispatch service');
    const r = this.desk.mustConvertible(caseId);
    const incidentId = this.store.tx(() => {
      const inc = bridge.create({ type, lat: r.lat, lon: r.lon, priority, address: r.address, summary: `[案件 #${r.number}] ${r.description}`.slice(0, 2000) }, ctx);
      bridge.note(inc.id, `由案件 #${r.number} 转入 / from case #${r.number} (${r.id})`, ctx);
      this.desk.converted(r.id, inc.id, ctx);
      return inc.id;
    });
    return incidentId;
  }

  private makeHandlers(): Pick<ApiHandlers, CaseApiName> {
    const personal = (ctx: CallContext): boolean => can(ctx.role, 'personal');
    const d = this.desk;
    return {
      'cases.catalog': async () => catalogView(this.catalog),
      'cases.list': async (input, ctx) => this.queries.list(input, personal(ctx)),
      'cases.get': async ({ caseId }, ctx) => this.detail(caseId, ctx),
      'cases.timeline': async ({ caseId }) => {
        d.must(caseId);
        return { entries: this.queries.timeline(caseId) };
      },
      'cases.create': async (input, ctx) => {
        const id = d.create(input, ctx);
        const detail = this.detail(id, ctx);
        return { case: detail.case, duplicates: detail.duplicates, proposal: detail.proposal };
      },
      'cases.triage': async (input, ctx) => (d.triage(input, ctx), this.view(input.caseId, ctx)),
      'cases.duplicates': async ({ caseId }, ctx) => ({ candidates: this.duplicates(d.must(caseId), personal(ctx)) }),
      'cases.merge': async (input, ctx) => (d.merge(input, ctx), this.view(input.intoId, ctx)),
      'cases.toIncident': async ({ caseId, type, priority }, ctx) => {
        const incidentId = this.toIncident(caseId, type, priority, ctx);
        return { case: this.view(caseId, ctx), incidentId };
      },
      'cases.route': async ({ caseId }) => {
        const r = d.must(caseId);
        return proposeBody(this.catalog, { category: r.category, lat: r.lat, lon: r.lon, district: r.district, community: r.community });
      },
      'cases.assign': async (input, ctx) => (d.assign(input, ctx), this.view(input.caseId, ctx)),
      'cases.return': async (input, ctx) => (d.returnCase(input, ctx), this.view(input.caseId, ctx)),
      'cases.accept': async ({ caseId }, ctx) => (d.accept(caseId, ctx), this.view(caseId, ctx)),
      'cases.start': async ({ caseId }, ctx) => (d.start(caseId, ctx), this.view(caseId, ctx)),
      'cases.addNote': async ({ caseId, text }, ctx) => d.note(caseId, 'note', text, null, ctx),
      'cases.addSession': async ({ caseId, heldAt, parties, summary, result }, ctx) => d.note(caseId, 'session', summary, { heldAt, parties, result: result ?? null }, ctx),
      'cases.addAttachment': async ({ caseId, name, mime, size, sha256, note }, ctx) => d.note(caseId, 'attachment', note ?? name, { name, mime, size, sha256: sha256 ?? null }, ctx),
      'cases.pause': async (input, ctx) => (d.pause(input, ctx), this.view(input.caseId, ctx)),
      'cases.resume': async ({ caseId }, ctx) => (d.resume(caseId, ctx), this.view(caseId, ctx)),
      'cases.resolve': async (input, ctx) => (d.resolve(input, ctx), this.view(input.caseId, ctx)),
      'cases.close': async (input, ctx) => (d.close(input, ctx), this.view(input.caseId, ctx)),
      'cases.kpi': async (q) => this.kpi.kpi(q),
      'cases.kpiCases': async ({ figure, limit, ...q }, ctx) => {
        const ids = this.kpi.caseIds(q, figure);
        const cases = ids.slice(0, limit ?? 100).flatMap((id) => {
          const r = this.queries.row(id);
          return r ? [this.queries.view(r, personal(ctx))] : [];
        });
        return { ids, total: ids.length, cases };
      },
      'cases.report': async (q) => this.kpi.report(q),
      'cases.map': async (q) => {
        const points = this.queries.mapPoints(q, 20_001);
        return { points: points.slice(0, 20_000), truncated: points.length > 20_000 };
      },
      'cases.exportCsv': async ({ lang, ...f }, ctx) => ({
        filename: `cases-${new Date(this.store.now()).toISOString().slice(0, 10)}-${lang}.csv`,
        csv: casesCsv(this.queries.exportRows(f), this.catalog, lang, personal(ctx)),
      }),
    };
  }
}
