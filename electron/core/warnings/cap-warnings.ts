/**
 * CAP alerts as risk warnings. One warning per alert thread: an Alert raises it, an Update
 * replaces its content in place (several referenced warnings fold into the first), a Cancel clears
 * it, and its expiry clears it too (WarningService.checkExpiry).
 *
 * Every message acted on is recorded (cap.received, with the warning it stands for), so that:
 *  - a repeat of the same sender and identifier is ignored (CAP feeds resend; MQTT redelivers);
 *  - a later message finds the warning of any message in the thread it references, whichever
 *    link of the chain it names;
 *  - an Alert or Update arriving after a message that already superseded it is not raised again.
 * Only Actual and Exercise messages become warnings (an exercise is marked in the title); Test,
 * System and Draft messages, and Ack and Error message types, are accepted and ignored.
 */
import type { CapAlert, CapInfo, CapSeverity } from '../../../shared/domain/cap-types.js';
import { referencedKeys, worstSeverity } from '../../../shared/domain/cap-types.js';
import type { WarningArea, WarningSeverity, WarningShape, WarningView } from '../../../shared/model.js';
import type { Author, WarningContent } from '../store/events.js';
import type { Store } from '../store/store.js';
import type { WarningBook } from './book.js';
import type { WarningQueries } from './views.js';

export interface CapOutcome {
  /** capKey(sender, identifier) of the message. */
  readonly key: string;
  /** The warnings it raised, updated or cleared. */
  readonly warnings: readonly WarningView[];
  /** Why it changed nothing (a repeat, a test message…); null when it was acted on. */
  readonly ignored: string | null;
}

const DETAIL_MAX = 4000;

/** CAP's Unknown is not taken for Minor: a warning of unknown severity is shown as moderate. */
const SEVERITY: Readonly<Record<CapSeverity, WarningSeverity>> = {
  Extreme: 'extreme',
  Severe: 'severe',
  Moderate: 'moderate',
  Minor: 'minor',
  Unknown: 'moderate',
};

/** The info block to show: the first in Chinese, else the first. */
function mainInfo(alert: CapAlert): CapInfo | undefined {
  return alert.infos.find((i) => i.language.toLowerCase().startsWith('zh')) ?? alert.infos[0];
}

/** Every drawable shape of every area of every info block, once each (languages repeat areas). */
export function capArea(alert: CapAlert): WarningArea | null {
  const shapes = new Map<string, WarningShape>();
  for (const info of alert.infos)
    for (const area of info.areas)
      for (const s of area.shapes) {
        const shape: WarningShape =
          s.kind === 'polygon'
            ? { type: 'Polygon', coordinates: s.rings.map((ring) => ring.map(([lon, lat]) => [lon, lat] as const)) }
            : { type: 'Circle', center: [s.center.lon, s.center.lat], radiusM: s.radiusM };
        shapes.set(JSON.stringify(shape), shape);
      }
  const list = [...shapes.values()];
  if (list.length === 0) return null;
  return list.length === 1 ? list[0] : { type: 'GeometryCollection', geometries: list };
}

/** When the alert stops being in force: the latest expiry of its info blocks; null if any runs open-ended. */
export function capExpires(alert: CapAlert): number | null {
  let latest: number | null = null;
  for (const info of alert.infos) {
    if (info.expires === null) return null;
    latest = Math.max(latest ?? info.expires.ms, info.expires.ms);
  }
  return latest;
}

