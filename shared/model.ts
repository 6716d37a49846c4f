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
  /** Alarm level of the response plan: 1, 2, 3. */
  readonly level: number;
  readonly disposition: string | null;
  readonly underControlAt: number | null;
  readonly closedAt: number | null;
  /** The times that matter, from its orders: first dispatched, acknowledged, en route, on scene. */
  readonly times: IncidentTimes;
}

export interface IncidentTimes {
  readonly firstDispatchedAt: number | null;
  readonly firstAckAt: number | null;
  readonly firstEnRouteAt: number | null;
  readonly firstOnSceneAt: number | null;
}

/** How an incident was closed. */
export const DISPOSITIONS = ['resolved', 'false_alarm', 'duplicate', 'transferred', 'no_action'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export interface NoteView {
  readonly id: string;
  readonly incidentId: string;
  readonly at: number;
  readonly actor: string;
  readonly text: string;
}

/** One line of an incident's timeline: an event of the log that concerns it. */
export interface TimelineEntry {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly at: number;
  readonly hlc: string;
  readonly actor: string;
  readonly console: string;
  readonly payload: Readonly<Record<string, unknown>>;
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
  /** Progress of the unit on this order, from its status reports. */
  readonly enRouteAt: number | null;
  readonly onSceneAt: number | null;
  readonly clearedAt: number | null;
  /** Times the order was published again for lack of an answer. */
  readonly resent: number;
  readonly cancelReason: string | null;
}

/** Why a recommended unit was picked: how far, how soon, from where. */
export interface PickView {
  readonly unitId: string;
  /** Straight-line distance from the unit's last position to the incident, metres. */
  readonly distanceM: number;
  readonly etaS: number;
  /** Road distance of the route, metres (straight line × road factor when not routed). */
  readonly roadM: number;
  /** True: ETA from the road graph. False: straight-line estimate (no graph, off-network or unreachable). */
  readonly routed: boolean;
  /** The position is older than the stale age: ranked after every fresh unit, location uncertain. */
  readonly stale: boolean;
  readonly station: string | null;
}

export interface SlotView {
  readonly unitType: string;
  readonly agency: AgencyId;
  readonly count: number;
  readonly picks: readonly PickView[];
  /** How many of `count` could not be filled. */
  readonly missing: number;
  /**
   * Why the slot is not cleanly filled. none_available: fewer available units of the type than the
   * plan asks (`missing` > 0). position_stale: filled, but only by units whose last position is
   * stale (see the picks' `stale`). null: every pick is fresh.
   */
  readonly shortage: 'none_available' | 'position_stale' | null;
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
  /**
   * Where the database's WAL checkpoints run: in a background worker, or SQLite's own in the core's
   * commits (the worker could not run: `error` says why). Absent for an in-memory database.
   */
  readonly checkpoints?: { readonly mode: 'worker' | 'starting' | 'automatic'; readonly error: string | null };
}

export type LinkStatus = 'connecting' | 'connected' | 'offline';

export interface LinkView {
  readonly status: LinkStatus;
  readonly broker: string;
  readonly embedded: boolean;
  readonly since: number;
  readonly outbox: number;
  /** MQTT version of the current (or last) connection: '5', or '3.1.1' (Aedes, older brokers). */
  readonly protocol?: '5' | '3.1.1';
  /** The connection is TLS (mqtts://, wss://). */
  readonly tls?: boolean;
  /** User name the console logs in with (never the password). */
  readonly user?: string;
  /** Failed connection attempts since the last successful one (0 when connected). */
  readonly attempt?: number;
  /** While offline: the backoff delay chosen and when the next attempt starts (epoch ms). */
  readonly retryInMs?: number;
  readonly retryAt?: number;
  /** Why the last attempt failed, for the operator ("connect ECONNREFUSED …", "Not authorized"). */
  readonly lastError?: string;
}

// ── Risk warnings, sensors and citizen reports (electron/core/warnings) ─────────────────────────

export const WARNING_SOURCES = ['sensor', 'cap', 'hotspot', 'geofence', 'case_sla'] as const;
export type WarningSource = (typeof WARNING_SOURCES)[number];

/** Least to worst, so an index comparison ranks them. */
export const WARNING_SEVERITIES = ['minor', 'moderate', 'severe', 'extreme'] as const;
export type WarningSeverity = (typeof WARNING_SEVERITIES)[number];

/**
 * Why a warning ended. normal: the sensor is back under its lines; cancelled: a CAP Cancel;
 * expired: its CAP expiry passed; replaced: a CAP Update folded it into another warning;
 * reconfigured: its sensor was registered again with another kind or unit.
 */
export const WARNING_CLEAR_REASONS = ['normal', 'cancelled', 'expired', 'replaced', 'reconfigured'] as const;
export type WarningClearReason = (typeof WARNING_CLEAR_REASONS)[number];

/** WGS 84 [longitude, latitude], GeoJSON and OpenLayers order. */
export type LonLat = readonly [number, number];

/**
 * A warning's area, GeoJSON-like. Point and Polygon are GeoJSON geometries (a polygon's rings are
 * closed, outer ring first). GeoJSON has no circle, so Circle is our own: centre plus radius in
 * metres (CAP's <circle>; radius 0 is a point). Several shapes (a CAP alert with several areas)
 * come as a GeometryCollection of these.
 */
export type WarningShape =
  | { readonly type: 'Point'; readonly coordinates: LonLat }
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly LonLat[])[] }
  | { readonly type: 'Circle'; readonly center: LonLat; readonly radiusM: number };
