/**
 * The case desk's API contract (prefix `cases.`). Stable: only additive changes from here on.
 *
 * Reads (permission `read`): cases.catalog, cases.list, cases.get, cases.timeline, cases.duplicates,
 *   cases.route, cases.kpi, cases.kpiCases, cases.report, cases.map, cases.exportCsv.
 * Writes (permission `cases`: supervisor, dispatcher, caseworker): everything else. cases.toIncident
 *   also needs `dispatch` (checked in the handler: a caseworker gets `forbidden`).
 *
 * Flow and methods:
 *   intake     cases.create {channel:'phone'|'walk_in', reporterName, phone, lat, lon, address, category, description, urgency?}
 *              → {case, duplicates, proposal}. MQTT reports (qx/v1/reports/{app|hotline|station}) and Open311
 *              POSTs become cases by themselves (channel app/hotline/station/open311) and are pushed.
 *   triage     cases.triage {caseId, category?, urgency?}; cases.duplicates {caseId} → {candidates};
 *              cases.merge {caseId, intoId} (caseId becomes status 'merged', mergedInto = intoId);
 *              cases.toIncident {caseId, type, priority?} → {case, incidentId} (case status 'converted', case.incidentId set,
 *              a note on the incident names the case).
 *   routing    cases.route {caseId} → RoutingProposal (rules: category → preferred body kinds → the most local body whose
 *              area covers the case); cases.assign {caseId, bodyId, reason?}: `reason` is required when bodyId differs from
 *              the proposal or the case is already assigned (reassignment). cases.return {caseId, reason}: the body sends it
 *              back (status received, body cleared).
 *   lifecycle  cases.accept, cases.start {caseId}; cases.addNote {caseId, text}; cases.addSession {caseId, heldAt, parties, summary, result?};
 *              cases.addAttachment {caseId, name, mime, size, sha256?, note?} (metadata only); cases.pause {caseId, reason} /
 *              cases.resume {caseId} (waiting for the reporter: SLA clocks stop); cases.resolve {caseId, outcome, summary};
 *              cases.close {caseId, feedback, comment?}.
 *   SLA        every CaseView carries `sla` (accept / complete: budgetMs, dueAt, remainingMs, state; paused; escalations),
 *              computed when read. Before breach (warnAt share used) a `case_sla` warning (moderate) is raised; on breach
 *              a severe one plus `case.sla_breached` and `case.escalated` (to the supervisor and to the body's parent).
 *   KPIs       cases.kpi {from, to, district?, bodyId?} → KpiReport (figures, previous year + yoy, byWeek, byMonth);
 *              cases.kpiCases {…same, figure, limit?} → {ids, total, cases}: the cases behind a figure (audit);
 *              cases.report {…same} → PeriodReport: everything the printable period report needs in one call.
 *   map        cases.map {from?, to?, status?, category?, bbox?} → {points} (no personal data; at most 20,000).
 *   export     cases.exportCsv {…list filters, lang:'zh-CN'|'en'} → {filename, csv} (contacts only with `personal`).
 *
 * Times are epoch ms; periods are [from, to). Pushes: {kind:'case', case} after every change, with `reporter` always
 * null (pushes reach every client, including walls): fetch cases.get for the contact. Hot spots arrive as warnings
 * (source 'hotspot'), SLA warnings as source 'case_sla', through the existing {kind:'warning'} push.
 * REST: GET /api/cases?status=&body=&district=&from=&to=, GET /api/cases/kpi?from=&to=&district=&body=,
 * GET /api/cases/export.csv?lang=; Open311 GeoReport v2 under /open311/v2/ (docs/cases.md).
 */
import { z } from 'zod';
import { latSchema, lonSchema, uuidSchema } from '../schemas/common.js';
import {
  CASE_FEEDBACK,
  CASE_OUTCOMES,
  CASE_STATUSES,
  CASE_URGENCIES,
  KPI_FIGURES,
  type Breakdown,
  type CaseEventEntry,
  type CaseMapPoint,
  type CaseNote,
  type CasesCatalog,
  type CaseView,
  type DuplicateCandidate,
  type KpiReport,
  type RoutingProposal,
} from './model.js';

const caseId = uuidSchema;
const reason = z.string().trim().min(1, 'a reason is required').max(500);
const categoryId = z.string().regex(/^[a-z0-9_.]{1,64}$/, 'must be a category id (a–z 0–9 _ .)');
const bodyId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a body id');
const epochMs = z.number().int().min(0).max(4_102_444_800_000);
const period = { from: epochMs, to: epochMs, district: z.string().max(64).optional(), bodyId: bodyId.optional() };
const listFilters = {
  status: z.enum(CASE_STATUSES).optional(),
  bodyId: bodyId.optional(),
  district: z.string().max(64).optional(),
  category: categoryId.optional(),
  /** Received at or after / before (epoch ms). */
  from: epochMs.optional(),
  to: epochMs.optional(),
  /** Free text: number, address or description contains. */
  q: z.string().max(100).optional(),
};

