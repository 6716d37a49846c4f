/**
 * The case desk's writes: intake from every channel, triage, routing, the lifecycle. Each step
 * checks the case's status, appends one event (or a few, in one transaction), then re-checks the
 * SLA clocks (a late step records its breach) and pushes the case.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, type CallContext } from '../../../shared/api.js';
import type { CaseInput } from '../../../shared/cases/api.js';
import { locate, type CityAreas } from '../../../shared/cases/areas.js';
import { categoryFor, type CaseCatalog } from '../../../shared/cases/catalog.js';
import { OPEN_CASE_STATUSES, type CaseChannel, type CaseNote, type CaseStatus, type CaseUrgency } from '../../../shared/cases/model.js';
import { proposeBody } from '../../../shared/cases/routing.js';
import type { Author } from '../store/events.js';
import type { Store } from '../store/store.js';
import type { CaseQueries, CaseRow } from './queries.js';

export interface Intake {
  readonly channel: CaseChannel;
  readonly sourceRef: string | null;
  /** A catalog category id, or a report's free word (mapped by alias). */
  readonly category: string;
  readonly urgency?: CaseUrgency;
  readonly description: string;
  readonly lat: number;
  readonly lon: number;
  readonly address: string;
  readonly reporterName: string | null;
  readonly phone: string | null;
}

export interface DeskHooks {
  /** After a change committed: re-check SLA, hot spots, push. */
  readonly changed: (caseId: string, kind: 'new' | 'changed') => void;
}

const label = (r: CaseRow): string => `case #${r.number}`;

export class CaseDesk {
  constructor(
    private readonly store: Store,
    private readonly queries: CaseQueries,
    private readonly catalog: CaseCatalog,
    private readonly areas: CityAreas,
    private readonly hooks: DeskHooks,
  ) {}

  must(caseId: string): CaseRow {
    const r = this.queries.row(caseId);
    if (!r) throw new ApiError('not_found', `no case ${caseId}`);
    return r;
  }

  private mustBe(r: CaseRow, allowed: readonly CaseStatus[], action: string): void {
    if (!allowed.includes(r.status)) throw new ApiError('conflict', `${label(r)} is ${r.status}: cannot ${action} (only when ${allowed.join(' / ')})`);
  }

  /** Creates a case (idempotent per channel + sourceRef); returns its id and whether it is new. */
  receive(i: Intake, who: Author): { id: string; created: boolean } {
    if (i.sourceRef !== null) {
      const known = this.queries.bySource(i.channel, i.sourceRef);
      if (known) return { id: known.id, created: false };
    }
    const category = this.catalog.category.has(i.category) ? i.category : categoryFor(this.catalog, i.category);
    const place = locate(this.areas, i.lat, i.lon);
    const proposal = proposeBody(this.catalog, { category, lat: i.lat, lon: i.lon, ...place });
    const id = randomUUID();
    this.store.tx(() =>
      this.store.append(
        'case.received',
        {
          caseId: id,
          number: this.queries.nextNumber(),
          channel: i.channel,
          sourceRef: i.sourceRef,
          category,
          urgency: i.urgency ?? this.catalog.category.get(category)?.urgency ?? 'normal',
          description: i.description,
          lat: i.lat,
          lon: i.lon,
          address: i.address,
          district: place.district,
          community: place.community,
          reporterName: i.reporterName || null,
          phone: i.phone || null,
          proposedBodyId: proposal.bodyId,
        },
        who,
      ),
    );
    this.hooks.changed(id, 'new');
    return { id, created: true };
  }

  create(input: CaseInput<'cases.create'>, ctx: CallContext): string {
    if (!this.catalog.category.has(input.category)) throw new ApiError('bad_request', `category: unknown category "${input.category}"`);
    return this.receive({ ...input, sourceRef: null, reporterName: input.reporterName ?? null, phone: input.phone ?? null }, ctx).id;
  }

  triage(input: CaseInput<'cases.triage'>, ctx: CallContext): void {
    const r = this.must(input.caseId);
    this.mustBe(r, OPEN_CASE_STATUSES, 'triage');
    const category = input.category ?? r.category;
    if (!this.catalog.category.has(category)) throw new ApiError('bad_request', `category: unknown category "${category}"`);
    const proposal = proposeBody(this.catalog, { category, lat: r.lat, lon: r.lon, district: r.district, community: r.community });
    this.write(r.id, () => this.store.append('case.triaged', { caseId: r.id, category, urgency: input.urgency ?? r.urgency, proposedBodyId: proposal.bodyId }, ctx));
  }

