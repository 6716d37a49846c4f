/**
 * The case desk's vocabulary: cases (citizen requests and disputes), their SLA clocks, handling
 * bodies, categories, KPIs and map points. Shared by the core and the renderer; see ./api.ts for
 * the API contract built on these types.
 */

/** Where a case came from. app / hotline / station: MQTT terminals (qx/v1/reports/{channel}); phone: typed by the hotline operator; walk_in: at a desk; open311: GeoReport v2 clients. */
export const CASE_CHANNELS = ['app', 'hotline', 'station', 'grid', 'phone', 'walk_in', 'open311'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/**
 * received → assigned → accepted → in_progress → resolved | not_resolved → closed.
 * A body may return an assigned case (back to received); a case may be reassigned (assigned again).
 * merged: folded into another case (a duplicate); converted: became a dispatch incident.
 */
export const CASE_STATUSES = ['received', 'assigned', 'accepted', 'in_progress', 'resolved', 'not_resolved', 'closed', 'merged', 'converted'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses still being worked (their SLA clocks run). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['received', 'assigned', 'accepted', 'in_progress'];

export const CASE_URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CaseUrgency = (typeof CASE_URGENCIES)[number];

export const CASE_OUTCOMES = ['resolved', 'not_resolved'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const CASE_FEEDBACK = ['satisfied', 'dissatisfied', 'none'] as const;
export type CaseFeedback = (typeof CASE_FEEDBACK)[number];

/** Reporter contact: only returned to roles with the `personal` permission (null otherwise). */
export interface CaseReporter {
  readonly name: string;
  readonly phone: string;
}

/** One SLA clock (accept or complete). Times epoch ms; remaining is negative once breached. */
export interface SlaClock {
  /** Budget in active (unpaused) milliseconds. */
  readonly budgetMs: number;
  /** When the clock will run out, or ran out, counting pauses so far; null while paused. */
  readonly dueAt: number | null;
  /** Active ms left (negative: over by that much). Frozen while paused. */
  readonly remainingMs: number;
  /** pending: running or paused; met: step done in time; breached: ran out (done late or not done). */
  readonly state: 'pending' | 'met' | 'breached';
  /** The step's time (accepted / resolved), or null. */
  readonly doneAt: number | null;
}

export interface SlaView {
  readonly accept: SlaClock;
  readonly complete: SlaClock;
  readonly paused: boolean;
  readonly pausedSince: number | null;
  readonly pauseReason: string | null;
  /** Total paused ms so far (closed and open pauses). */
  readonly pausedMs: number;
  /** A warning before breach was raised for this case (accept or complete). */
  readonly warned: boolean;
  /** How many times the case was escalated on breach (0, 1, 2). */
  readonly escalations: number;
}

/** A case as lists and the map show it. */
export interface CaseView {
  readonly id: string;
  /** Short human number, unique per database: 1, 2, 3… */
  readonly number: number;
  readonly channel: CaseChannel;
  /** The sender's id: the MQTT reportId, the Open311 token; null for cases typed in. */
  readonly sourceRef: string | null;
  /** Category id (resources/cases/categories.json); a leaf or an inner node. */
  readonly category: string;
  readonly urgency: CaseUrgency;
  readonly status: CaseStatus;
  readonly description: string;
  readonly lat: number;
  readonly lon: number;
  readonly address: string;
  /** Training-city district id (chengdong, chengxi, …) and grid/community cell id, from the location; null outside. */
  readonly district: string | null;
  readonly community: string | null;
  /** Null when the caller's role lacks `personal`, or when the reporter gave none. */
  readonly reporter: CaseReporter | null;
  /** True when a contact exists but is hidden from this caller. */
  readonly reporterHidden: boolean;
  /** The body handling it (assigned), and the one the rules proposed at intake. */
  readonly bodyId: string | null;
  readonly proposedBodyId: string | null;
  readonly receivedAt: number;
  readonly assignedAt: number | null;
  readonly acceptedAt: number | null;
  readonly startedAt: number | null;
  /** When it was resolved or not resolved (the end of handling). */
  readonly completedAt: number | null;
  readonly closedAt: number | null;
  readonly outcome: CaseOutcome | null;
  readonly feedback: CaseFeedback | null;
  readonly mergedInto: string | null;
  readonly incidentId: string | null;
  readonly sla: SlaView;
  readonly updatedAt: number;
}

/** One entry of a case's history (every event about it, oldest first). */
export interface CaseEventEntry {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  /** Event type, e.g. case.received, case.assigned, case.sla_breached. */
  readonly type: string;
  /** The event's payload (ids, reasons, texts). */
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface CaseNote {
  readonly id: string;
  readonly at: number;
  readonly actor: string;
  /** note: free text; session: a mediation session; attachment: metadata of a file. */
  readonly kind: 'note' | 'session' | 'attachment';
  readonly text: string;
  /** session: { heldAt, parties, result }; attachment: { name, mime, size, sha256 }. */
  readonly data: Readonly<Record<string, unknown>> | null;
}

export type DuplicateReason = 'same_phone' | 'same_address' | 'similar_text' | 'nearby_same_category';

export interface DuplicateCandidate {
  readonly case: CaseView;
  readonly reasons: readonly DuplicateReason[];
  /** 0–1, higher = more likely the same matter. */
  readonly score: number;
}

export interface RoutingCandidate {
  readonly bodyId: string;
  /** Why this body: e.g. "category neighbour_dispute → community_committee; area covers G-03-04". */
  readonly why: string;
}

export interface RoutingProposal {
  /** The proposed body (first candidate), or null when no body covers the place and category. */
  readonly bodyId: string | null;
  readonly candidates: readonly RoutingCandidate[];
}

export interface CategoryNode {
  readonly id: string;
  readonly parent: string | null;
  readonly zh: string;
  readonly en: string;
  /** Default urgency of a new case in this category. */
  readonly urgency: CaseUrgency;
  /** Body kinds to route to, in order of preference (inherited from the parent when absent). */
  readonly route: readonly string[];
  /** Counts as a dispute for the hot-spot rule. */
  readonly dispute: boolean;
  /** Incident type proposed when such a case is converted to a dispatch incident. */
  readonly incidentType: string | null;
}

export interface BodyView {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  /** court, justice_bureau, mediation_committee, petition_office, street_office, community_committee, police_station, urban_management, … */
  readonly kind: string;
  /** 1 community, 2 street / township, 3 district or city. */
  readonly level: number;
  /** The next level, escalated to on breach; null at the top. */
  readonly parentId: string | null;
  /** Districts covered (empty: the whole city); communities (grid ids) when it covers a list of them. */
  readonly districts: readonly string[];
  readonly communities: readonly string[];
  /** Category ids it handles (subtrees included); empty: every category. */
  readonly categories: readonly string[];
  readonly slaAcceptHours: number;
  readonly slaCompleteHours: number;
}

export interface SlaDefaults {
  readonly acceptHours: number;
  readonly completeHours: number;
  /** Share of a budget used before a warning is raised (0.75: with a quarter left). */
  readonly warnAt: number;
}

export interface CasesCatalog {
  readonly categories: readonly CategoryNode[];
  readonly bodies: readonly BodyView[];
  readonly sla: SlaDefaults;
  readonly districts: readonly { readonly id: string; readonly zh: string; readonly en: string }[];
}

/** KPI figures for one population of cases (received in a period, optionally one district / body). */
export interface KpiFigures {
  /** Cases received in the period (merged duplicates not counted). */
  readonly collected: number;
  /** Of those, handled to an end (resolved or not resolved). */
  readonly completed: number;
  /** completed / collected, 0–1; null when nothing was collected. */
  readonly completionRate: number | null;
  readonly resolved: number;
  /** resolved / completed, 0–1. */
  readonly resolutionRate: number | null;
  /** Wall-clock time from receipt to acceptance / completion, ms (nearest-rank percentiles). */
  readonly acceptMedianMs: number | null;
  readonly acceptP90Ms: number | null;
  readonly completeMedianMs: number | null;
  readonly completeP90Ms: number | null;
  /** Cases whose accept or complete clock was breached. */
  readonly slaBreaches: number;
  /** Cases closed with feedback satisfied / dissatisfied; rate = satisfied / (satisfied + dissatisfied). */
  readonly satisfied: number;
  readonly dissatisfied: number;
  readonly satisfactionRate: number | null;
}

/** Figures whose cases can be listed (`cases.kpiCases`). */
export const KPI_FIGURES = ['collected', 'completed', 'resolved', 'accepted', 'slaBreaches', 'satisfied', 'dissatisfied', 'open'] as const;
export type KpiFigure = (typeof KPI_FIGURES)[number];

export interface TrendPoint {
  /** Start of the week (Monday) or month, epoch ms, China time (UTC+8) boundaries. */
  readonly start: number;
  /** e.g. "2026-W48" or "2026-11". */
  readonly label: string;
  readonly collected: number;
  readonly completed: number;
  readonly resolved: number;
  readonly slaBreaches: number;
  readonly satisfied: number;
  readonly dissatisfied: number;
}

export interface KpiReport {
  readonly from: number;
  readonly to: number;
  readonly district: string | null;
  readonly bodyId: string | null;
  readonly figures: KpiFigures;
  /** The same period one year earlier and the relative change of each count/rate ((now − then) / then; null when then is 0). */
  readonly previousYear: KpiFigures;
  readonly yoy: { readonly collected: number | null; readonly completionRate: number | null; readonly resolutionRate: number | null; readonly slaBreaches: number | null; readonly satisfactionRate: number | null };
  readonly byWeek: readonly TrendPoint[];
  readonly byMonth: readonly TrendPoint[];
  /** How long the computation took in the core, ms. */
  readonly computedMs: number;
}

/** A compact case for the map (no personal data). */
export interface CaseMapPoint {
  readonly id: string;
  readonly number: number;
  readonly status: CaseStatus;
  readonly category: string;
  readonly urgency: CaseUrgency;
  readonly lat: number;
  readonly lon: number;
}

/** A count per key, for breakdowns in the period report. */
export interface Breakdown {
  readonly key: string;
  readonly collected: number;
  readonly completed: number;
  readonly resolved: number;
  readonly slaBreaches: number;
}