/** What a CAP Alert or Update says as a warning; null for a message without info blocks. */
export function capWarningContent(alert: CapAlert): WarningContent | null {
  const info = mainInfo(alert);
  const worst = worstSeverity(alert);
  if (!info || worst === null) return null;
  const areaDesc = [...new Set(info.areas.map((a) => a.areaDesc))].join('；');
  const detail = [
    info.description,
    info.instruction,
    areaDesc ? `区域：${areaDesc}` : null,
    `发布：${info.senderName ?? alert.sender}`,
  ]
    .filter((p): p is string => p !== null && p.trim() !== '')
    .join('\n');
  return {
    sourceRef: alert.key,
    severity: SEVERITY[worst],
    title: `${alert.status === 'Exercise' ? '【演练】' : ''}${info.headline ?? info.event}`.slice(0, 300),
    detail: detail.length > DETAIL_MAX ? `${detail.slice(0, DETAIL_MAX - 1)}…` : detail,
    area: capArea(alert),
    issuedAt: alert.sent.ms,
    effectiveAt: info.effective?.ms ?? alert.sent.ms,
    expiresAt: capExpires(alert),
    closesRoads: alert.infos.some((i) => i.categories.includes('Transport') && i.responseTypes.includes('Avoid')),
  };
}

export class CapDesk {
  constructor(
    private readonly store: Store,
    private readonly queries: WarningQueries,
    private readonly book: WarningBook,
    private readonly now: () => number,
  ) {}

  /** Acts on one parsed CAP message (see the top of the file). */
  receive(alert: CapAlert, who: Author): CapOutcome {
    const key = alert.key;
    const ignore = (reason: string): CapOutcome => ({ key, warnings: [], ignored: reason });
    const msgType = alert.msgType;
    if (msgType !== 'Alert' && msgType !== 'Update' && msgType !== 'Cancel') return ignore(`msgType ${msgType}: not a warning`);
    if (alert.status !== 'Actual' && alert.status !== 'Exercise') return ignore(`status ${alert.status}: not a warning`);
    if (this.received(key)) return ignore('repeat of a message already received');

    const refs = [...new Set(referencedKeys(alert))];
    const touched: string[] = [];
    let ignored: string | null = null;
    this.book.batch(() => {
      const targets = this.openWarningsOf(refs);
      let warningId: string | null = targets[0] ?? null;
      const clearAll = (ids: readonly string[], reason: 'cancelled' | 'expired' | 'replaced'): void => {
        for (const id of ids) if (this.book.clear(id, reason, who)) touched.push(id);
      };
      const content = msgType === 'Cancel' ? null : capWarningContent(alert);
      if (msgType === 'Cancel') {
        clearAll(targets, 'cancelled');
      } else if (this.superseded(key)) {
        ignored = 'superseded by a later message that references it';
        warningId = null;
      } else if (content === null) {
        ignored = 'no info block: nothing to warn about';
      } else if (content.expiresAt !== null && content.expiresAt <= this.now()) {
        clearAll(targets, 'expired');
        ignored = 'already expired';
      } else if (warningId !== null) {
        this.book.update(warningId, content, who);
        touched.push(warningId);
        clearAll(targets.slice(1), 'replaced');
      } else {
        warningId = this.book.raise('cap', content, who);
        touched.push(warningId);
      }
      this.store.append(
        'cap.received',
        { key, identifier: alert.identifier, sender: alert.sender, sent: alert.sent.ms, msgType, references: refs, warningId },
        who,
      );
    });
    const warnings = touched.map((id) => this.queries.warning(id)).filter((w): w is WarningView => w !== undefined);
    return { key, warnings, ignored };
  }

  private received(key: string): boolean {
    return this.store.db.prepare('SELECT 1 FROM cap_alerts WHERE key = ?').get(key) !== undefined;
  }

  private superseded(key: string): boolean {
    return this.store.db.prepare('SELECT 1 FROM cap_refs WHERE ref_key = ?').get(key) !== undefined;
  }

  /** Open warnings standing for the referenced messages, oldest first, each once. */
  private openWarningsOf(refs: readonly string[]): string[] {
    const q = this.store.db.prepare(
      `SELECT w.id, w.raised_at FROM cap_alerts a JOIN warnings w ON w.id = a.warning_id WHERE a.key = ? AND w.cleared_at IS NULL`,
    );
    const found = new Map<string, number>();
    for (const ref of refs) for (const r of q.all(ref) as { id: string; raised_at: number }[]) found.set(r.id, r.raised_at);
    return [...found].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([id]) => id);
  }
}