export const caseInputs = {
  'cases.catalog': z.object({}).strict(),
  /** Newest first. */
  'cases.list': z
    .object({ ...listFilters, limit: z.number().int().min(1).max(1000).optional(), offset: z.number().int().min(0).optional() })
    .strict(),
  'cases.get': z.object({ caseId }).strict(),
  'cases.timeline': z.object({ caseId }).strict(),
  'cases.create': z
    .object({
      channel: z.enum(['phone', 'walk_in']),
      reporterName: z.string().trim().max(100).optional(),
      phone: z.string().trim().max(40).optional(),
      lat: latSchema,
      lon: lonSchema,
      address: z.string().trim().max(200),
      category: categoryId,
      description: z.string().trim().min(1, 'a description is required').max(4000),
      urgency: z.enum(CASE_URGENCIES).optional(),
    })
    .strict(),
  'cases.triage': z.object({ caseId, category: categoryId.optional(), urgency: z.enum(CASE_URGENCIES).optional() }).strict(),
  'cases.duplicates': z.object({ caseId }).strict(),
  'cases.merge': z.object({ caseId, intoId: caseId }).strict(),
  'cases.toIncident': z.object({ caseId, type: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), priority: z.number().int().min(1).max(9).optional() }).strict(),
  'cases.route': z.object({ caseId }).strict(),
  'cases.assign': z.object({ caseId, bodyId, reason: reason.optional() }).strict(),
  'cases.return': z.object({ caseId, reason }).strict(),
  'cases.accept': z.object({ caseId }).strict(),
  'cases.start': z.object({ caseId }).strict(),
  'cases.addNote': z.object({ caseId, text: z.string().trim().min(1).max(4000) }).strict(),
  'cases.addSession': z
    .object({ caseId, heldAt: epochMs, parties: z.array(z.string().trim().min(1).max(100)).max(20), summary: z.string().trim().min(1).max(4000), result: z.string().trim().max(500).optional() })
    .strict(),
  'cases.addAttachment': z
    .object({
      caseId,
      name: z.string().trim().min(1).max(200),
      mime: z.string().trim().min(1).max(100),
      size: z.number().int().min(0).max(2 ** 40),
      sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
      note: z.string().trim().max(500).optional(),
    })
    .strict(),
  'cases.pause': z.object({ caseId, reason }).strict(),
  'cases.resume': z.object({ caseId }).strict(),
  'cases.resolve': z.object({ caseId, outcome: z.enum(CASE_OUTCOMES), summary: z.string().trim().min(1).max(4000) }).strict(),
  'cases.close': z.object({ caseId, feedback: z.enum(CASE_FEEDBACK), comment: z.string().trim().max(1000).optional() }).strict(),
  'cases.kpi': z.object(period).strict(),
  'cases.kpiCases': z.object({ ...period, figure: z.enum(KPI_FIGURES), limit: z.number().int().min(1).max(1000).optional() }).strict(),
  'cases.report': z.object(period).strict(),
  'cases.map': z
    .object({
      from: epochMs.optional(),
      to: epochMs.optional(),
      status: z.array(z.enum(CASE_STATUSES)).max(CASE_STATUSES.length).optional(),
      category: categoryId.optional(),
      /** [minLon, minLat, maxLon, maxLat] */
      bbox: z.tuple([lonSchema, latSchema, lonSchema, latSchema]).optional(),
    })
    .strict(),
  'cases.exportCsv': z.object({ ...listFilters, lang: z.enum(['zh-CN', 'en']) }).strict(),
} as const;

export type CaseApiName = keyof typeof caseInputs;
export type CaseInput<K extends CaseApiName> = z.infer<(typeof caseInputs)[K]>;

/** Everything the printable period report needs. */
export interface PeriodReport {
  readonly kpi: KpiReport;
  readonly byCategory: readonly Breakdown[];
  readonly byBody: readonly Breakdown[];
  readonly byDistrict: readonly Breakdown[];
  readonly catalog: CasesCatalog;
  readonly generatedAt: number;
}

export interface CaseDetail {
  readonly case: CaseView;
  readonly notes: readonly CaseNote[];
  /** Cases merged into this one. */
  readonly merged: readonly CaseView[];
  /** Open possible duplicates (same phone / address / similar text / nearby same category). */
  readonly duplicates: readonly DuplicateCandidate[];
  readonly proposal: RoutingProposal;
}

export interface CaseResults {
  'cases.catalog': CasesCatalog;
  'cases.list': { cases: readonly CaseView[]; total: number };
  'cases.get': CaseDetail;
  'cases.timeline': { entries: readonly CaseEventEntry[] };
  'cases.create': { case: CaseView; duplicates: readonly DuplicateCandidate[]; proposal: RoutingProposal };
  'cases.triage': CaseView;
  'cases.duplicates': { candidates: readonly DuplicateCandidate[] };
  /** The surviving case. */
  'cases.merge': CaseView;
  'cases.toIncident': { case: CaseView; incidentId: string };
  'cases.route': RoutingProposal;
  'cases.assign': CaseView;
  'cases.return': CaseView;
  'cases.accept': CaseView;
  'cases.start': CaseView;
  'cases.addNote': CaseNote;
  'cases.addSession': CaseNote;
  'cases.addAttachment': CaseNote;
  'cases.pause': CaseView;
  'cases.resume': CaseView;
  'cases.resolve': CaseView;
  'cases.close': CaseView;
  'cases.kpi': KpiReport;
  'cases.kpiCases': { ids: readonly string[]; total: number; cases: readonly CaseView[] };
  'cases.report': PeriodReport;
  'cases.map': { points: readonly CaseMapPoint[]; truncated: boolean };
  'cases.exportCsv': { filename: string; csv: string };
}