export type WarningArea = WarningShape | { readonly type: 'GeometryCollection'; readonly geometries: readonly WarningShape[] };

/** One risk warning, whatever raised it: a sensor over its line, a CAP alert, a hotspot, a geofence. */
export interface WarningView {
  readonly id: string;
  readonly source: WarningSource;
  /** sensor: the sensor id; cap: the key (sender,identifier) of the latest CAP message behind it. */
  readonly sourceRef: string;
  readonly severity: WarningSeverity;
  readonly title: string;
  readonly detail: string;
  /** Null: the source gave no shape (a CAP area only described or geocoded; see `detail`). */
  readonly area: WarningArea | null;
  /** The source's own times: CAP sent / effective (sent when absent) / expires; a sensor's reading ts. */
  readonly issuedAt: number;
  readonly effectiveAt: number;
  readonly expiresAt: number | null;
  /** Console times. */
  readonly raisedAt: number;
  readonly updatedAt: number;
  readonly clearedAt: number | null;
  readonly clearReason: WarningClearReason | null;
  /** Cleared again when the warning gets worse: a worse warning needs a new acknowledgement. */
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: number | null;
  /** Roads inside the area are closed (a CAP alert of category Transport with response Avoid): routed ETAs drive around it. */
  readonly closesRoads?: boolean;
}

export const SENSOR_KINDS = ['water_level', 'rainfall', 'smoke', 'gas', 'temperature', 'crowd_density'] as const;
export type SensorKind = (typeof SENSOR_KINDS)[number];

/** A sensor's threshold state: under both lines, over the warning line, over the alarm line. */
export const SENSOR_LEVELS = ['normal', 'warning', 'alarm'] as const;
export type SensorLevel = (typeof SENSOR_LEVELS)[number];

export interface SensorView {
  readonly id: string;
  readonly name: string;
  readonly kind: SensorKind;
  readonly lat: number;
  readonly lon: number;
  readonly unit: string;
  /** Lines in the sensor's unit: a reading at or over one raises the warning. */
  readonly warning: number;
  readonly alarm: number;
  /** Hysteresis band in the sensor's unit; null: the kind's or the default share of each line. */
  readonly band: number | null;
  readonly level: SensorLevel;
  /** The open warning while the level is not normal. */
  readonly warningId: string | null;
  readonly lastValue: number | null;
  /** Device time of the last accepted reading, epoch ms. */
  readonly lastTs: number | null;
}

/** `grid`: a grid worker's report from the field (qx/v1/reports/grid), same payload. */
export const REPORT_CHANNELS = ['app', 'hotline', 'station', 'grid'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Intake states; the case desk adds its own. */
export const REPORT_STATUSES = ['new'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A citizen report waiting in the intake queue. */
export interface ReportView {
  /** The sender's reportId: a repeat of it is the same report. */
  readonly id: string;
  readonly channel: ReportChannel;
  readonly category: string;
  readonly text: string;
  readonly lat: number;
  readonly lon: number;
  readonly address: string;
  readonly contact: string | null;
  /** Sender's time, epoch ms. */
  readonly ts: number;
  readonly receivedAt: number;
  readonly status: ReportStatus;
}
