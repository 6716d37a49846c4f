/** The domain's core vocabulary, shared by the core and the renderer. */
export const AGENCIES = ['fire', 'ems', 'police', 'traffic', 'urban', 'emergency', 'resources', 'grid'] as const;
export type AgencyId = (typeof AGENCIES)[number];

export const UNIT_STATUSES = [
  'available',
  'en_route',
  'on_scene',
  'transporting',
  'at_hospital',
  'returning',
  'out_of_service',
] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** Statuses in which a unit is committed to an incident. */
export const COMMITTED_STATUSES: ReadonlySet<UnitStatus> = new Set(['en_route', 'on_scene', 'transporting', 'at_hospital']);

export const INCIDENT_STATUSES = ['new', 'dispatched', 'on_scene', 'under_control', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** queued: in the outbox; sent: the broker took it (PUBACK); then the device answers. */
export const ORDER_STATES = ['queued', 'sent', 'acknowledged', 'refused', 'no_answer', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export interface Localized {
  readonly zh: string;
  readonly en: string;
}

export interface UnitView {
  readonly id: string;
  readonly name: string;
  readonly agency: AgencyId | null;
  readonly type: string | null;
  readonly station: string | null;
  /** False for a device that reports but is not on the roster: shown, never recommended. */
  readonly registered: boolean;
  readonly status: UnitStatus;
  readonly statusSince: number;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly heading: number | null;
  readonly speed: number | null;
  /** Device time of the last position, epoch ms. */
  readonly positionTs: number | null;
  readonly incidentId: string | null;
}

export interface IncidentView {
  readonly id: string;
  /** Short human number, unique per database: 1, 2, 3… */
  readonly number: number;
  readonly type: string;
  readonly priority: number;
  readonly status: IncidentStatus;
  readonly lat: number;
  readonly lon: number;
  readonly address: string;
  readonly summary: string;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly updatedAt: number;
}

export interface OrderView {
  readonly id: string;
  readonly incidentId: string;
  readonly unitId: string;
  readonly kind: 'dispatch' | 'cancel';
  readonly state: OrderState;
  readonly issuedAt: number;
  readonly sentAt: number | null;
  readonly answeredAt: number | null;
  readonly reason: string | null;
}

export interface PickView {
  readonly unitId: string;
  readonly distanceM: number;
  readonly etaS: number;
}

export interface SlotView {
  readonly unitType: string;
  readonly agency: AgencyId;
  readonly count: number;
  readonly picks: readonly PickView[];
  /** How many of `count` could not be filled. */
  readonly missing: number;
}

export interface RecommendationView {
  readonly incidentId: string;
  readonly level: number;
  readonly slots: readonly SlotView[];
}

export interface RejectionView {
  readonly at: number;
  readonly source: string;
  readonly where: string;
  readonly reason: string;
}

export interface DiagnosticsView {
  readonly startedAt: number;
  readonly accepted: Readonly<Record<string, number>>;
  readonly rejectedTotal: number;
  readonly rejectedBySource: Readonly<Record<string, number>>;
  readonly rejectedByReason: Readonly<Record<string, number>>;
  readonly recent: readonly RejectionView[];
}

export type LinkStatus = 'connecting' | 'connected' | 'offline';

export interface LinkView {
  readonly status: LinkStatus;
  readonly broker: string;
  readonly embedded: boolean;
  readonly since: number;
  readonly outbox: number;
}
