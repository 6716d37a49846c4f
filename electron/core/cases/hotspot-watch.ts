/**
 * Hot spots: after each new case, looks at the cases received in the rule's window around it and
 * raises (or updates, as it grows) one risk warning per hot spot, source 'hotspot', sourceRef
 * `cases:<key>` — many disputes close together, or one address reporting again and again.
 */
import type { CaseCatalog } from '../../../shared/cases/catalog.js';
import { DEFAULT_HOTSPOT_RULE, hotspotsFor, type Hotspot, type HotspotCase, type HotspotRule } from '../../../shared/cases/hotspots.js';
import type { Author, WarningContent } from '../store/events.js';
import type { WarningService } from '../warnings/warnings.js';
import type { CaseQueries, CaseRow } from './queries.js';

export class HotspotWatch {
  constructor(
    private readonly queries: CaseQueries,
    private readonly catalog: CaseCatalog,
    private readonly warnings: WarningService,
    private readonly system: Author,
    readonly rule: HotspotRule = DEFAULT_HOTSPOT_RULE,
  ) {}

  private subject = (r: CaseRow): HotspotCase => ({
    id: r.id,
    lat: r.lat,
    lon: r.lon,
    address: r.address,
    receivedAt: r.received_at,
    dispute: this.catalog.category.get(r.category)?.dispute ?? false,
  });

  private content(h: Hotspot, at: number): WarningContent {
    const n = h.caseIds.length;
    return {
      sourceRef: `cases:${h.key}`,
      severity: n >= this.rule.minCases * 2 ? 'severe' : 'moderate',
      title: h.kind === 'address' ? `同一地址反复诉求 ${n} 件：${h.address ?? ''}` : `矛盾纠纷热点：${Math.round(h.radiusM)} 米内 ${n} 件`,
      detail:
        h.kind === 'address'
          ? `${n} cases from one address (${h.address ?? ''}) within ${this.rule.windowMs / 86_400_000} days: preventive visit advised`
          : `${n} disputes within ${h.radiusM} m in ${this.rule.windowMs / 86_400_000} days: preventive work advised`,
      area: { type: 'Circle', center: [h.lon, h.lat], radiusM: h.radiusM },
      issuedAt: at,
      effectiveAt: at,
      expiresAt: at + this.rule.windowMs,
    };
  }

  /** Evaluates the rule around a new case; returns the hot spots it found. */
  onNewCase(caseId: string): Hotspot[] {
    const r = this.queries.row(caseId);
    if (!r) return [];
    const dLat = this.rule.radiusM / 111_000;
    const dLon = dLat / Math.cos((r.lat * Math.PI) / 180);
    const box = { minLat: r.lat - dLat, maxLat: r.lat + dLat, minLon: r.lon - dLon, maxLon: r.lon + dLon };
    const recent = this.queries.near(r.received_at - this.rule.windowMs, r.received_at, box, r.address).map(this.subject);
    const found = hotspotsFor(this.subject(r), recent, this.rule);
    if (found.length === 0) return found;
    const book = this.warnings.book;
    book.batch(() => {
      for (const h of found) {
        const content = this.content(h, r.received_at);
        const open = this.warnings.queries.openWarningOf('hotspot', content.sourceRef);
        if (open) book.update(open.id, content, this.system);
        else book.raise('hotspot', content, this.system);
      }
    });
    return found;
  }
}
