/**
 * OASIS Common Alerting Protocol 1.2 alerts as the console holds them after parsing and
 * validation (electron/core/alerts/cap.ts). Pure types plus a few pure helpers, so the renderer can
 * draw the areas and list the warnings without knowing any XML.
 *
 * Names follow the standard's element names; repeated elements are plural arrays (info → infos,
 * area → areas, category → categories). An element the message leaves out is `null` (or an empty
 * array), never `undefined`, so the object survives a JSON round trip over IPC or WebSocket as is.
 */
import type { LatLon } from '../geo.js';

export const CAP12_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export type CapStatus = (typeof CAP_STATUSES)[number];

export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export type CapMsgType = (typeof CAP_MSG_TYPES)[number];

export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export type CapScope = (typeof CAP_SCOPES)[number];

export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export type CapCategory = (typeof CAP_CATEGORIES)[number];

export const CAP_RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const;
export type CapResponseType = (typeof CAP_RESPONSE_TYPES)[number];

export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export type CapUrgency = (typeof CAP_URGENCIES)[number];

/** Worst first: the order worstSeverity() ranks by. */
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export type CapSeverity = (typeof CAP_SEVERITIES)[number];

/** CAP 1.2 values only: the parser reads the CAP 1.0 "Very Likely" as "Likely". */
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** A CAP dateTime: the text as sent (its UTC offset is the sender's local time) and its instant. */
export interface CapTime {
  readonly text: string;
  /** Epoch ms. */
  readonly ms: number;
}

/** One "sender,identifier,sent" triplet of <references>: the earlier message this one updates, cancels or answers. */
export interface CapReference {
  readonly sender: string;
  readonly identifier: string;
  /** As written in the reference, to match the earlier message's <sent> text. */
  readonly sent: string;
}

/** <parameter>, <eventCode>, <geocode>: a system-specific name and its value. */
export interface CapValuePair {
  readonly valueName: string;
  readonly value: string;
}

/**
 * A drawable area shape. Polygon coordinates are turned from CAP's "lat,lon" into GeoJSON and
 * OpenLayers order: `rings` is a list of linear rings (CAP has exactly one, the outer ring), each a
 * closed list of [lon, lat] in WGS 84.
 */
export type CapShape =
  | { readonly kind: 'polygon'; readonly rings: readonly (readonly (readonly [number, number])[])[] }
  | { readonly kind: 'circle'; readonly center: LatLon; readonly radiusM: number };

export interface CapArea {
  readonly areaDesc: string;
  /** Polygons first, then circles, each in document order. Empty: the area is only described or geocoded. */
  readonly shapes: readonly CapShape[];
  readonly geocodes: readonly CapValuePair[];
  /** Feet above mean sea level, as CAP gives them. */
  readonly altitudeFt: number | null;
  readonly ceilingFt: number | null;
}

export interface CapResource {
  readonly resourceDesc: string;
  readonly mimeType: string;
  readonly sizeBytes: number | null;
  /** Only an absolute http(s) URL is kept, so the renderer can link it without further checks. */
  readonly uri: string | null;
  readonly digest: string | null;
}

export interface CapInfo {
  /** RFC 3066 tag; "en-US" when the message leaves it out, as the standard says. */
  readonly language: string;
  readonly categories: readonly CapCategory[];
  readonly event: string;
  readonly responseTypes: readonly CapResponseType[];
  readonly urgency: CapUrgency;
  readonly severity: CapSeverity;
  readonly certainty: CapCertainty;
  readonly audience: string | null;
  readonly eventCodes: readonly CapValuePair[];
  /** Null: effective from the alert's <sent>. */
  readonly effective: CapTime | null;
  readonly onset: CapTime | null;
  readonly expires: CapTime | null;
  readonly senderName: string | null;
  readonly headline: string | null;
  readonly description: string | null;
  readonly instruction: string | null;
  /** Absolute http(s) URL only. */
  readonly web: string | null;
  readonly contact: string | null;
  readonly parameters: readonly CapValuePair[];
  readonly resources: readonly CapResource[];
  readonly areas: readonly CapArea[];
}

export interface CapAlert {
  /** capKey(sender, identifier): what a later message's <references> points at. */
  readonly key: string;
  readonly identifier: string;
  readonly sender: string;
  readonly sent: CapTime;
  readonly status: CapStatus;
  readonly msgType: CapMsgType;
  readonly source: string | null;
  readonly scope: CapScope;
  /** Present when scope is Restricted. */
  readonly restriction: string | null;
  /** Present (non-empty) when scope is Private; quoted multi-word addresses are one entry. */
  readonly addresses: readonly string[];
  readonly codes: readonly string[];
  readonly note: string | null;
  readonly references: readonly CapReference[];
  readonly incidents: readonly string[];
  readonly infos: readonly CapInfo[];
}

/**
 * The identity of a CAP message for updates and cancels. CAP forbids spaces and commas in both
 * sender and identifier, so joining them with a comma cannot collide.
 */
export function capKey(sender: string, identifier: string): string {
  return `${sender},${identifier}`;
}

/** The keys of the earlier messages this one updates, cancels or answers. */
export function referencedKeys(alert: CapAlert): string[] {
  return alert.references.map((r) => capKey(r.sender, r.identifier));
}

/** The worst severity over the alert's info blocks; null for an alert without any (e.g. a Cancel). */
export function worstSeverity(alert: CapAlert): CapSeverity | null {
  let worst: CapSeverity | null = null;
  for (const info of alert.infos) {
    if (worst === null || CAP_SEVERITIES.indexOf(info.severity) < CAP_SEVERITIES.indexOf(worst)) worst = info.severity;
  }
  return worst;
}
