/**
 * Hot spots for preventive work: many disputes close together in a short time, or the same
 * address reporting again and again. Pure; the core passes the recent cases around a new one
 * and raises a risk warning (source 'hotspot') for what this returns.
 */
import { distanceM } from '../geo.js';
import { normalizeAddress } from './duplicates.js';

export interface HotspotRule {
  /** ≥ minCases dispute cases within radiusM of one another's centre in windowMs. */
  readonly minCases: number;
  readonly radiusM: number;
  readonly windowMs: number;
  /** ≥ sameAddressCases cases (any category) from one address in windowMs. */
  readonly sameAddressCases: number;
}

export const DEFAULT_HOTSPOT_RULE: HotspotRule = { minCases: 3, radiusM: 300, windowMs: 7 * 24 * 3_600_000, sameAddressCases: 3 };

export interface HotspotCase {
  readonly id: string;
  readonly lat: number;
  readonly lon: number;
  readonly address: string;
  readonly receivedAt: number;
  /** The category counts as a dispute (catalog). */
  readonly dispute: boolean;
}

export interface Hotspot {
  readonly kind: 'cluster' | 'address';
  /** Stable key: the warning's sourceRef (one open warning per key). */
  readonly key: string;
  readonly lat: number;
  readonly lon: number;
  readonly radiusM: number;
  readonly caseIds: readonly string[];
  readonly address: string | null;
}

/**
 * Hot spots that `subject` (just received) takes part in, given the cases received in the window
 * before it. A cluster is keyed by a coarse cell of its centre (≈ radius), so a growing cluster
 * keeps one warning.
 */
export function hotspotsFor(subject: HotspotCase, recent: readonly HotspotCase[], rule: HotspotRule = DEFAULT_HOTSPOT_RULE): Hotspot[] {
  const inWindow = recent.filter((c) => c.id !== subject.id && c.receivedAt <= subject.receivedAt && subject.receivedAt - c.receivedAt <= rule.windowMs);
  const out: Hotspot[] = [];
  if (subject.dispute) {
    const near = inWindow.filter((c) => c.dispute && distanceM(c, subject) <= rule.radiusM);
    if (near.length + 1 >= rule.minCases) {
      const members = [...near, subject];
      const lat = members.reduce((s, c) => s + c.lat, 0) / members.length;
      const lon = members.reduce((s, c) => s + c.lon, 0) / members.length;
      const cell = (rule.radiusM / 111_000) * 2;
      out.push({
        kind: 'cluster',
        key: `cluster:${Math.round(lat / cell)}:${Math.round(lon / cell)}`,
        lat,
        lon,
        radiusM: rule.radiusM,
        caseIds: members.map((c) => c.id),
        address: null,
      });
    }
  }
  const addr = normalizeAddress(subject.address);
  if (addr.length >= 4) {
    const same = inWindow.filter((c) => normalizeAddress(c.address) === addr);
    if (same.length + 1 >= rule.sameAddressCases)
      out.push({ kind: 'address', key: `address:${addr}`, lat: subject.lat, lon: subject.lon, radiusM: 50, caseIds: [...same, subject].map((c) => c.id), address: subject.address });
  }
  return out;
}