  assign(input: CaseInput<'cases.assign'>, ctx: CallContext): void {
    const r = this.must(input.caseId);
    this.mustBe(r, OPEN_CASE_STATUSES, 'assign');
    if (!this.catalog.body.has(input.bodyId)) throw new ApiError('bad_request', `bodyId: unknown body "${input.bodyId}"`);
    const reassigned = r.status !== 'received';
    if (reassigned && r.body_id === input.bodyId) throw new ApiError('conflict', `${label(r)} is already with ${input.bodyId}`);
    const proposal = proposeBody(this.catalog, { category: r.category, lat: r.lat, lon: r.lon, district: r.district, community: r.community });
    const overrides = input.bodyId !== proposal.bodyId;
    if ((overrides || reassigned) && !input.reason)
      throw new ApiError('bad_request', `reason: a reason is required to ${reassigned ? 'reassign the case' : `override the proposed body (${proposal.bodyId ?? 'none'})`}`);
    this.write(r.id, () =>
      this.store.append('case.assigned', { caseId: r.id, bodyId: input.bodyId, proposedBodyId: proposal.bodyId, reason: input.reason ?? null, reassigned }, ctx),
    );
  }

  returnCase(input: CaseInput<'cases.return'>, ctx: CallContext): void {
    const r = this.must(input.caseId);
    this.mustBe(r, ['assigned', 'accepted', 'in_progress'], 'return');
    this.write(r.id, () => this.store.append('case.returned', { caseId: r.id, bodyId: r.body_id, reason: input.reason }, ctx));
  }

  accept(caseId: string, ctx: Author): void {
    const r = this.must(caseId);
    this.mustBe(r, ['assigned'], 'accept');
    this.write(r.id, () => this.store.append('case.accepted', { caseId }, ctx));
  }

  start(caseId: string, ctx: Author): void {
    const r = this.must(caseId);
    this.mustBe(r, ['accepted'], 'start');
    this.write(r.id, () => this.store.append('case.started', { caseId }, ctx));
  }

  note(caseId: string, kind: CaseNote['kind'], text: string, data: Record<string, unknown> | null, ctx: Author): CaseNote {
    const r = this.must(caseId);
    if (kind === 'session') this.mustBe(r, ['accepted', 'in_progress'], 'record a mediation session');
    const noteId = randomUUID();
    this.write(r.id, () => {
      // A mediation session means the work has started.
      if (kind === 'session' && r.status === 'accepted') this.store.append('case.started', { caseId }, ctx);
      this.store.append('case.noted', { caseId, noteId, kind, text, data }, ctx);
    });
    const n = this.queries.note(noteId);
    if (!n) throw new ApiError('internal', 'note not recorded');
    return n;
  }

  pause(input: CaseInput<'cases.pause'>, ctx: CallContext): void {
    const r = this.must(input.caseId);
    this.mustBe(r, OPEN_CASE_STATUSES, 'pause');
    if (this.queries.pauses(r.id).some((p) => p.to === null)) throw new ApiError('conflict', `${label(r)} is already paused`);
    this.write(r.id, () => this.store.append('case.paused', { caseId: r.id, reason: input.reason }, ctx));
  }

  resume(caseId: string, ctx: Author): void {
    const r = this.must(caseId);
    if (!this.queries.pauses(r.id).some((p) => p.to === null)) throw new ApiError('conflict', `${label(r)} is not paused`);
    this.write(r.id, () => this.store.append('case.resumed', { caseId }, ctx));
  }

  resolve(input: CaseInput<'cases.resolve'>, ctx: CallContext): void {
    const r = this.must(input.caseId);
    this.mustBe(r, ['accepted', 'in_progress'], 'resolve');
    this.write(r.id, () => this.store.append('case.completed', { caseId: r.id, outcome: input.outcome, summary: input.summary }, ctx));
  }

  close(input: CaseInput<'cases.close'>, ctx: CallContext): void {
    const r = this.must(input.caseId);
    this.mustBe(r, ['resolved', 'not_resolved'], 'close');
    this.write(r.id, () => this.store.append('case.closed', { caseId: r.id, feedback: input.feedback, comment: input.comment ?? null }, ctx));
  }

  merge(input: CaseInput<'cases.merge'>, ctx: CallContext): void {
    if (input.caseId === input.intoId) throw new ApiError('bad_request', 'intoId: a case cannot be merged into itself');
    const r = this.must(input.caseId);
    const into = this.must(input.intoId);
    this.mustBe(r, OPEN_CASE_STATUSES, 'merge');
    if (into.status === 'merged' || into.status === 'converted') throw new ApiError('conflict', `${label(into)} is ${into.status}: merge into the case it became`);
    this.write(r.id, () => this.store.append('case.merged', { caseId: r.id, intoId: into.id }, ctx));
    this.hooks.changed(into.id, 'changed');
  }

  converted(caseId: string, incidentId: string, ctx: Author): void {
    this.write(caseId, () => this.store.append('case.converted', { caseId, incidentId }, ctx));
  }

  mustConvertible(caseId: string): CaseRow {
    const r = this.must(caseId);
    this.mustBe(r, OPEN_CASE_STATUSES, 'turn into an incident');
    return r;
  }

  private write(caseId: string, fn: () => void): void {
    this.store.tx(fn);
    this.hooks.changed(caseId, 'changed');
  }
}
